// Builds the Postman v2.1 collection from the bundled OpenAPI document and the workflow of
// src/workflow.ts: its folders in run order, one request per step, named by the operation's
// summary (or the step's name) and carrying the operationId (`#variant`) as the item id.
import { createHash } from "node:crypto";
import { STATUS_CODES } from "node:http";
import {
  deref,
  firstExample,
  listOperations,
  type MediaTypeObject,
  type OpenApiDocument,
  type Operation,
  type ParameterObject,
  requestBodyOf,
  sampleFromSchema,
} from "@propelauth-openapi/spec";
import type { Auth, Collection, Folder, Item, KeyValue, Request, RequestBody, SavedResponse } from "./postman-types.js";
import { parameterExample, parameterStrings } from "./sample.js";
import { collectionPrerequest, testScript } from "./test-script.js";
import {
  CAPTURED_VARIABLES,
  COMPUTED_VARIABLES,
  FOLDERS,
  LIVE_VARIABLES,
  NUMERIC_VARIABLES,
  STEPS,
  type Step,
  stepId,
} from "./workflow.js";

/** The variables every request uses: the environment's Auth URL and backend API key. */
export const BASE_URL_VARIABLE = "authUrl";
export const API_KEY_VARIABLE = "apiKey";

export const COLLECTION_SCHEMA_URL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/** A UUID derived from a name, so ids stay the same from one build to the next. */
export function stableId(name: string): string {
  const hex = createHash("sha1").update(`propelauth-openapi/postman:${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const isJson = (type: string) => /^application\/(.+\+)?json$/i.test(type);

function describeParameter(doc: OpenApiDocument, param: ParameterObject): string {
  const schema = param.schema ? deref<Record<string, unknown>>(doc, param.schema) : undefined;
  const parts = [param.required ? "(Required)" : "(Optional)", param.description ?? ""];
  if (Array.isArray(schema?.enum)) parts.push(`One of: ${(schema.enum as unknown[]).map((v) => `\`${String(v)}\``).join(", ")}.`);
  return parts.filter(Boolean).join(" ");
}

function buildUrl(doc: OpenApiDocument, op: Operation, step: Step): Request["url"] {
  const path = op.path
    .split("/")
    .slice(1)
    .map((segment) => {
      const whole = /^\{([^{}]+)\}$/.exec(segment);
      if (whole) return `:${whole[1]}`;
      if (segment.includes("{")) throw new Error(`${op.operationId}: a path parameter must be a whole segment (${op.path})`);
      return segment;
    });
  const query: KeyValue[] = [];
  const variable: KeyValue[] = [];
  for (const param of op.parameters) {
    if (param.in === "path") {
      variable.push({
        key: param.name,
        value: step.path?.[param.name] ?? parameterStrings(parameterExample(doc, param))[0]!,
        description: describeParameter(doc, param),
      });
    } else if (param.in === "query") {
      const chosen = step.query?.[param.name];
      const enabled = chosen !== undefined || param.required === true;
      // A disabled id filter stays empty: an example id would name nothing in the user's environment.
      const values =
        chosen !== undefined ? [chosen] : !enabled && /_ids?$/.test(param.name) ? [""] : parameterStrings(parameterExample(doc, param));
      for (const value of values) {
        query.push({ key: param.name, value, description: describeParameter(doc, param), ...(enabled ? {} : { disabled: true }) });
      }
    }
  }
  const enabled = query.filter((q) => !q.disabled);
  const search = enabled.length ? `?${enabled.map((q) => `${q.key}=${q.value}`).join("&")}` : "";
  return {
    raw: `{{${BASE_URL_VARIABLE}}}/${path.join("/")}${search}`,
    host: [`{{${BASE_URL_VARIABLE}}}`],
    path,
    ...(query.length ? { query } : {}),
    ...(variable.length ? { variable } : {}),
  };
}

/** A JSON body as text, numeric variables (`"{{inOneDay}}"`) written without quotes. */
export function jsonBody(value: unknown): string {
  let text = JSON.stringify(value ?? {}, null, 2);
  for (const name of NUMERIC_VARIABLES) text = text.replaceAll(`"{{${name}}}"`, `{{${name}}}`);
  return text;
}

/** The request body's media type and its schema, as the spec package chooses it (JSON first). */
function requestMediaOf(doc: OpenApiDocument, op: Operation): [string, MediaTypeObject] | undefined {
  const body = requestBodyOf(doc, op);
  return body ? [body.contentType, body.media] : undefined;
}

function requestBody(doc: OpenApiDocument, op: Operation, step: Step): { type: string; body: RequestBody } | undefined {
  const [type, media] = requestMediaOf(doc, op) ?? [];
  if (!type || !media) return undefined;
  const example = firstExample(doc, media);
  const value = step.body !== undefined ? step.body : example.found ? example.value : sampleFromSchema(doc, media.schema);
  if (isJson(type)) {
    return { type, body: { mode: "raw", raw: jsonBody(value), options: { raw: { language: "json" } } } };
  }
  return {
    type,
    body: { mode: "raw", raw: typeof value === "string" ? value : JSON.stringify(value ?? ""), options: { raw: { language: "text" } } },
  };
}

function buildRequest(doc: OpenApiDocument, op: Operation, step: Step): Request {
  const header: KeyValue[] = [];
  for (const param of op.parameters.filter((p) => p.in === "header")) {
    header.push({
      key: param.name,
      value: parameterStrings(parameterExample(doc, param)).join(","),
      description: describeParameter(doc, param),
      ...(param.required ? {} : { disabled: true }),
    });
  }
  const body = requestBody(doc, op, step);
  if (body) header.push({ key: "Content-Type", value: body.type });
  const security = (op.operation as { security?: Record<string, string[]>[] }).security;
  const anonymous = security !== undefined && (security.length === 0 || security.some((s) => Object.keys(s).length === 0));
  return {
    method: op.method.toUpperCase(),
    header,
    url: buildUrl(doc, op, step),
    ...(body ? { body: body.body } : {}),
    ...(anonymous ? { auth: { type: "noauth" } satisfies Auth } : {}),
  };
}

function firstSentence(text: string): string {
  const sentence = /^(.+?[.!?])(\s|$)/s.exec(text.trim())?.[1] ?? text.trim();
  return sentence.replace(/\s+/g, " ").replace(/\.$/, "");
}

function savedResponses(doc: OpenApiDocument, op: Operation, request: Request): SavedResponse[] {
  const result: SavedResponse[] = [];
  for (const [status, declared] of Object.entries(op.operation.responses)) {
    const response = deref(doc, declared);
    const code = /^\d{3}$/.test(status) ? Number(status) : status.toUpperCase() === "DEFAULT" ? 500 : Number(status[0]) * 100;
    const [type, media] = (Object.entries(response.content ?? {})[0] ?? []) as [string | undefined, MediaTypeObject | undefined];
    const examples: { name: string; value: unknown; found: boolean }[] = [];
    if (media?.example !== undefined) examples.push({ name: firstSentence(response.description), value: media.example, found: true });
    for (const [key, named] of Object.entries(media?.examples ?? {})) {
      const example = deref<{ summary?: string; value?: unknown }>(doc, named);
      examples.push({ name: example.summary ?? key, value: example.value, found: example.value !== undefined });
    }
    if (examples.length === 0) examples.push({ name: firstSentence(response.description), value: undefined, found: false });
    for (const example of examples) {
      const json = type !== undefined && isJson(type);
      const body = !example.found
        ? ""
        : json
          ? JSON.stringify(example.value, null, 2)
          : typeof example.value === "string"
            ? example.value
            : JSON.stringify(example.value);
      result.push({
        id: stableId(`${op.operationId}/${status}/${example.name}`),
        name: `${status} ${example.name}`,
        originalRequest: structuredClone(request),
        status: STATUS_CODES[code] ?? "",
        code,
        _postman_previewlanguage: json ? "json" : "text",
        header: type && body ? [{ key: "Content-Type", value: type }] : [],
        cookie: [],
        body,
      });
    }
  }
  return result;
}

/**
 * The document's alternative request bodies (its named examples), each saved as an example whose
 * request carries that body, answered with the operation's success example.
 */
function requestBodyExamples(doc: OpenApiDocument, op: Operation, request: Request, saved: SavedResponse[]): SavedResponse[] {
  const [type, media] = requestMediaOf(doc, op) ?? [];
  if (!type || !media || !isJson(type)) return [];
  const named: [string, unknown][] = [];
  if (media.example !== undefined) named.push(["Example", media.example]);
  for (const [key, example] of Object.entries(media.examples ?? {})) {
    const value = deref<{ summary?: string; value?: unknown }>(doc, example);
    if (value.value !== undefined) named.push([value.summary ?? key, value.value]);
  }
  const success = saved.find((r) => r.code >= 200 && r.code < 300);
  return named.map(([name, value]) => ({
    id: stableId(`${op.operationId}/request/${name}`),
    name: `Request body: ${name}`,
    originalRequest: { ...structuredClone(request), body: { mode: "raw", raw: jsonBody(value), options: { raw: { language: "json" } } } },
    status: success?.status ?? "OK",
    code: success?.code ?? 200,
    _postman_previewlanguage: "json",
    header: success?.header ?? [],
    cookie: [],
    body: success?.body ?? "",
  }));
}

/** Where the operation's section is in the reference site (packages/docs: `#/<tag slug>/<operationid>`). */
export function docsAnchor(op: Operation): string {
  const tag = (op.operation.tags?.[0] ?? "Other")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `#/${tag}/${op.operationId.toLowerCase()}`;
}

/** Where the reference site is served by the emulator (`pnpm start`); the same page is packages/docs/dist/index.html. */
export const LOCAL_DOCS_URL = "http://127.0.0.1:4010/docs/";

/** The item's description: summary, description, who may call it, and how to find it in the document. */
export function describeOperation(doc: OpenApiDocument, op: Operation): string {
  const access = op.operation["x-propelauth-access"];
  const kinds = doc.info["x-propelauth-key-kinds"] ?? {};
  const permissions = doc.info["x-propelauth-permissions"] ?? {};
  const kindName = (id: string) => kinds[id]?.name ?? id;
  const permissionName = (id: string) => permissions[id]?.name ?? id;
  const lines = [`**${op.operation.summary}**`, ""];
  if (op.operation.deprecated) lines.push("> **Deprecated.**", "");
  lines.push(op.operation.description.trim(), "");
  if (access) {
    lines.push(`- **Key kinds that may call it:** ${access["key-kinds"].map(kindName).join(", ")}`);
    lines.push(
      `- **Custom keys need:** ${access.permissions.length ? access.permissions.map(permissionName).join(", ") : "no permission beyond the key itself"}`,
    );
    for (const extra of access["field-permissions"] ?? []) {
      lines.push(
        `- **Also needed when the body sets ${extra.fields.map((f) => `\`${f}\``).join(", ")}:** ${extra.permissions.map(permissionName).join(", ")}`,
      );
    }
  }
  lines.push(`- **Operation:** \`${op.operationId}\`: \`${op.method.toUpperCase()} ${op.path}\``);
  const sdk = op.operation["x-propelauth-sdk"]?.node ?? [];
  if (sdk.length) lines.push(`- **Node SDK:** ${sdk.map((f) => `\`${f}\``).join(", ")}`);
  lines.push(`- **Documented responses:** ${Object.keys(op.operation.responses).join(", ")}`);
  lines.push(
    `- **Docs:** [${op.operation.summary}](${LOCAL_DOCS_URL}${docsAnchor(op)}) (the reference site: \`packages/docs/dist/index.html${docsAnchor(op)}\`)`,
  );
  return lines.join("\n");
}

/** What this request of the workflow does: the status it expects, what it captures, what a person fills in. */
export function describeStep(doc: OpenApiDocument, op: Operation, step: Step): string {
  const lines = ["", "**In this run**", ""];
  if (step.note) lines.push(step.note, "");
  lines.push(`- **Passes when it answers:** ${expectedStatus(op, step)}, with a body that matches the document`);
  for (const [variable, field] of Object.entries(step.capture ?? {}))
    lines.push(`- **Saves** \`${field}\` of the answer as \`{{${variable}}}\``);
  const live = (step.needs ?? []).filter((n) => n in LIVE_VARIABLES);
  if (live.length) {
    lines.push("- **Fill in first**, in the environment (the request is skipped, not failed, while one is empty):");
    for (const name of live) lines.push(`  - \`${name}\`: ${LIVE_VARIABLES[name]}`);
  }
  return [describeOperation(doc, op), ...lines].join("\n");
}

/** The one status that means success for the step: its own, else the lowest documented 2xx. */
export function expectedStatus(op: Operation, step: Step): number {
  if (step.status !== undefined) return step.status;
  const success = Object.keys(op.operation.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .map(Number)
    .sort((a, b) => a - b);
  if (!success.length) throw new Error(`${op.operationId}: no documented 2xx status; give the step a status`);
  return success[0]!;
}

function buildItem(doc: OpenApiDocument, op: Operation, step: Step, last: boolean): Item {
  const request = buildRequest(doc, op, step);
  const responses = savedResponses(doc, op, request);
  const events: Item["event"] = [];
  if (step.needs?.length) {
    events.push({
      listen: "prerequest",
      script: { id: stableId(`${stepId(step)}/prerequest`), type: "text/javascript", exec: skipUnlessFilled(step.needs) },
    });
  }
  const clear = last ? [...Object.keys(CAPTURED_VARIABLES), ...Object.keys(COMPUTED_VARIABLES)] : [];
  const uses = [...JSON.stringify(request).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).filter((n) => n in CAPTURED_VARIABLES);
  const exec = testScript(doc, op, { expected: expectedStatus(op, step), capture: step.capture ?? {}, clear, uses: [...new Set(uses)] });
  events.push({ listen: "test", script: { id: stableId(`${stepId(step)}/test`), type: "text/javascript", exec } });
  return {
    id: stepId(step),
    name: step.name ?? op.operation.summary,
    description: { content: describeStep(doc, op, step), type: "text/markdown" },
    request,
    response: [...responses, ...requestBodyExamples(doc, op, request, responses)],
    event: events,
  };
}

/** Skips the request (Postman's `pm.execution.skipRequest`) until a person has filled in its variables. */
function skipUnlessFilled(needs: string[]): string[] {
  return [
    `const needs = ${JSON.stringify(needs)};`,
    "const missing = needs.filter(function (name) { return !pm.variables.get(name); });",
    "if (missing.length) {",
    '  console.log(pm.info.requestName + ": skipped until these variables are filled in: " + missing.join(", "));',
    "  pm.execution.skipRequest();",
    "}",
  ];
}

function collectionDescription(doc: OpenApiDocument): string {
  const kinds = Object.values(doc.info["x-propelauth-key-kinds"] ?? {});
  return [
    doc.info.description.trim(),
    "",
    `**OpenAPI document version ${doc.info.version}.**`,
    "",
    "## Using this collection",
    "",
    "1. Import an environment file with this collection (test, staging, prod, or local for the emulator) and select it.",
    `2. Set \`${BASE_URL_VARIABLE}\` to the environment's Auth URL (Backend Integration page of the dashboard, no trailing slash).`,
    `3. Set \`${API_KEY_VARIABLE}\` to a backend API key of that environment. Every request sends it as \`Authorization: Bearer {{${API_KEY_VARIABLE}}}\` (collection-level auth).`,
    "",
    "## The run",
    "",
    ...FOLDERS.map((f) => `- **${f.name}**: ${f.description}`),
    "",
    "Every request asserts the one status that means success and checks the body against the document's schema, so a wrong key, a key of a kind that may not call the operation, or a missing entity fails the run and names the request.",
    "Each request's description names the key kinds that may call it, the permissions a Custom key needs, and links to its section of the docs; the document's alternative request bodies are saved as examples.",
    "",
    kinds.length ? `Key kinds: ${kinds.map((k) => `**${k.name}** (${k.description.replace(/\.$/, "")})`).join("; ")}.` : "",
  ].join("\n");
}

/** The collection's variables: what the run captures and computes, empty until it runs. */
export function collectionVariables(): KeyValue[] {
  return Object.entries({ ...COMPUTED_VARIABLES, ...CAPTURED_VARIABLES }).map(([key, description]) => ({
    key,
    value: "",
    type: "string",
    description,
  }));
}

/** The whole collection. Throws when an operation cannot be represented exactly, or has no step in the workflow. */
export function generateCollection(doc: OpenApiDocument): Collection {
  const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
  const placed = new Set(STEPS.map((s) => s.operation));
  const unplaced = [...operations.keys()].filter((id) => !placed.has(id));
  if (unplaced.length) throw new Error(`operations without a request in src/workflow.ts: ${unplaced.join(", ")}`);
  const ids = STEPS.map(stepId);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) throw new Error(`steps with the same id (give one a variant): ${twice.join(", ")}`);
  const lastStep = STEPS.filter((s) => s.folder === FOLDERS[FOLDERS.length - 1]!.name).at(-1);
  const folders: Folder[] = FOLDERS.map((folder) => ({
    id: stableId(`folder/${folder.name}`),
    name: folder.name,
    description: { content: folder.description, type: "text/markdown" },
    item: STEPS.filter((s) => s.folder === folder.name).map((step) => {
      const op = operations.get(step.operation);
      if (!op) throw new Error(`src/workflow.ts names ${step.operation}, which the document does not have`);
      return buildItem(doc, op, step, step === lastStep);
    }),
  }));
  return {
    info: {
      _postman_id: stableId(`collection/${doc.info.title}`),
      name: `${doc.info.title} ${doc.info.version}`,
      description: { content: collectionDescription(doc), type: "text/markdown" },
      version: doc.info.version,
      schema: COLLECTION_SCHEMA_URL,
    },
    item: folders,
    auth: { type: "bearer", bearer: [{ key: "token", value: `{{${API_KEY_VARIABLE}}}`, type: "string" }] },
    event: [
      { listen: "prerequest", script: { id: stableId("collection/prerequest"), type: "text/javascript", exec: collectionPrerequest() } },
    ],
    variable: collectionVariables(),
  };
}
