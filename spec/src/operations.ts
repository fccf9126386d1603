import type { HttpMethod, MediaTypeObject, OpenApiDocument, OperationObject, ParameterObject } from "./types.js";

export const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch"];

/** One operation of the document, with its parameters resolved and merged from the path item. */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  path: string;
  /** JSON pointer of the operation inside the document, such as `#/paths/~1api.../get`. */
  pointer: string;
  operation: OperationObject;
  parameters: ParameterObject[];
}

const escapePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** Follows a local `$ref` (`#/components/...`) until it reaches a value that is not a reference. */
export function deref<T>(doc: OpenApiDocument, value: T | { $ref: string }): T {
  let current: unknown = value;
  for (let depth = 0; depth < 32; depth++) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== "string") return current as T;
    if (!ref.startsWith("#/")) throw new Error(`deref: only local references are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    if (current === undefined) throw new Error(`deref: ${ref} does not exist in the document`);
  }
  throw new Error("deref: reference chain too deep");
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = (item.parameters ?? []).map((p) => deref<ParameterObject>(doc, p));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const own = (operation.parameters ?? []).map((p) => deref<ParameterObject>(doc, p));
      const merged = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      result.push({
        operationId: operation.operationId,
        method,
        path,
        pointer: `#/paths/${escapePointer(path)}/${method}`,
        operation,
        parameters: merged,
      });
    }
  }
  return result;
}

/** The JSON media type of the request body, if the operation takes one. */
export function requestMedia(doc: OpenApiDocument, op: Operation): MediaTypeObject | undefined {
  const body = op.operation.requestBody ? deref(doc, op.operation.requestBody) : undefined;
  return body?.content["application/json"];
}

/** The first example of a media type: `example`, or the value of the first named example. */
export function firstExample(doc: OpenApiDocument, media: MediaTypeObject | undefined): { found: boolean; value?: unknown } {
  if (!media) return { found: false };
  if (media.example !== undefined) return { found: true, value: media.example };
  const first = Object.values(media.examples ?? {})[0];
  if (!first) return { found: false };
  return { found: true, value: deref<{ value?: unknown }>(doc, first).value };
}

/** The lowest 2xx status of the operation and its first example body (undefined for an empty body). */
export function successExample(doc: OpenApiDocument, op: Operation): { status: number; body: unknown; contentType?: string } {
  const status = Object.keys(op.operation.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0];
  if (!status) throw new Error(`${op.operationId} has no 2xx response`);
  const response = deref(doc, op.operation.responses[status]!);
  const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
  return { status: Number(status), body: firstExample(doc, media).value, contentType };
}
