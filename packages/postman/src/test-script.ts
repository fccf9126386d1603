// The test script each request carries: the status must be the one success status of its step,
// the body must match the document's schema for the status received (so an error body is
// checked too), and the values the step saves must be in the answer.
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
// `operationId`, `expected`, `capture`, `uses`, `clear` and `documented` are written in front of it. Test names
// start with the request's name, so a failure says which request failed.
// `pm.expect(value).to.have.jsonSchema(schema)` is Postman's Ajv-based check (draft-07).
const CHECKS = `const name = pm.info.requestName;
const status = pm.response.code;
const entry = documented[String(status)] || documented[String(status).charAt(0) + "XX"] || documented.DEFAULT;

// What the API means by the statuses a run most often meets, said once for every request.
const MEANING = {
  401: " (the key is wrong, of another environment, or lacks a permission this request needs)",
  426: " (organizations are not enabled for the project)",
  429: " (rate limited: wait the Retry-After seconds when the answer has them, else back off)",
};
const meaning = MEANING[status] || "";

const empty = uses.filter(function (variable) { return !pm.variables.get(variable); });
const why = empty.length ? " (" + empty.join(", ") + " empty: the request that saves it failed or did not run)" : "";

// Named for what happened, so a list of results reads true: "answered 200" passes; "answered 401,
// not 200" fails; the body check names the status it checked ("the 401 error schema").
const outcome = status === expected ? "answered " + expected : "answered " + status + ", not " + expected;
const kind = status >= 200 && status < 300 ? "the " + status + " schema" : "the " + status + " error schema";

pm.test(name + ": " + outcome, function () {
  pm.expect(status, name + " (" + operationId + ") answered " + status + meaning + why + ": " + pm.response.text().slice(0, 300)).to.equal(expected);
});

pm.test(name + ": body matches " + kind, function () {
  pm.expect(entry, "the document lists " + Object.keys(documented).join(", ") + ", not " + status).to.be.an("object");
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

Object.keys(capture).forEach(function (variable) {
  const field = capture[variable];
  pm.test(name + ": saves " + field + " as " + variable, function () {
    pm.expect(status, "no " + field + " to save from a " + status + " answer").to.equal(expected);
    const value = pm.response.json()[field];
    pm.expect(value, field).to.be.a("string").and.not.equal("");
    pm.collectionVariables.set(variable, value);
  });
});

clear.forEach(function (variable) {
  pm.collectionVariables.unset(variable);
});`;

/** The lines of the request's test script. */
export function testScript(
  doc: OpenApiDocument,
  op: Operation,
  options: { expected: number; capture: Record<string, string>; clear: string[]; uses: string[] },
): string[] {
  const documented = documentedResponses(doc, op);
  const entries = Object.entries(documented).map(([status, media]) => `  ${JSON.stringify(status)}: ${JSON.stringify(media)},`);
  return [
    `// Checks the answer against the OpenAPI document (operation ${op.operationId}). Generated from the document: do not edit.`,
    `const operationId = ${JSON.stringify(op.operationId)};`,
    `const expected = ${options.expected};`,
    `const capture = ${JSON.stringify(options.capture)};`,
    `// Saved by earlier requests: an empty one explains a failure.`,
    `const uses = ${JSON.stringify(options.uses)};`,
    `// Cleared after the last request of the run, so the collection keeps no value of it.`,
    `const clear = ${JSON.stringify(options.clear)};`,
    "const documented = {",
    ...entries,
    "};",
    "",
    ...CHECKS.split("\n"),
  ];
}

/**
 * The collection's pre-request script: the values each run computes. `runId` makes emails and
 * names unique to the run; it is set once and cleared by the run's last request.
 */
export function collectionPrerequest(): string[] {
  return [
    'if (!pm.collectionVariables.get("runId")) {',
    '  pm.collectionVariables.set("runId", Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36));',
    "}",
    "const now = Math.floor(Date.now() / 1000);",
    'pm.collectionVariables.set("inOneDay", String(now + 86400));',
    'pm.collectionVariables.set("inTwoDays", String(now + 2 * 86400));',
    'pm.collectionVariables.set("today", new Date().toISOString().slice(0, 10));',
  ];
}
