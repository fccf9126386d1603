// The test script each request carries: the status must be one the document lists for the
// operation, and the body must match the document's schema for that status and media type.
import { deref, type JsonSchema, type OpenApiDocument, type Operation } from "@propelauth-openapi/spec";
import { acceptsAnything, toSandboxSchema } from "./schema.js";

/** Per documented status (or `2XX`, `default`): each media type and its draft-07 schema, null when any body goes. */
export type DocumentedResponses = Record<string, Record<string, JsonSchema | boolean | null>>;

export function documentedResponses(doc: OpenApiDocument, op: Operation): DocumentedResponses {
  const result: DocumentedResponses = {};
  for (const [status, declared] of Object.entries(op.operation.responses)) {
    const response = deref(doc, declared);
    const media: Record<string, JsonSchema | boolean | null> = {};
    for (const [type, content] of Object.entries(response.content ?? {})) {
      const schema = content.schema === undefined ? undefined : toSandboxSchema(doc, content.schema);
      media[type.toLowerCase()] = schema === undefined || acceptsAnything(schema) ? null : schema;
    }
    result[status.toUpperCase()] = media;
  }
  return result;
}

// Runs in Postman's sandbox (and newman's, which is the same): plain JavaScript, no imports.
// `documented` is written in front of it. `pm.expect(value).to.have.jsonSchema(schema)` is
// Postman's Ajv-based check (draft-07).
const CHECKS = `const status = String(pm.response.code);
const entry = documented[status] || documented[status.charAt(0) + "XX"] || documented.DEFAULT;

pm.test(operationId + ": status " + status + " is documented", function () {
  pm.expect(entry, "the document lists " + Object.keys(documented).join(", ")).to.be.an("object");
});

if (entry) {
  pm.test(operationId + ": the " + status + " body matches the document", function () {
    const text = pm.response.text();
    const types = Object.keys(entry);
    if (types.length === 0) {
      pm.expect(text, "the document gives this status no body").to.equal("");
      return;
    }
    const received = String(pm.response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    const type = types.indexOf(received) >= 0 ? received : types[0];
    const schema = entry[type];
    if (!schema) return; // the document allows any body here
    let body = text;
    if (/[/+]json$/.test(type)) {
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new Error("the body is not JSON: " + text.slice(0, 200));
      }
    }
    pm.expect(body).to.have.jsonSchema(schema);
  });
}`;

/** The lines of the request's test script. */
export function testScript(doc: OpenApiDocument, op: Operation): string[] {
  const documented = documentedResponses(doc, op);
  const entries = Object.entries(documented).map(([status, media]) => `  ${JSON.stringify(status)}: ${JSON.stringify(media)},`);
  return [
    `// Checks the answer against the OpenAPI document (operation ${op.operationId}). Generated from the document: do not edit.`,
    `const operationId = ${JSON.stringify(op.operationId)};`,
    "const documented = {",
    ...entries,
    "};",
    "",
    ...CHECKS.split("\n"),
  ];
}
