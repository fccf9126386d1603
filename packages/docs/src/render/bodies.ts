// Request bodies and responses: the media type, the schema's tables and the document's examples
// (one tab per named example).
import { deref, type MediaTypeObject, type OpenApiDocument, type Operation, type ResponseObject } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { markdown } from "./markdown.js";
import { schemaHtml } from "./schema.js";
import { codeBlock, json, tabsHtml } from "./tabs.js";

function exampleBlock(value: unknown): string {
  return typeof value === "string" ? codeBlock(value, "text") : json(value);
}

/** The examples of a media type: `example`, or a tab per named example. */
export function examplesHtml(doc: OpenApiDocument, media: MediaTypeObject, id: string): string {
  if (media.example !== undefined) return `<p class="pa-label">Example</p>${exampleBlock(media.example)}`;
  const named = Object.entries(media.examples ?? {}).map(([key, ex]) => ({
    key,
    example: deref<{ summary?: string; value?: unknown }>(doc, ex),
  }));
  if (named.length === 0) return "";
  const tabs = named.map(({ key, example }) => ({
    key,
    label: example.summary ?? key,
    panel: exampleBlock(example.value),
  }));
  return `<p class="pa-label">Example${named.length > 1 ? "s" : ""}</p>${tabsHtml(tabs, { id, label: "Examples", className: "pa-examples" })}`;
}

/** `id` is unique in the page (operation and status): the example tabs' ids start with it. */
function mediaHtml(doc: OpenApiDocument, content: Record<string, MediaTypeObject> | undefined, id: string): string {
  return Object.entries(content ?? {})
    .map(([type, media], i) => {
      const schema = media.schema ? schemaHtml(doc, media.schema) : "";
      return `<p class="pa-media">Content type <code>${escapeHtml(type)}</code></p>${schema}${examplesHtml(doc, media, `${id}-${i}`)}`;
    })
    .join("");
}

export function requestBodyHtml(doc: OpenApiDocument, op: Operation): string {
  if (!op.operation.requestBody) return "";
  const body = deref(doc, op.operation.requestBody);
  const required = body.required ? ' <span class="pa-required">required</span>' : "";
  return `<h3>Request body${required}</h3>${markdown((body as { description?: string }).description)}${mediaHtml(doc, body.content, `${op.operationId}-request`)}`;
}

function statusClass(status: string): string {
  return /^[1-5]/.test(status) ? `pa-status-${status[0]}` : "pa-status-other";
}

function responseHtml(doc: OpenApiDocument, op: Operation, status: string, input: ResponseObject): string {
  const response = deref(doc, input);
  const first = (response.description ?? "").split(/\n/)[0] ?? "";
  const open = status.startsWith("2") ? " open" : "";
  return [
    `<details class="pa-response" data-status="${escapeHtml(status)}"${open}>`,
    `<summary><span class="pa-status ${statusClass(status)}">${escapeHtml(status)}</span> ${escapeHtml(first.replace(/[`*]/g, ""))}</summary>`,
    `<div class="pa-response-body">${markdown(response.description)}${mediaHtml(doc, response.content, `${op.operationId}-${status}`)}</div>`,
    "</details>",
  ].join("");
}

/** Every response, errors included, successes unfolded. */
export function responsesHtml(doc: OpenApiDocument, op: Operation): string {
  const list = Object.entries(op.operation.responses).map(([status, r]) => responseHtml(doc, op, status, r));
  return `<h3>Responses</h3><div class="pa-responses">${list.join("")}</div>`;
}
