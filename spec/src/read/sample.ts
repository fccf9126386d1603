// One way to make a value from a schema, for every package that shows a request the document gives
// no example for (the docs' code samples, Postman's bodies and parameters).
//
// The rule, first match wins:
// 1. the schema's own value: `example`, the first of `examples`, `const`, `default`, the first of `enum`;
// 2. `oneOf`/`anyOf`: the first option that is not `type: null`; `allOf`: its parts merged;
// 3. by type: object → its required properties; array → `minItems` (at least 1) items;
//    integer/number → `minimum`, else 1; boolean → true; null → null; anything else a string:
//    a fixed value for the formats uuid, email, uri/url, date-time and date, else "example"
//    padded to `minLength`.
// No schema (undefined, or the boolean schemas true/false) gives undefined: there is nothing to show.
import { deref } from "../operations.js";
import type { JsonSchema, OpenApiDocument } from "../types.js";

const MAX_DEPTH = 8;

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a",
  email: "ada@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  "date-time": "2025-01-01T00:00:00Z",
  date: "2025-01-01",
};

/** A value that conforms to a schema, by the rule above. */
export function sampleFromSchema(doc: OpenApiDocument, input: JsonSchema | boolean | undefined, depth = 0): unknown {
  if (input === undefined || typeof input === "boolean") return undefined;
  const schema = deref<JsonSchema>(doc, input);
  const own = ownValue(schema);
  if (own.found) return own.value;
  if (depth > MAX_DEPTH) return null;
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const nonNull = options.find((o) => deref<JsonSchema>(doc, o as JsonSchema).type !== "null") ?? options[0];
      return sampleFromSchema(doc, nonNull as JsonSchema, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) Object.assign(merged, sampleFromSchema(doc, part as JsonSchema, depth + 1));
    return merged;
  }
  return byType(doc, schema, depth);
}

function ownValue(schema: JsonSchema): { found: boolean; value?: unknown } {
  if (schema.example !== undefined) return { found: true, value: schema.example };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { found: true, value: schema.examples[0] };
  if (schema.const !== undefined) return { found: true, value: schema.const };
  if (schema.default !== undefined) return { found: true, value: schema.default };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { found: true, value: schema.enum[0] };
  return { found: false };
}

function byType(doc: OpenApiDocument, schema: JsonSchema, depth: number): unknown {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  const type = types.find((t) => t !== "null") ?? (schema.properties ? "object" : types[0]);
  switch (type) {
    case "object": {
      const result: Record<string, unknown> = {};
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const name of (schema.required as string[] | undefined) ?? []) {
        // A required property is always sent, as null when its schema gives nothing to show.
        result[name] = sampleFromSchema(doc, properties[name], depth + 1) ?? null;
      }
      return result;
    }
    case "array": {
      const min = typeof schema.minItems === "number" ? schema.minItems : 1;
      return Array.from({ length: Math.max(1, min) }, () => sampleFromSchema(doc, schema.items as JsonSchema, depth + 1));
    }
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return stringSample(schema);
  }
}

function stringSample(schema: JsonSchema): string {
  const known = FORMAT_SAMPLES[schema.format as string];
  if (known !== undefined) return known;
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  return "example".padEnd(min, "x");
}
