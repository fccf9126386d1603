// Example values for parameters and bodies: the document's own examples first, a value built
// from the schema only when the document gives none.
import { deref, type JsonSchema, type MediaTypeObject, type OpenApiDocument, type ParameterObject } from "@propelauth-openapi/spec";

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: "00000000-0000-4000-8000-000000000000",
  email: "user@example.com",
  date: "2025-01-01",
  "date-time": "2025-01-01T00:00:00Z",
  uri: "https://example.com",
  url: "https://example.com",
  hostname: "example.com",
};

/** The first example a media type or parameter carries: `example`, else the first of `examples`. */
export function documentedExample(
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

/** A value that satisfies the schema as far as a sample can: examples, defaults, enums, then types. */
export function sampleFromSchema(doc: OpenApiDocument, input: JsonSchema | boolean | undefined, depth = 0): unknown {
  if (input === undefined || typeof input === "boolean" || depth > 8) return undefined;
  const schema = deref<JsonSchema>(doc, input);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key] as JsonSchema[] | undefined;
    const first = options?.find((o) => deref<JsonSchema>(doc, o).type !== "null");
    if (first) return sampleFromSchema(doc, first, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as JsonSchema[]).map((s) => sampleFromSchema(doc, s, depth + 1));
    if (parts.every((p) => typeof p === "object" && p !== null && !Array.isArray(p))) return Object.assign({}, ...parts);
    return parts.find((p) => p !== undefined);
  }
  const types = [schema.type].flat().filter((t): t is string => typeof t === "string" && t !== "null");
  switch (types[0] ?? (schema.properties ? "object" : undefined)) {
    case "string":
      return FORMAT_SAMPLES[schema.format as string] ?? "string";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    case "array": {
      const item = sampleFromSchema(doc, schema.items as JsonSchema | undefined, depth + 1);
      return item === undefined ? [] : [item];
    }
    case "object": {
      const result: Record<string, unknown> = {};
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const name of (schema.required as string[] | undefined) ?? []) {
        const value = sampleFromSchema(doc, properties[name], depth + 1);
        result[name] = value === undefined ? null : value;
      }
      return result;
    }
    default:
      return undefined;
  }
}

/** The value a request shows for a parameter. */
export function parameterExample(doc: OpenApiDocument, param: ParameterObject): unknown {
  const documented = documentedExample(doc, param as Pick<MediaTypeObject, "example" | "examples">);
  if (documented.found) return documented.value;
  return sampleFromSchema(doc, param.schema);
}

/** How a parameter value is written in a URL or header (arrays give one entry per item). */
export function parameterStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [""];
  if (Array.isArray(value)) return value.flatMap((v) => parameterStrings(v));
  if (typeof value === "object") return [JSON.stringify(value)];
  return [String(value)];
}
