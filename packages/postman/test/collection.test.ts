// The built collection against the Postman v2.1 schema and against the document it comes from.
import { readFileSync } from "node:fs";
import { createValidator, deref, requestMedia } from "@propelauth-openapi/spec";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { generateCollection } from "../src/index.js";
import { collection, doc, itemFor, items, operations } from "./support.js";

const validator = createValidator(doc);

describe("the collection file", () => {
  it("validates against the Postman collection v2.1.0 JSON schema", () => {
    const schema = JSON.parse(readFileSync(new URL("../schema/collection-v2.1.0.schema.json", import.meta.url), "utf8"));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(collection);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
    expect(ok).toBe(true);
    expect(collection.info.schema).toBe("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
  });

  it("the schema check catches a broken collection", () => {
    const schema = JSON.parse(readFileSync(new URL("../schema/collection-v2.1.0.schema.json", import.meta.url), "utf8"));
    const validate = new Ajv({ strict: false }).compile(schema);
    const broken = structuredClone(collection) as unknown as { item: { item: { request: { url: unknown } }[] }[] };
    broken.item[0]!.item[0]!.request.url = 42;
    expect(validate(broken)).toBe(false);
  });

  it("is what the generator makes from the current bundled document (rebuild after a spec change)", () => {
    expect(JSON.parse(JSON.stringify(generateCollection(doc)))).toEqual(collection);
  });

  it("uses bearer auth from {{apiKey}} at collection level, and no request overrides it", () => {
    expect(collection.auth).toEqual({ type: "bearer", bearer: [{ key: "token", value: "{{apiKey}}", type: "string" }] });
    for (const { item } of items) {
      expect(item.request.auth, item.id).toBeUndefined();
      expect(
        item.request.header.map((h) => h.key.toLowerCase()),
        item.id,
      ).not.toContain("authorization");
    }
  });
});

describe("one request per operation", () => {
  it("has exactly one request per operation of the document, with the operationId as its id", () => {
    const ids = items.map((i) => i.item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(operations.map((op) => op.operationId).sort());
    expect(items.length).toBe(operations.length);
  });

  it("has a folder per tag, in the document's tag order, each request in the folder of its tag", () => {
    const used = doc.tags.map((t) => t.name).filter((name) => operations.some((op) => op.operation.tags[0] === name));
    expect(collection.item.map((f) => f.name)).toEqual(used);
    for (const folder of collection.item) {
      expect(folder.description.content).toBe(doc.tags.find((t) => t.name === folder.name)?.description);
      expect(folder.item.length).toBeGreaterThan(0);
    }
    for (const op of operations) {
      expect(items.find((i) => i.item.id === op.operationId)?.folder, op.operationId).toBe(op.operation.tags[0]);
    }
  });

  it("lists each folder's requests in document order", () => {
    for (const folder of collection.item) {
      const expected = operations.filter((op) => op.operation.tags[0] === folder.name).map((op) => op.operationId);
      expect(folder.item.map((i) => i.id)).toEqual(expected);
    }
  });
});

describe.each(operations.map((op) => [op.operationId, op] as const))("%s", (operationId, op) => {
  const item = itemFor(operationId);

  it("is named by the summary and sends the exact method and path on {{authUrl}}", () => {
    expect(item.name).toBe(op.operation.summary);
    expect(item.request.method).toBe(op.method.toUpperCase());
    expect(item.request.url.host).toEqual(["{{authUrl}}"]);
    const path = `/${item.request.url.path.map((s) => (s.startsWith(":") ? `{${s.slice(1)}}` : s)).join("/")}`;
    expect(path).toBe(op.path);
    expect(item.request.url.raw.split("?")[0]).toBe(`{{authUrl}}${op.path.replace(/\{([^}]+)\}/g, ":$1")}`);
  });

  it("describes the operation: summary, description, key kinds and Custom permissions by name", () => {
    const text = item.description.content;
    const access = op.operation["x-propelauth-access"];
    expect(text).toContain(op.operation.summary);
    expect(text).toContain(op.operation.description.trim());
    for (const kind of access["key-kinds"]) expect(text).toContain(doc.info["x-propelauth-key-kinds"][kind]!.name);
    for (const permission of access.permissions) {
      expect(text).toContain(doc.info["x-propelauth-permissions"][permission]!.name);
    }
    for (const extra of access["field-permissions"] ?? []) {
      for (const field of extra.fields) expect(text).toContain(`\`${field}\``);
      for (const permission of extra.permissions) expect(text).toContain(doc.info["x-propelauth-permissions"][permission]!.name);
    }
    expect(text).toContain(`\`${operationId}\``);
  });

  it("has every parameter: path variables filled in, required query enabled, optional disabled", () => {
    const pathParams = op.parameters.filter((p) => p.in === "path");
    expect((item.request.url.variable ?? []).map((v) => v.key).sort()).toEqual(pathParams.map((p) => p.name).sort());
    for (const variable of item.request.url.variable ?? []) expect(variable.value, variable.key).not.toBe("");
    for (const param of op.parameters.filter((p) => p.in === "query")) {
      const entries = (item.request.url.query ?? []).filter((q) => q.key === param.name);
      expect(entries.length, param.name).toBeGreaterThan(0);
      for (const entry of entries) expect(entry.disabled === true, param.name).toBe(!param.required);
    }
    for (const param of op.parameters.filter((p) => p.in === "header")) {
      expect(item.request.header.find((h) => h.key === param.name)?.disabled === true, param.name).toBe(!param.required);
    }
    const known = new Set(op.parameters.map((p) => p.name));
    for (const q of item.request.url.query ?? []) expect(known.has(q.key), q.key).toBe(true);
  });

  it("sends a request the document accepts", () => {
    const query = new URLSearchParams((item.request.url.query ?? []).filter((q) => !q.disabled).map((q) => [q.key, q.value]));
    const pathParams = Object.fromEntries((item.request.url.variable ?? []).map((v) => [v.key, v.value]));
    const body = item.request.body ? JSON.parse(item.request.body.raw) : undefined;
    expect(validator.validateRequest(op, { pathParams, query, body }).errors).toEqual({});
    if (requestMedia(doc, op)) {
      expect(item.request.body?.options?.raw.language).toBe("json");
      expect(item.request.header).toContainEqual({ key: "Content-Type", value: "application/json" });
    } else expect(item.request.body).toBeUndefined();
  });

  it("saves an example response for every documented response and example, each valid", () => {
    for (const [status, declared] of Object.entries(op.operation.responses)) {
      const response = deref(doc, declared);
      const saved = item.response.filter((r) => r.name.startsWith(`${status} `));
      expect(saved.length, status).toBeGreaterThan(0);
      const media = Object.values(response.content ?? {})[0];
      const exampleCount = (media?.example !== undefined ? 1 : 0) + Object.keys(media?.examples ?? {}).length;
      expect(saved.length, status).toBe(Math.max(1, exampleCount));
      for (const example of saved) {
        expect(example.code).toBe(Number(status));
        expect(example.originalRequest).toEqual(item.request);
        const type = Object.keys(response.content ?? {})[0];
        if (type === "application/json" && example.body !== "") {
          expect(validator.validateResponse(op, Number(status), JSON.parse(example.body)), example.name).toEqual([]);
        }
      }
    }
  });

  it("carries a test script with the documented statuses", () => {
    const script = item.event.find((e) => e.listen === "test")?.script.exec.join("\n") ?? "";
    expect(script).toContain(`const operationId = ${JSON.stringify(operationId)};`);
    for (const status of Object.keys(op.operation.responses)) expect(script).toContain(`"${status.toUpperCase()}": {`);
    expect(script).toContain("to.have.jsonSchema(schema)");
  });
});
