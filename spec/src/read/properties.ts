// The properties of an object schema, as a reader sees them: through `$ref` and `allOf`.
import { deref } from "../operations.js";
import type { JsonSchema, OpenApiDocument } from "../types.js";

function parts(doc: OpenApiDocument, input: unknown, seen: Set<unknown>): JsonSchema[] {
  if (input === undefined || input === null || typeof input !== "object") return [];
  const schema = deref<JsonSchema>(doc, input as JsonSchema);
  // A schema that reaches itself through allOf adds nothing the second time.
  if (seen.has(schema)) return [];
  seen.add(schema);
  return [...((schema.allOf as unknown[] | undefined) ?? []).flatMap((part) => parts(doc, part, seen)), schema];
}

/**
 * The properties of an object schema merged across `allOf` (a later part, then the schema's own
 * `properties`, wins a name). Values are as written: a `$ref` stays, so a reader can name it.
 */
export function propertiesOf(doc: OpenApiDocument, schema: unknown): Record<string, unknown> {
  return Object.assign({}, ...parts(doc, schema, new Set()).map((s) => (s.properties as Record<string, unknown>) ?? {}));
}

/** The required property names of an object schema, through `allOf` (the parts' first, in order). */
export function requiredOf(doc: OpenApiDocument, schema: unknown): string[] {
  return parts(doc, schema, new Set()).flatMap((s) => (s.required as string[] | undefined) ?? []);
}
