import type { HttpMethod, OpenApiDocument, OperationObject, ParameterObject } from "./types.js";

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
