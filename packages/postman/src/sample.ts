// Example values for parameters: the document's own examples first, a value built from the schema
// (by the spec package's one rule) only when the document gives none.
import { firstExample, type MediaTypeObject, type OpenApiDocument, type ParameterObject, sampleFromSchema } from "@propelauth-openapi/spec";

/** The value a request shows for a parameter. */
export function parameterExample(doc: OpenApiDocument, param: ParameterObject): unknown {
  const documented = firstExample(doc, param as Pick<MediaTypeObject, "example" | "examples">);
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
