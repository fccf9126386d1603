// A small description of the response models of the typed SDKs (Go structs, Rust serde structs),
// and a reader that decides whether a JSON value would decode into one of them the way
// encoding/json (dialect "go") or serde_json with #[derive(Deserialize)] (dialect "serde") does.
//
// What each dialect refuses:
// - go: a value of the wrong JSON type for a field (a string where an int is, a fraction in an int,
//   a malformed UUID for uuid.UUID). Missing fields, null and unknown fields are accepted
//   (missing and null leave the zero value).
// - serde: the same, plus a missing field that is neither Option nor #[serde(default)], a null
//   where the type is not Option (or serde_json::Value), an enum string that is no variant, and an
//   integer outside the Rust type's range. Unknown fields are accepted (no deny_unknown_fields).
export type Scalar = "string" | "bool" | "i32" | "i64" | "u64" | "int" | "float" | "uuid" | "any";

export type Shape =
  | Scalar
  /** Present and not null in every dialect (Go code that type-asserts a field of a map). */
  | { required: Shape }
  /** Go pointer / Rust Option<T>: null and a missing field are fine. */
  | { option: Shape }
  /** Rust #[serde(default)] on a non-Option field: may be missing, not null. */
  | { default: Shape }
  | { list: Shape }
  /** A JSON object used as a map; `key: "uuid"` for Go's map[uuid.UUID]T. */
  | { map: Shape; key?: "uuid" }
  /** A string enum (serde unit variants with their renames; Go string types accept any string). */
  | { enum: string[] }
  /** Another model of the same fixture, by name. */
  | { ref: string };

export type Models = Record<string, Record<string, Shape>>;

/** Shorthands for writing a model fixture: Option<T> / a pointer, another model, a list. */
export const opt = (shape: Shape): Shape => ({ option: shape });
export const ref = (name: string): Shape => ({ ref: name });
export const list = (shape: Shape): Shape => ({ list: shape });
export type Dialect = "go" | "serde";

const UUID = /^(urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;
const RANGES: Record<string, [number, number]> = {
  i32: [-(2 ** 31), 2 ** 31 - 1],
  i64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  u64: [0, Number.MAX_SAFE_INTEGER],
  int: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** The reasons `value` does not decode into `shape`; empty when it does. */
export function read(value: unknown, shape: Shape, models: Models, dialect: Dialect, at = "$"): string[] {
  if (typeof shape === "object" && "required" in shape)
    return value === null || value === undefined
      ? [`${at} is ${value === null ? "null" : "missing"}`]
      : read(value, shape.required, models, dialect, at);
  if (typeof shape === "object" && "option" in shape)
    return value === null || value === undefined ? [] : read(value, shape.option, models, dialect, at);
  if (typeof shape === "object" && "default" in shape) return value === undefined ? [] : read(value, shape.default, models, dialect, at);
  if (value === undefined) return dialect === "go" ? [] : [`${at} is missing`];
  if (shape === "any") return [];
  if (value === null) return dialect === "go" ? [] : [`${at} is null`];
  if (typeof shape === "string") return readScalar(value, shape, dialect, at);
  if ("enum" in shape) {
    if (typeof value !== "string") return [`${at} is ${typeOf(value)}, not a string`];
    return dialect === "serde" && !shape.enum.includes(value) ? [`${at} "${value}" is not one of ${shape.enum.join(", ")}`] : [];
  }
  if ("list" in shape) {
    if (!Array.isArray(value)) return [`${at} is ${typeOf(value)}, not an array`];
    return value.flatMap((item, i) => read(item, shape.list, models, dialect, `${at}[${i}]`));
  }
  if (typeOf(value) !== "object") return [`${at} is ${typeOf(value)}, not an object`];
  const object = value as Record<string, unknown>;
  if ("map" in shape) {
    return Object.entries(object).flatMap(([k, v]) => [
      ...(shape.key === "uuid" && !UUID.test(k) ? [`${at} key "${k}" is not a UUID`] : []),
      ...read(v, shape.map, models, dialect, `${at}.${k}`),
    ]);
  }
  const model = models[shape.ref];
  if (!model) throw new Error(`no model ${shape.ref}`);
  return Object.entries(model).flatMap(([field, fieldShape]) => read(object[field], fieldShape, models, dialect, `${at}.${field}`));
}

function readScalar(value: unknown, shape: Scalar, dialect: Dialect, at: string): string[] {
  switch (shape) {
    case "string":
      return typeof value === "string" ? [] : [`${at} is ${typeOf(value)}, not a string`];
    case "uuid":
      return typeof value === "string" && UUID.test(value) ? [] : [`${at} ${JSON.stringify(value)} is not a UUID`];
    case "bool":
      return typeof value === "boolean" ? [] : [`${at} is ${typeOf(value)}, not a boolean`];
    case "float":
      return typeof value === "number" ? [] : [`${at} is ${typeOf(value)}, not a number`];
    default: {
      if (typeof value !== "number" || !Number.isInteger(value)) return [`${at} ${JSON.stringify(value)} is not an integer`];
      const [min, max] = RANGES[dialect === "go" ? "int" : shape]!;
      return value < min || value > max ? [`${at} ${value} is outside ${shape}`] : [];
    }
  }
}

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

/**
 * The fields a model reads that the document's schema never defines, as paths: a misspelt json
 * tag or serde rename reads nothing (Go) or fails on a missing field (serde).
 */
export function undefinedFields(shape: Shape, schema: Schema, models: Models, resolve: (s: Schema) => Schema, at = "$"): string[] {
  const s = merged(schema, resolve);
  if (typeof shape === "string" || "enum" in shape) return [];
  if ("option" in shape) return undefinedFields(shape.option, s, models, resolve, at);
  if ("default" in shape) return undefinedFields(shape.default, s, models, resolve, at);
  if ("required" in shape) return undefinedFields(shape.required, s, models, resolve, at);
  const alternatives = [...(s.oneOf ?? []), ...(s.anyOf ?? [])];
  if (alternatives.length > 0) {
    // The model reads one of the alternatives: report only what none of them defines.
    const found = alternatives.map((alt) => undefinedFields(shape, alt, models, resolve, at));
    return found.reduce((common, next) => common.filter((p) => next.includes(p)));
  }
  if ("list" in shape) return s.items ? undefinedFields(shape.list, s.items, models, resolve, `${at}[]`) : [];
  if ("map" in shape)
    return typeof s.additionalProperties === "object" ? undefinedFields(shape.map, s.additionalProperties, models, resolve, `${at}.*`) : [];
  const properties = s.properties ?? {};
  return Object.entries(models[shape.ref]!).flatMap(([field, fieldShape]) =>
    field in properties ? undefinedFields(fieldShape, properties[field]!, models, resolve, `${at}.${field}`) : [`${at}.${field}`],
  );
}

/** The schema with its $ref resolved and its allOf members folded into it. */
function merged(schema: Schema, resolve: (s: Schema) => Schema): Schema {
  const s = resolve(schema);
  if (!s.allOf) return s;
  const parts = [s, ...s.allOf.map((part) => merged(part, resolve))];
  return {
    ...s,
    allOf: undefined,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    items: parts.find((p) => p.items)?.items,
    oneOf: parts.find((p) => p.oneOf)?.oneOf,
    anyOf: parts.find((p) => p.anyOf)?.anyOf,
    additionalProperties: parts.find((p) => typeof p.additionalProperties === "object")?.additionalProperties,
  };
}
