// The schemas embedded in the test scripts, checked with the validator Postman's sandbox uses
// (Ajv 6, draft-07, `allErrors`), so what passes here passes in Postman and newman.
import { deref, firstExample, type JsonSchema, type OpenApiDocument } from "@propelauth-openapi/spec";
import Ajv6 from "ajv6";
import { describe, expect, it } from "vitest";
import { documentedResponses, toSandboxSchema } from "../src/index.js";
import { doc, operations } from "./support.js";

const sandboxValid = (schema: JsonSchema | boolean, value: unknown): boolean => {
  const ajv = new Ajv6({ allErrors: true, logger: false });
  return ajv.validate(schema as object, value) === true;
};

function responseExamples(): [string, string, string, unknown][] {
  const result: [string, string, string, unknown][] = [];
  for (const op of operations) {
    for (const [status, declared] of Object.entries(op.operation.responses)) {
      for (const [type, media] of Object.entries(deref(doc, declared).content ?? {})) {
        if (media.example !== undefined) result.push([op.operationId, status, type, media.example]);
        for (const [name, example] of Object.entries(media.examples ?? {})) {
          result.push([`${op.operationId} (${name})`, status, type, deref<{ value?: unknown }>(doc, example).value]);
        }
      }
    }
  }
  return result;
}

describe("the embedded response schemas", () => {
  it.each(responseExamples())("accept the documented example of %s %s (%s)", (label, status, type, value) => {
    const operationId = label.split(" ")[0]!;
    const op = operations.find((o) => o.operationId === operationId)!;
    const schema = documentedResponses(doc, op)[status]![type];
    if (schema) expect(sandboxValid(schema, value)).toBe(true);
  });

  it("compile in the sandbox's validator for every operation and status", () => {
    for (const op of operations) {
      for (const media of Object.values(documentedResponses(doc, op))) {
        for (const schema of Object.values(media)) if (schema) expect(() => new Ajv6().compile(schema as object)).not.toThrow();
      }
    }
  });

  it("accept every documented request body example too (the translation is generic)", () => {
    for (const op of operations) {
      const body = op.operation.requestBody ? deref(doc, op.operation.requestBody) : undefined;
      const media = body?.content["application/json"];
      if (!media?.schema) continue;
      const example = firstExample(doc, media);
      if (example.found) expect(sandboxValid(toSandboxSchema(doc, media.schema), example.value), op.operationId).toBe(true);
    }
  });
});

// A small document with each construct the translation handles.
const fixture = {
  openapi: "3.1.0",
  info: { title: "t", version: "1", description: "", "x-propelauth-key-kinds": {}, "x-propelauth-permissions": {} },
  servers: [],
  tags: [],
  paths: {},
  components: {
    schemas: {
      Id: { type: "string", format: "uuid", description: "an id", examples: ["x"] },
      Node: {
        type: "object",
        additionalProperties: false,
        required: ["id", "children"],
        properties: {
          id: { $ref: "#/components/schemas/Id" },
          label: { type: ["string", "null"] },
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          kind: { oneOf: [{ type: "null" }, { const: "leaf" }, { $ref: "#/components/schemas/Kind" }] },
          size: { $ref: "#/components/schemas/Size", minimum: 1 },
          tags: { type: "object", propertyNames: { enum: ["a", "b"] }, additionalProperties: { type: "integer" } },
          count: { type: "integer", format: "int64" },
        },
      },
      Kind: { type: "string", enum: ["branch", "root"] },
      Size: { type: "integer" },
      Page: {
        allOf: [
          { type: "object", required: ["page"], properties: { page: { type: "integer" } } },
          { type: "object", required: ["nodes"], properties: { nodes: { type: "array", items: { $ref: "#/components/schemas/Node" } } } },
        ],
      },
      Anything: { description: "undocumented" },
      Pair: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false },
    },
  },
} as unknown as OpenApiDocument;

const node = (extra: Record<string, unknown> = {}) => ({
  id: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a",
  children: [{ id: "1189c444-8a2d-4c41-8b4b-ae43ce79a492", children: [] }],
  ...extra,
});

describe("toSandboxSchema", () => {
  const nodeSchema = toSandboxSchema(fixture, { $ref: "#/components/schemas/Node" });
  const pageSchema = toSandboxSchema(fixture, { $ref: "#/components/schemas/Page" });

  it("resolves $ref to components, recursively, into definitions", () => {
    expect(Object.keys((nodeSchema as { definitions: object }).definitions).sort()).toEqual(["Id", "Kind", "Node", "Size"]);
    expect(sandboxValid(nodeSchema, node())).toBe(true);
    expect(sandboxValid(nodeSchema, node({ children: [{ id: "not-a-uuid", children: [] }] }))).toBe(false);
  });

  it("keeps nullable type arrays", () => {
    expect(sandboxValid(nodeSchema, node({ label: null }))).toBe(true);
    expect(sandboxValid(nodeSchema, node({ label: "x" }))).toBe(true);
    expect(sandboxValid(nodeSchema, node({ label: 3 }))).toBe(false);
  });

  it("keeps oneOf with null, const and references", () => {
    for (const kind of [null, "leaf", "root"]) expect(sandboxValid(nodeSchema, node({ kind }))).toBe(true);
    expect(sandboxValid(nodeSchema, node({ kind: "other" }))).toBe(false);
  });

  it("keeps additionalProperties (false and schema) and propertyNames", () => {
    expect(sandboxValid(nodeSchema, node({ extra: 1 }))).toBe(false);
    expect(sandboxValid(nodeSchema, node({ tags: { a: 1 } }))).toBe(true);
    expect(sandboxValid(nodeSchema, node({ tags: { a: "x" } }))).toBe(false);
    expect(sandboxValid(nodeSchema, node({ tags: { c: 1 } }))).toBe(false);
  });

  it("keeps the siblings of a $ref", () => {
    expect(sandboxValid(nodeSchema, node({ size: 2 }))).toBe(true);
    expect(sandboxValid(nodeSchema, node({ size: 0 }))).toBe(false);
  });

  it("keeps allOf and required", () => {
    expect(sandboxValid(pageSchema, { page: 0, nodes: [node()] })).toBe(true);
    expect(sandboxValid(pageSchema, { page: 0 })).toBe(false);
    expect(sandboxValid(pageSchema, { page: "0", nodes: [] })).toBe(false);
  });

  it("drops annotations and the formats the sandbox does not know", () => {
    const text = JSON.stringify(nodeSchema);
    expect(text).not.toContain("description");
    expect(text).not.toContain("examples");
    expect(text).not.toContain("int64");
    expect(text).toContain('"format":"uuid"');
  });

  it("turns an annotation-only component into a schema that accepts anything", () => {
    expect(toSandboxSchema(fixture, { $ref: "#/components/schemas/Anything" })).toEqual({});
  });

  it("translates prefixItems to draft-07 tuples", () => {
    const pair = toSandboxSchema(fixture, { $ref: "#/components/schemas/Pair" });
    expect(sandboxValid(pair, ["a", 1])).toBe(true);
    expect(sandboxValid(pair, ["a", "b"])).toBe(false);
    expect(sandboxValid(pair, ["a", 1, 2])).toBe(false);
  });

  it("refuses a keyword it cannot translate instead of weakening the check", () => {
    expect(() => toSandboxSchema(fixture, { type: "object", unevaluatedProperties: false })).toThrow(/unevaluatedProperties/);
  });
});
