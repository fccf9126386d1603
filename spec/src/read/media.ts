// Which media type an operation takes and answers with, and the examples the document gives them.
import { deref, type Operation } from "../operations.js";
import type { MediaTypeObject, OpenApiDocument } from "../types.js";

export interface RequestBody {
  contentType: string;
  media: MediaTypeObject;
  required: boolean;
}

const isJson = (type: string) => type === "application/json" || /[/+]json\b/.test(type);

/** The request body an operation takes: `application/json`, else another JSON type, else its first media type. */
export function requestBodyOf(doc: OpenApiDocument, op: Operation): RequestBody | undefined {
  if (!op.operation.requestBody) return undefined;
  const body = deref(doc, op.operation.requestBody);
  const entries = Object.entries(body.content ?? {});
  const chosen = entries.find(([type]) => type === "application/json") ?? entries.find(([type]) => isJson(type)) ?? entries[0];
  if (!chosen) return undefined;
  return { contentType: chosen[0], media: chosen[1], required: body.required === true };
}

/** The media type of the request body (as `requestBodyOf` chooses it), if the operation takes one. */
export function requestMedia(doc: OpenApiDocument, op: Operation): MediaTypeObject | undefined {
  return requestBodyOf(doc, op)?.media;
}

/**
 * The first example of a media type or parameter: `example`, else the value of the first named
 * example. A named example without a `value` (an `externalValue`) counts as none.
 */
export function firstExample(
  doc: OpenApiDocument,
  holder: Pick<MediaTypeObject, "example" | "examples"> | undefined,
): { found: boolean; value?: unknown } {
  if (!holder) return { found: false };
  if (holder.example !== undefined) return { found: true, value: holder.example };
  const first = Object.values(holder.examples ?? {})[0];
  if (!first) return { found: false };
  const value = deref<{ value?: unknown }>(doc, first).value;
  return value === undefined ? { found: false } : { found: true, value };
}

/** The lowest 2xx status of an operation and the first media type it answers with (none for an empty answer). */
export function successOf(
  doc: OpenApiDocument,
  op: Operation,
): { status: number; contentType?: string; media?: MediaTypeObject } | undefined {
  const status = Object.keys(op.operation.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0];
  if (!status) return undefined;
  const response = deref(doc, op.operation.responses[status]!);
  const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
  return contentType && media ? { status: Number(status), contentType, media } : { status: Number(status) };
}

/** The lowest 2xx status of the operation and its first example body (undefined for an empty body). */
export function successExample(doc: OpenApiDocument, op: Operation): { status: number; body: unknown; contentType?: string } {
  const success = successOf(doc, op);
  if (!success) throw new Error(`${op.operationId} has no 2xx response`);
  return { status: success.status, body: firstExample(doc, success.media).value, contentType: success.contentType };
}
