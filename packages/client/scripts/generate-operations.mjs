#!/usr/bin/env node
// Writes src/generated/operations.ts: one tree-shakable function per operation of the bundled
// document (spec/dist/openapi.json), named by its operationId and typed by openapi-typescript's
// `operations` type in src/generated/schema.d.ts. Paged list operations are found from the
// document (a `page_number` parameter and an envelope with one array) and get `.iterate`/`.all`.
//
// Run: node scripts/generate-operations.mjs [path/to/openapi.json] (part of `pnpm build`).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deref, listOperations } from "@propelauth-openapi/spec";

const here = dirname(fileURLToPath(import.meta.url));
const input = resolve(process.argv[2] ?? resolve(here, "../../../spec/dist/openapi.json"));
const output = resolve(here, "../src/generated/operations.ts");

// Names the package exports itself; an operationId equal to one of them would shadow it.
const RESERVED = new Set([
  "createClient",
  "createOperationClient",
  "queryString",
  "op",
  "paged",
  "send",
  "pathSerializer",
  "errorFromResponse",
  "requestIdOf",
  "retryAfterMs",
  "fieldErrorsOf",
  "MAX_PAGING_LIMIT",
  "documentVersion",
]);

const doc = JSON.parse(readFileSync(input, "utf8"));

/** The properties of an object schema, merged across `allOf`, with references followed. */
function propertiesOf(schema, seen = new Set()) {
  const s = deref(doc, schema ?? {});
  if (seen.has(s)) return {};
  seen.add(s);
  const props = {};
  for (const part of s.allOf ?? []) Object.assign(props, propertiesOf(part, seen));
  for (const [name, value] of Object.entries(s.properties ?? {})) props[name] = deref(doc, value);
  return props;
}

const typesOf = (schema) => (Array.isArray(schema?.type) ? schema.type : schema?.type ? [schema.type] : []);

function successResponses(operation) {
  return Object.entries(operation.responses)
    .filter(([status]) => /^2\d\d$/.test(status))
    .map(([status, response]) => [status, deref(doc, response)]);
}

/** Paging metadata when the operation is a paged list, else undefined. */
function pagingOf(op) {
  const queryNames = new Set(op.parameters.filter((p) => p.in === "query").map((p) => p.name));
  const bodySchema = op.operation.requestBody ? deref(doc, op.operation.requestBody).content?.["application/json"]?.schema : undefined;
  const bodyProps = bodySchema ? propertiesOf(bodySchema) : {};
  let where;
  let sizeSchema;
  if (queryNames.has("page_number") && queryNames.has("page_size")) {
    where = "query";
    sizeSchema = deref(doc, op.parameters.find((p) => p.in === "query" && p.name === "page_size").schema ?? {});
  } else if (bodyProps.page_number && bodyProps.page_size) {
    where = "body";
    sizeSchema = bodyProps.page_size;
  } else return undefined;
  const [, ok] = successResponses(op.operation)[0] ?? [];
  const schema = ok?.content?.["application/json"]?.schema;
  if (!schema) return undefined;
  const envelope = propertiesOf(schema);
  const arrays = Object.entries(envelope).filter(([, value]) => typesOf(value).includes("array"));
  const marker = "has_more_results" in envelope || Object.keys(envelope).some((k) => k.startsWith("total"));
  if (arrays.length !== 1 || !marker || !("page_size" in envelope)) {
    console.warn(`generate-operations: ${op.operationId} takes page_number but its response is not a paged envelope; no iterator`);
    return undefined;
  }
  return { items: arrays[0][0], where, max: typeof sizeSchema?.maximum === "number" ? sizeSchema.maximum : undefined };
}

const comment = (text) => text.replaceAll("*/", "*\\/");

function docComment(op, paging) {
  const { operation } = op;
  const lines = [`${operation.summary ?? op.operationId}.`.replace(/\.\.$/, "."), ""];
  const first = (operation.description ?? "").trim().split(/\n\s*\n/)[0];
  if (first) lines.push(...first.split("\n").map((l) => l.trim()), "");
  lines.push(`\`${op.method.toUpperCase()} ${op.path}\``);
  const access = operation["x-propelauth-access"];
  if (access?.permissions?.length) lines.push(`Permissions: ${access.permissions.join(", ")}.`);
  const sdk = operation["x-propelauth-sdk"]?.node;
  if (sdk?.length) lines.push(`Official Node SDK: \`${sdk.join("`, `")}\`.`);
  if (paging) lines.push(`Paged: \`.iterate(client, input, { limit })\` and \`.all(...)\` walk every page of \`${paging.items}\`.`);
  if (operation.deprecated) lines.push("@deprecated");
  return ["/**", ...lines.map((l) => (l ? ` * ${comment(l)}` : " *")), " */"].join("\n");
}

const ops = listOperations(doc);
const seen = new Set();
const out = [];
const paged = [];
const textAnswers = [];
for (const op of ops) {
  const id = op.operationId;
  if (!/^[a-z][A-Za-z0-9]*$/.test(id))
    throw new Error(`generate-operations: operationId ${JSON.stringify(id)} is not a camelCase identifier`);
  if (seen.has(id)) throw new Error(`generate-operations: operationId ${id} is used twice`);
  if (RESERVED.has(id)) throw new Error(`generate-operations: operationId ${id} collides with a runtime export`);
  seen.add(id);
  const media = successResponses(op.operation).flatMap(([, r]) => Object.keys(r.content ?? {}));
  const text = media.length > 0 && !media.some((m) => /[/+]json\b/.test(m));
  const paging = pagingOf(op);
  const args = [JSON.stringify(op.method.toUpperCase()), JSON.stringify(op.path)];
  if (text) {
    args.push("true");
    textAnswers.push(`${op.method.toUpperCase()} ${op.path}`);
  }
  let call = `/* @__PURE__ */ op<operations[${JSON.stringify(id)}]>(${args.join(", ")})`;
  if (paging) {
    const pagingArgs = [JSON.stringify(paging.items), JSON.stringify(paging.where)];
    if (paging.max !== undefined) pagingArgs.push(String(paging.max));
    call = `/* @__PURE__ */ paged(${call}, ${pagingArgs.join(", ")})`;
    paged.push(`${id} (${paging.items} in ${paging.where})`);
  }
  out.push(`${docComment(op, paging)}\nexport const ${id} = ${call};`);
}

const header = `// Generated by scripts/generate-operations.mjs from spec/dist/openapi.json (${ops.length} operations). Do not edit.
import { op } from "../operation.js";
${paged.length ? 'import { paged } from "../paging.js";\n' : ""}import type { operations } from "./schema.js";
`;
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${header}\n${out.join("\n\n")}\n`);
// What the path-based client needs from the document besides its types, and the document's version.
writeFileSync(
  resolve(dirname(output), "document.ts"),
  `// Generated by scripts/generate-operations.mjs from spec/dist/openapi.json. Do not edit.

/** The version (\`info.version\`) of the OpenAPI document this client was generated from. */
export const documentVersion = ${JSON.stringify(String(doc.info.version))};

/** The operations whose success body is text, not JSON, as "METHOD path": the path-based client parses them as text. */
export const TEXT_ANSWERS: readonly string[] = ${JSON.stringify(textAnswers)};
`,
);
console.log(`generate-operations: ${ops.length} operations, ${paged.length} paged: ${paged.join(", ")}`);
