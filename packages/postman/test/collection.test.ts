// The built collection against the Postman v2.1 schema and against the document it comes from.
import { readFileSync } from "node:fs";
import { createValidator, deref, requestMedia } from "@propelauth-openapi/spec";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import {
  CAPTURED_VARIABLES,
  COMPUTED_VARIABLES,
  docsAnchor,
  expectedStatus,
  FOLDERS,
  generateCollection,
  type Item,
  LIVE_VARIABLES,
} from "../src/index.js";
import { collection, doc, items, localEnvironment, operationOf, operations, stepFor } from "./support.js";

const validator = createValidator(doc);

/** The top-level fields of an operation's JSON body (allOf parts merged). */
function requestBodyFields(op: (typeof operations)[number]): Record<string, unknown> {
  const schema = requestMedia(doc, op)?.schema;
  if (!schema) return {};
  const root = deref<Record<string, unknown>>(doc, schema);
  const parts = [root, ...((root.allOf as Record<string, unknown>[] | undefined) ?? []).map((s) => deref<Record<string, unknown>>(doc, s))];
  return Object.assign({}, ...parts.map((p) => (p.properties as object | undefined) ?? {}));
}
const docsSite = readFileSync(new URL("../../docs/dist/index.html", import.meta.url), "utf8");

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

/** Plausible values for the workflow's variables, to check the requests against the document. */
const SAMPLE_VALUES: Record<string, string> = {
  runId: "mh3k2x1ab",
  inOneDay: "1900000000",
  inTwoDays: "1900086400",
  today: "2026-01-01",
  apiKeyId: "0123456789abcdef0123456789abcdef",
  importedApiKeyId: "0123456789abcdef0123456789abcdef",
  socialLoginProvider: "google",
  stepUpMfaPhoneId: "7a4e2c1d-9b3f-4e8a-a6d5-0c2b1f9e8d74",
  samlIdpSsoUrl: "https://idp.example.com/sso",
  oidcAuthUrl: "https://idp.example.com/authorize",
  oidcTokenUrl: "https://idp.example.com/token",
  oidcUserinfoUrl: "https://idp.example.com/userinfo",
  stepUpTotpCode: "123456",
  stepUpSmsCode: "123456",
};
const sample = (name: string) =>
  SAMPLE_VALUES[name] ?? (/(user|org|scim.*|employee)Id$|^orgId$/i.test(name) ? "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a" : "x");
const fill = (text: string) => text.replace(/\{\{([^{}$]+)\}\}/g, (_, name: string) => sample(name));

/** The `{{variables}}` a request sends (URL, headers, body). */
const variablesOf = (item: Item): string[] => [
  ...new Set(
    [...JSON.stringify(item.request).matchAll(/\{\{([^{}$]+)\}\}/g)].map((m) => m[1]!).filter((n) => n !== "authUrl" && n !== "apiKey"),
  ),
];

/** Every uuid and API key id written into the document's examples. */
const EXAMPLE_IDS = new Set(
  [...JSON.stringify(doc).matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32}\b/gi)].map((m) => m[0]),
);

describe("the workflow", () => {
  it("has every operation of the document in at least one request (the list comes from the document)", () => {
    const placed = new Set(items.map((i) => operationOf(i.item)));
    expect(operations.map((op) => op.operationId).filter((id) => !placed.has(id))).toEqual([]);
    for (const { item } of items)
      expect(
        operations.map((op) => op.operationId),
        item.id,
      ).toContain(operationOf(item));
  });

  it("refuses to build when an operation of the document has no request (an operation added later fails)", () => {
    const grown = structuredClone(doc);
    const template = grown.paths["/api/backend/v1/magic_link"]!.post!;
    grown.paths["/api/backend/v1/brand_new"] = { post: { ...template, operationId: "brandNewOperation", summary: "Brand new" } };
    expect(() => generateCollection(grown)).toThrow(/operations without a request in src\/workflow.ts: brandNewOperation/);
  });

  it("orders its folders: read-only checks, create, read, update, live person, delete last", () => {
    expect(collection.item.map((f) => f.name)).toEqual(FOLDERS.map((f) => f.name));
    expect(FOLDERS.map((f) => f.name)).toEqual([
      "Validation Only checks",
      "Read-only checks",
      "Create",
      "Read",
      "Update",
      "Needs a live person",
      "Delete",
    ]);
    for (const folder of collection.item) expect(folder.item.length, folder.name).toBeGreaterThan(0);
    const folderOf = (id: string) => items.filter((i) => operationOf(i.item) === id).map((i) => i.folder);
    for (const op of operations) {
      if (op.method === "delete" || /^(delete|remove|revoke)/.test(op.operationId)) {
        for (const folder of folderOf(op.operationId)) expect(["Delete", "Needs a live person"], op.operationId).toContain(folder);
      }
      if (/^(create(?!SamlConnectionLink)|migrateUser$|importApiKey|invite|addUser)/.test(op.operationId)) {
        for (const folder of folderOf(op.operationId)) expect(folder, op.operationId).toBe("Create");
      }
    }
  });

  it("sends no fixed id: every id comes from a variable a request captured or a person fills in", () => {
    for (const { item } of items) {
      const sent = JSON.stringify({ url: item.request.url, body: item.request.body?.raw ?? "" });
      const fixed = [...EXAMPLE_IDS].filter((id) => sent.includes(id));
      expect(fixed, item.id).toEqual([]);
      expect(sent, item.id).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      for (const v of item.request.url.variable ?? []) {
        if (/_id$/.test(v.key)) expect(v.value, `${item.id} ${v.key}`).toMatch(/^\{\{\w+\}\}$/);
      }
    }
  });

  it("captures a variable before any request uses it, and each variable it uses is declared and described", () => {
    const declared = new Map((collection.variable ?? []).map((v) => [v.key, v]));
    const env = localEnvironment();
    const captured = new Set<string>();
    for (const { item } of items) {
      for (const name of variablesOf(item)) {
        const computed = name in COMPUTED_VARIABLES;
        const live = name in LIVE_VARIABLES;
        expect(computed || live || captured.has(name), `${item.id} uses {{${name}}} before a request sets it`).toBe(true);
        if (live) expect(env.values.find((v) => v.key === name)?.description, name).toBeTruthy();
        else expect(declared.get(name)?.description, name).toBeTruthy();
      }
      for (const name of Object.keys(stepFor(item).capture ?? {})) captured.add(name);
    }
    for (const name of Object.keys(CAPTURED_VARIABLES)) expect(captured.has(name), name).toBe(true);
  });

  it("clears every collection variable in the run's last request, so the collection keeps no value", () => {
    const last = collection.item.at(-1)!.item.at(-1)!;
    const script = last.event.find((e) => e.listen === "test")!.script.exec.join("\n");
    const clear = JSON.parse(/const clear = (.*);/.exec(script)![1]!);
    expect([...clear].sort()).toEqual((collection.variable ?? []).map((v) => v.key).sort());
    for (const v of collection.variable ?? []) expect(v.value, v.key).toBe("");
  });

  it("keeps Validation Only checks to what a Validation Only key may do, with no entity of the run", () => {
    const folder = collection.item.find((f) => f.name === "Validation Only checks")!;
    expect(folder.item.map((i) => operationOf(i)).sort()).toEqual(
      operations
        .filter((o) => o.operation["x-propelauth-access"]["key-kinds"].includes("validation-only"))
        .map((o) => o.operationId)
        .sort(),
    );
    for (const item of folder.item) {
      expect(
        variablesOf(item).filter((n) => !(n in COMPUTED_VARIABLES)),
        item.id,
      ).toEqual([]);
    }
  });

  it("keeps Read-only checks to reads a Read and Validate key may make", () => {
    const folder = collection.item.find((f) => f.name === "Read-only checks")!;
    for (const item of folder.item) {
      const op = operations.find((o) => o.operationId === operationOf(item))!;
      const access = op.operation["x-propelauth-access"];
      expect(access["key-kinds"], item.id).toContain("read-and-validate");
      for (const permission of access.permissions) expect(permission, item.id).toMatch(/^read-|^validate-access-tokens$/);
      expect(
        variablesOf(item).filter((n) => !(n in COMPUTED_VARIABLES)),
        item.id,
      ).toEqual([]);
    }
  });

  it("skips each live-person request until its variables are filled in, and says what to fill in", () => {
    const folder = collection.item.find((f) => f.name === "Needs a live person")!;
    for (const item of folder.item) {
      const needs = stepFor(item).needs ?? [];
      expect(needs.length, item.id).toBeGreaterThan(0);
      const pre = item.event.find((e) => e.listen === "prerequest")?.script.exec.join("\n") ?? "";
      expect(pre, item.id).toContain("pm.execution.skipRequest()");
      expect(pre, item.id).toContain(JSON.stringify(needs));
      for (const name of needs.filter((n) => n in LIVE_VARIABLES)) {
        expect(item.description.content, item.id).toContain(`\`${name}\`: ${LIVE_VARIABLES[name]}`);
      }
    }
    for (const { item, folder } of items) if (folder !== "Needs a live person") expect(stepFor(item).needs, item.id).toBeUndefined();
  });

  it("shows the document's version in the collection's info", () => {
    expect(collection.info.version).toBe(doc.info.version);
    expect(collection.info.name).toContain(doc.info.version);
    expect(collection.info.description.content).toContain(`OpenAPI document version ${doc.info.version}`);
  });
});

describe.each(items.map(({ item }) => [item.id, item] as const))("%s", (_id, item) => {
  const op = operations.find((o) => o.operationId === operationOf(item))!;

  it("sends the exact method and path on {{authUrl}}", () => {
    expect(item.name).toBe(stepFor(item).name ?? op.operation.summary);
    expect(item.request.method).toBe(op.method.toUpperCase());
    expect(item.request.url.host).toEqual(["{{authUrl}}"]);
    const path = `/${item.request.url.path.map((s) => (s.startsWith(":") ? `{${s.slice(1)}}` : s)).join("/")}`;
    expect(path).toBe(op.path);
    expect(item.request.url.raw.split("?")[0]).toBe(`{{authUrl}}${op.path.replace(/\{([^}]+)\}/g, ":$1")}`);
  });

  it("describes the operation: key kinds and Custom permissions by name, the docs section, the status it passes on", () => {
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
    expect(text).toContain(`\`${op.operationId}\``);
    const anchor = docsAnchor(op);
    expect(text).toContain(`\`dist/index.html${anchor}\``);
    // A user's Postman has no emulator at a fixed address: no link to one.
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    // The reference site (packages/docs, built before the tests run) has a section there.
    expect(docsSite, "build packages/docs first").toContain(`href="${anchor}"`);
    expect(text).toContain(`**Passes when it answers:** ${expectedStatus(op, stepFor(item))},`);
  });

  it("has every parameter: path variables filled in, chosen query parameters enabled, the others disabled", () => {
    const pathParams = op.parameters.filter((p) => p.in === "path");
    expect((item.request.url.variable ?? []).map((v) => v.key).sort()).toEqual(pathParams.map((p) => p.name).sort());
    for (const variable of item.request.url.variable ?? []) expect(variable.value, variable.key).not.toBe("");
    const chosen = stepFor(item).query ?? {};
    for (const param of op.parameters.filter((p) => p.in === "query")) {
      const entries = (item.request.url.query ?? []).filter((q) => q.key === param.name);
      expect(entries.length, param.name).toBeGreaterThan(0);
      for (const entry of entries) expect(entry.disabled === true, param.name).toBe(!(param.required || param.name in chosen));
    }
    const known = new Set(op.parameters.map((p) => p.name));
    for (const q of item.request.url.query ?? []) expect(known.has(q.key), q.key).toBe(true);
  });

  it("sends a request the document accepts (variables filled with plausible values)", () => {
    const query = new URLSearchParams((item.request.url.query ?? []).filter((q) => !q.disabled).map((q) => [q.key, fill(q.value)]));
    const pathParams = Object.fromEntries((item.request.url.variable ?? []).map((v) => [v.key, fill(v.value)]));
    const body = item.request.body ? JSON.parse(fill(item.request.body.raw)) : undefined;
    expect(validator.validateRequest(op, { pathParams, query, body }).errors).toEqual({});
    if (requestMedia(doc, op)) {
      expect(item.request.body?.options?.raw.language).toBe("json");
      expect(item.request.header).toContainEqual({ key: "Content-Type", value: "application/json" });
    } else expect(item.request.body).toBeUndefined();
  });

  it("saves the document's examples as real answers: the success status always, each other status that has one, each valid", () => {
    const inputs = new Set([...op.parameters.map((p) => p.name), ...Object.keys(requestBodyFields(op))]);
    const success = String(expectedStatus(op, stepFor(item)));
    for (const [status, declared] of Object.entries(op.operation.responses)) {
      const response = deref(doc, declared);
      const saved = item.response.filter((r) => r.name.startsWith(`${status} `));
      const media = Object.values(response.content ?? {})[0];
      const exampleCount = (media?.example !== undefined ? 1 : 0) + Object.keys(media?.examples ?? {}).length;
      if (status === success) expect(saved.length, `${status}: the success answer`).toBeGreaterThan(0);
      if (status !== "400") expect(saved.length, status).toBe(media ? exampleCount : status.startsWith("2") ? 1 : 0);
      for (const example of saved) {
        expect(example.code).toBe(Number(status));
        expect(example.originalRequest).toEqual(item.request);
        // A documented header with an example (a 429's Retry-After) is saved with it.
        for (const [key, header] of Object.entries((response as { headers?: Record<string, { example?: unknown }> }).headers ?? {}))
          if (header.example !== undefined)
            expect(example.header, `${status} ${key}`).toContainEqual({ key, value: String(header.example) });
        // Empty only where the document gives the status no body at all.
        if (media) expect(example.body, example.name).not.toBe("");
        const type = Object.keys(response.content ?? {})[0];
        if (type === "application/json" && example.body !== "") {
          const body = JSON.parse(example.body);
          expect(validator.validateResponse(op, Number(status), body), example.name).toEqual([]);
          // A field-error map names fields this operation takes, never another operation's.
          const fieldErrors =
            body && typeof body === "object" && !Array.isArray(body) && Object.values(body).every((v) => Array.isArray(v));
          if (status === "400" && fieldErrors)
            for (const field of Object.keys(body)) expect(inputs, `${example.name}: ${field}`).toContain(field);
        }
      }
    }
  });

  it("saves each of the document's request bodies as an example, each one the document accepts", () => {
    const media = requestMedia(doc, op);
    const named = media ? (media.example !== undefined ? 1 : 0) + Object.keys(media.examples ?? {}).length : 0;
    const saved = item.response.filter((r) => r.name.startsWith("Request body: "));
    expect(saved.length).toBe(named);
    for (const example of saved) {
      const body = JSON.parse(example.originalRequest.body!.raw);
      const pathParams = Object.fromEntries((item.request.url.variable ?? []).map((v) => [v.key, fill(v.value)]));
      const query = new URLSearchParams((item.request.url.query ?? []).filter((q) => !q.disabled).map((q) => [q.key, fill(q.value)]));
      expect(validator.validateRequest(op, { pathParams, query, body }).errors, example.name).toEqual({});
    }
  });

  it("asserts the one status that means success, and checks the body against the schema", () => {
    const script = item.event.find((e) => e.listen === "test")?.script.exec.join("\n") ?? "";
    const step = stepFor(item);
    const expected = expectedStatus(op, step);
    // An error status only where the step is about that error, and says why.
    if (step.status === undefined || step.status < 300) {
      expect(expected).toBeGreaterThanOrEqual(200);
      expect(expected).toBeLessThan(300);
    } else {
      expect(Object.keys(op.operation.responses)).toContain(String(expected));
      expect(step.note, "a step that expects an error explains it").toBeTruthy();
    }
    expect(script).toContain(`const expected = ${expected};`);
    expect(script).toContain("to.equal(expected)");
    expect(script).toContain(`const operationId = ${JSON.stringify(op.operationId)};`);
    expect(script).toContain("to.have.jsonSchema(schema)");
  });
});
