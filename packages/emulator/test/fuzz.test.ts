// Schema-driven bad input: for every operation, malformed path parameters, query parameters and
// bodies derived from the document. Each must be answered with a 4xx that the operation documents
// (never a 5xx), and leave the stored state exactly as it was. Bounded: a fixed seed and at most
// MAX_PER_OPERATION requests per operation.
import { createValidator, deref, type JsonSchema, type Operation, requestMedia } from "@propelauth-openapi/spec";
import { beforeAll, describe, expect, it } from "vitest";
import { doc, exampleRequest, operations, pathOf, request, substitute, useEmulator } from "./support.js";
import { buildWorld, type World } from "./world.js";

const MAX_PER_OPERATION = 40;
const validator = createValidator(doc);

interface Variant {
  name: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body?: unknown;
  raw?: string;
}

/** A small deterministic PRNG (mulberry32), so that every run sends the same requests. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const typesOf = (schema: JsonSchema): string[] => {
  const t = schema.type;
  if (Array.isArray(t)) return t as string[];
  if (typeof t === "string") return [t];
  if (schema.const !== undefined || schema.enum) return ["string"];
  return [];
};

/** Values of the wrong type or out of range for a schema. */
function wrongValues(schema: JsonSchema): unknown[] {
  const s = deref<JsonSchema>(doc, schema);
  const types = typesOf(s);
  const out: unknown[] = [];
  if (!types.includes("string")) out.push("text");
  else {
    if (s.format === "uuid") out.push("not-a-uuid", "2667ae3c36c64d429bd4a4f1ac0c1d6a");
    if (s.format === "email") out.push("not an email");
    if (s.format === "date") out.push("2020-13-45");
    if (s.enum || s.const !== undefined) out.push("NOT_ONE_OF_THEM");
    if (typeof s.pattern === "string") out.push("zz");
  }
  if (!types.includes("integer") && !types.includes("number")) out.push(42);
  else out.push(1.5, typeof s.minimum === "number" ? s.minimum - 1 : -1e12, typeof s.maximum === "number" ? s.maximum + 1 : 1e300);
  if (!types.includes("boolean")) out.push(true);
  if (!types.includes("array")) out.push(["a"]);
  if (!types.includes("object")) out.push({ nested: { deep: [1, { x: null }] } });
  if (!types.includes("null")) out.push(null);
  return out;
}

/** The object schema of a request body (the first branch of a oneOf). */
function bodySchema(op: Operation): JsonSchema | undefined {
  const media = requestMedia(doc, op);
  if (!media?.schema) return undefined;
  let schema = deref<JsonSchema>(doc, media.schema);
  if (Array.isArray(schema.oneOf)) schema = deref<JsonSchema>(doc, schema.oneOf[0] as JsonSchema);
  return schema;
}

function randomJson(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return Math.floor(rand() * 1e6) - 5e5;
    case 3:
      return "\u0000'; DROP TABLE users; --".slice(0, Math.floor(rand() * 30));
    case 4:
      return rand() * 1e10;
    case 5:
      return Array.from({ length: Math.floor(rand() * 3) }, () => randomJson(rand, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 3) }, (_, i) => [`k${i}`, randomJson(rand, depth + 1)]));
  }
}

function variantsOf(op: Operation, base: { params: Record<string, string>; query: Record<string, string>; body: unknown }): Variant[] {
  const rand = prng(op.operationId.split("").reduce((n, c) => (n * 31 + c.charCodeAt(0)) | 0, 7));
  const v: Variant[] = [];
  const add = (name: string, change: Partial<Variant>) =>
    v.push({ name, params: base.params, query: base.query, body: base.body, ...change });

  for (const p of op.parameters) {
    const schema = deref<JsonSchema>(doc, p.schema ?? {});
    if (p.in === "path") {
      for (const bad of ["not-a-uuid", "x".repeat(300), "00000000-0000-0000-0000-00000000000g", "ü b/c", "-1", "null"]) {
        add(`path ${p.name}=${bad.slice(0, 20)}`, { params: { ...base.params, [p.name]: bad } });
      }
    } else if (p.in === "query") {
      for (const bad of wrongValues(schema)) {
        if (typeof bad === "object" && bad !== null) continue;
        add(`query ${p.name}=${String(bad)}`, { query: { ...base.query, [p.name]: String(bad) } });
      }
      if (!typesOf(schema).includes("array")) add(`query ${p.name} twice`, { query: { ...base.query, [p.name]: ["a", "b"] } });
      if (p.required) {
        const { [p.name]: _, ...rest } = base.query;
        add(`query ${p.name} missing`, { query: rest });
      }
    }
  }
  add("unknown query parameter", { query: { ...base.query, zzz_unknown: "1" } });

  const schema = bodySchema(op);
  if (op.operation.requestBody) {
    for (const raw of ["{", "[]", '"text"', "null", "42", '{"a":1}}', "\u0000"]) add(`raw body ${raw}`, { raw, body: undefined });
    add("no body", { body: undefined });
    add("empty object", { body: {} });
    const example = (base.body ?? {}) as Record<string, unknown>;
    add("unknown field", { body: { ...example, zzz_unknown: 1 } });
    const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    for (const [name, propSchema] of Object.entries(props)) {
      for (const bad of wrongValues(propSchema).slice(0, 3))
        add(`body ${name}=${JSON.stringify(bad).slice(0, 20)}`, { body: { ...example, [name]: bad } });
    }
    for (const name of (schema?.required as string[] | undefined) ?? []) {
      const { [name]: _, ...rest } = example;
      add(`body without ${name}`, { body: rest });
    }
    const names = Object.keys(props);
    for (let i = 0; i < 6 && names.length > 0; i++) {
      const name = names[Math.floor(rand() * names.length)]!;
      add(`random ${name}`, { body: { ...example, [name]: randomJson(rand) } });
    }
  } else {
    add("unexpected body", { body: { unexpected: true } });
  }
  return v;
}

/** Whether the document itself says the request is wrong (so only bad input is sent). */
function isInvalid(op: Operation, variant: Variant): boolean {
  if (variant.raw !== undefined) return true;
  const url = new URL(`http://x${pathOf(op, variant.params)}`);
  for (const [k, value] of Object.entries(variant.query)) for (const item of [value].flat()) url.searchParams.append(k, item);
  const pathParams = Object.fromEntries(Object.entries(variant.params).map(([k, value]) => [k, value]));
  if (Object.values(pathParams).some((value) => value.includes("/"))) return true;
  return !validator.validateRequest(op, { pathParams, query: url.searchParams, body: variant.body }).ok;
}

describe("bad input to every operation", () => {
  const h = useEmulator();
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(h());
  });

  it("sends a bounded number of requests", () => {
    const total = operations.reduce((n, op) => n + Math.min(MAX_PER_OPERATION, variantsOf(op, exampleRequest(op)).length), 0);
    expect(total).toBeGreaterThan(operations.length * 5);
    expect(total).toBeLessThan(operations.length * MAX_PER_OPERATION + 1);
  });

  for (const op of operations) {
    it(`${op.operationId}: a documented 4xx, never a 5xx, and no change`, async () => {
      const base = substitute(exampleRequest(op), world.map);
      const variants = variantsOf(op, base)
        .filter((variant) => isInvalid(op, variant))
        .slice(0, MAX_PER_OPERATION);
      expect(variants.length).toBeGreaterThan(0);
      const documented = Object.keys(op.operation.responses).filter((s) => /^4\d\d$/.test(s));
      // An operation that takes no input and documents neither 400 nor 404 ignores what it does not read.
      const ignoresInput = !documented.includes("400") && !documented.includes("404");
      const before = (await h().admin("GET", "/state")).body.digest;
      for (const variant of variants) {
        const answer = await request(h().emu.url, op.method.toUpperCase(), pathOf(op, variant.params), {
          key: h().key,
          query: variant.query,
          body: variant.body,
          raw: variant.raw,
        });
        const label = `${op.operationId} [${variant.name}] -> ${answer.status} ${answer.text.slice(0, 300)}`;
        expect(answer.status, label).toBeLessThan(500);
        if (ignoresInput) expect([...documented, "200"], label).toContain(String(answer.status));
        else expect(documented, label).toContain(String(answer.status));
      }
      expect((await h().admin("GET", "/state")).body.digest, `${op.operationId}: the stored state is unchanged`).toBe(before);
    });
  }
});
