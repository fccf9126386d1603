// Builds the Postman v2.1 collection from the bundled OpenAPI document: one folder per tag, in
// the document's tag order, and one request per operation, named by its summary and carrying
// its operationId as the item id.
import { createHash } from "node:crypto";
import { STATUS_CODES } from "node:http";
import {
  deref,
  listOperations,
  type MediaTypeObject,
  type OpenApiDocument,
  type Operation,
  type ParameterObject,
} from "@propelauth-openapi/spec";
import type { Auth, Collection, Folder, Item, KeyValue, Request, RequestBody, SavedResponse } from "./postman-types.js";
import { documentedExample, parameterExample, parameterStrings, sampleFromSchema } from "./sample.js";
import { testScript } from "./test-script.js";

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

function buildUrl(doc: OpenApiDocument, op: Operation): Request["url"] {
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
        value: parameterStrings(parameterExample(doc, param))[0]!,
        description: describeParameter(doc, param),
      });
    } else if (param.in === "query") {
      for (const value of parameterStrings(parameterExample(doc, param))) {
        query.push({
          key: param.name,
          value,
          description: describeParameter(doc, param),
          ...(param.required ? {} : { disabled: true }),
        });
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

function requestBody(doc: OpenApiDocument, op: Operation): { type: string; body: RequestBody } | undefined {
  if (!op.operation.requestBody) return undefined;
  const content = deref(doc, op.operation.requestBody).content;
  const [type, media] = Object.entries(content).find(([t]) => isJson(t)) ?? Object.entries(content)[0] ?? [];
  if (!type || !media) return undefined;
  const example = documentedExample(doc, media);
  const value = example.found ? example.value : sampleFromSchema(doc, media.schema);
  if (isJson(type)) {
    return { type, body: { mode: "raw", raw: JSON.stringify(value ?? {}, null, 2), options: { raw: { language: "json" } } } };
  }
  return {
    type,
    body: { mode: "raw", raw: typeof value === "string" ? value : JSON.stringify(value ?? ""), options: { raw: { language: "text" } } },
  };
}

function buildRequest(doc: OpenApiDocument, op: Operation): Request {
  const header: KeyValue[] = [];
  for (const param of op.parameters.filter((p) => p.in === "header")) {
    header.push({
      key: param.name,
      value: parameterStrings(parameterExample(doc, param)).join(","),
      description: describeParameter(doc, param),
      ...(param.required ? {} : { disabled: true }),
    });
  }
  const body = requestBody(doc, op);
  if (body) header.push({ key: "Content-Type", value: body.type });
  const security = (op.operation as { security?: Record<string, string[]>[] }).security;
  const anonymous = security !== undefined && (security.length === 0 || security.some((s) => Object.keys(s).length === 0));
  return {
    method: op.method.toUpperCase(),
    header,
    url: buildUrl(doc, op),
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
  return lines.join("\n");
}

function buildItem(doc: OpenApiDocument, op: Operation): Item {
  const request = buildRequest(doc, op);
  return {
    id: op.operationId,
    name: op.operation.summary,
    description: { content: describeOperation(doc, op), type: "text/markdown" },
    request,
    response: savedResponses(doc, op, request),
    event: [{ listen: "test", script: { id: stableId(`${op.operationId}/test`), type: "text/javascript", exec: testScript(doc, op) } }],
  };
}

function collectionDescription(doc: OpenApiDocument): string {
  const kinds = Object.values(doc.info["x-propelauth-key-kinds"] ?? {});
  return [
    doc.info.description.trim(),
    "",
    "## Using this collection",
    "",
    "1. Import an environment file with this collection (test, staging, prod, or local for the emulator) and select it.",
    `2. Set \`${BASE_URL_VARIABLE}\` to the environment's Auth URL (Backend Integration page of the dashboard, no trailing slash).`,
    `3. Set \`${API_KEY_VARIABLE}\` to a backend API key of that environment. Every request sends it as \`Authorization: Bearer {{${API_KEY_VARIABLE}}}\` (collection-level auth).`,
    "",
    "Each request's description names the key kinds that may call it and the permissions a Custom key needs. Optional query parameters are listed but disabled: tick one to send it.",
    "Every request has tests: the status must be one the document lists for the operation and the body must match the document's schema for that status, so a collection run checks the answers.",
    "",
    kinds.length ? `Key kinds: ${kinds.map((k) => `**${k.name}** (${k.description.replace(/\.$/, "")})`).join("; ")}.` : "",
    "",
    `Generated from the OpenAPI document, version ${doc.info.version}.`,
  ].join("\n");
}

/** The whole collection. Throws when an operation cannot be represented exactly. */
export function generateCollection(doc: OpenApiDocument): Collection {
  const operations = listOperations(doc);
  const tagOrder = [...(doc.tags ?? []).map((t) => t.name)];
  for (const op of operations) {
    const tag = op.operation.tags?.[0] ?? "Other";
    if (!tagOrder.includes(tag)) tagOrder.push(tag);
  }
  const folders: Folder[] = [];
  for (const tag of tagOrder) {
    const ops = operations.filter((op) => (op.operation.tags?.[0] ?? "Other") === tag);
    if (ops.length === 0) continue;
    const description = doc.tags?.find((t) => t.name === tag)?.description ?? "";
    folders.push({
      id: stableId(`tag/${tag}`),
      name: tag,
      description: { content: description, type: "text/markdown" },
      item: ops.map((op) => buildItem(doc, op)),
    });
  }
  return {
    info: {
      _postman_id: stableId(`collection/${doc.info.title}`),
      name: doc.info.title,
      description: { content: collectionDescription(doc), type: "text/markdown" },
      version: doc.info.version,
      schema: COLLECTION_SCHEMA_URL,
    },
    item: folders,
    auth: { type: "bearer", bearer: [{ key: "token", value: `{{${API_KEY_VARIABLE}}}`, type: "string" }] },
  };
}
