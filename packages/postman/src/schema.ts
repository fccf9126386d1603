// Turns an OpenAPI 3.1 (JSON Schema 2020-12) schema into a self-contained JSON Schema draft-07
// document that Postman's sandbox can check: `pm.expect(x).to.have.jsonSchema(schema)` runs Ajv 6
// there (Postman app and newman alike), which knows draft-07, no `$defs`, no `prefixItems`, and
// throws on formats it does not know.
import type { JsonSchema, OpenApiDocument } from "@propelauth-openapi/spec";

/** Keywords that only annotate: dropped, so the embedded schemas stay small. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "externalDocs",
  "xml",
  "discriminator",
  "contentMediaType",
  "contentEncoding",
  "$schema",
  "$id",
  "$anchor",
]);

/** Keywords copied as they are: they mean the same in draft-07. */
const VALUES = new Set([
  "type",
  "enum",
  "const",
  "required",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
]);

/** Keywords whose value is one schema. */
const SUBSCHEMA = new Set(["additionalProperties", "propertyNames", "contains", "not", "if", "then", "else", "additionalItems"]);

/** Keywords whose value is a list of schemas. */
const SUBSCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf"]);

/** Keywords whose value maps names to schemas. */
const SUBSCHEMA_MAP = new Set(["properties", "patternProperties"]);

/** The formats Ajv 6 knows (it throws on any other). The others are dropped, which only loosens the check. */
export const SANDBOX_FORMATS = new Set([
  "date",
  "time",
  "date-time",
  "uri",
  "uri-reference",
  "uri-template",
  "url",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "regex",
  "uuid",
  "json-pointer",
  "relative-json-pointer",
]);

const COMPONENT_PREFIX = "#/components/schemas/";

function lookup(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`only local references are supported, got ${ref}`);
  const found = ref
    .slice(2)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  if (found === undefined) throw new Error(`${ref} does not exist in the document`);
  return found;
}

function isAnnotationOnly(schema: unknown): boolean {
  return typeof schema === "object" && schema !== null && Object.keys(schema).every((key) => ANNOTATIONS.has(key) || key.startsWith("x-"));
}

/** True when the schema accepts every value (after annotations are dropped). */
export function acceptsAnything(schema: JsonSchema | boolean | undefined): boolean {
  return schema === undefined || schema === true || (typeof schema === "object" && Object.keys(schema).length === 0);
}

/**
 * Translates `schema` (which may `$ref` components of `doc`) into one draft-07 schema: the
 * components it uses, directly or not, go under `definitions`, so recursive schemas work.
 * Throws on a keyword it cannot translate, so a new construct in the document fails the build
 * instead of silently weakening the checks.
 */
export function toSandboxSchema(doc: OpenApiDocument, schema: JsonSchema | boolean): JsonSchema | boolean {
  const definitions: Record<string, JsonSchema | boolean> = {};
  const queued: string[] = [];

  const refTo = (ref: string, at: string): JsonSchema | boolean => {
    if (ref.startsWith(COMPONENT_PREFIX) && !ref.slice(COMPONENT_PREFIX.length).includes("/")) {
      const name = ref.slice(COMPONENT_PREFIX.length).replaceAll("~1", "/").replaceAll("~0", "~");
      const target = lookup(doc, ref);
      // A component that only annotates (such as an undocumented error body) accepts anything.
      if (target === true || isAnnotationOnly(target)) return {};
      if (!(name in definitions) && !queued.includes(name)) queued.push(name);
      return { $ref: `#/definitions/${name.replaceAll("~", "~0").replaceAll("/", "~1")}` };
    }
    // A reference into the middle of something: inline it.
    return convert(lookup(doc, ref) as JsonSchema | boolean, `${at}→${ref}`);
  };

  const convert = (node: JsonSchema | boolean, at: string): JsonSchema | boolean => {
    if (typeof node === "boolean") return node;
    if (node === null || typeof node !== "object" || Array.isArray(node)) throw new Error(`${at}: not a schema`);
    const out: JsonSchema = {};
    let ref: JsonSchema | boolean | undefined;
    for (const [key, value] of Object.entries(node)) {
      if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
      if (key === "$ref") ref = refTo(value as string, at);
      else if (VALUES.has(key)) out[key] = value;
      else if (key === "format") {
        if (SANDBOX_FORMATS.has(value as string)) out.format = value;
      } else if (key === "nullable") {
        // OpenAPI 3.0 style, in case a schema still uses it: applied below, once `type` is known.
      } else if (SUBSCHEMA.has(key)) out[key] = convert(value as JsonSchema, `${at}/${key}`);
      else if (SUBSCHEMA_LIST.has(key)) out[key] = (value as JsonSchema[]).map((s, i) => convert(s, `${at}/${key}/${i}`));
      else if (SUBSCHEMA_MAP.has(key))
        out[key] = Object.fromEntries(
          Object.entries(value as Record<string, JsonSchema>).map(([k, s]) => [k, convert(s, `${at}/${key}/${k}`)]),
        );
      else if (key === "items") {
        if (Array.isArray(value)) out.items = value.map((s, i) => convert(s as JsonSchema, `${at}/items/${i}`));
        else if ("prefixItems" in node) out.additionalItems = convert(value as JsonSchema, `${at}/items`);
        else out.items = convert(value as JsonSchema, `${at}/items`);
      } else if (key === "prefixItems") out.items = (value as JsonSchema[]).map((s, i) => convert(s, `${at}/prefixItems/${i}`));
      else if (key === "dependentRequired") out.dependencies = { ...(out.dependencies as object), ...(value as object) };
      else if (key === "dependentSchemas") {
        const converted = Object.entries(value as Record<string, JsonSchema>).map(([k, s]) => [
          k,
          convert(s, `${at}/dependentSchemas/${k}`),
        ]);
        out.dependencies = { ...(out.dependencies as object), ...Object.fromEntries(converted) };
      } else throw new Error(`${at}: cannot translate the keyword "${key}" for Postman's validator`);
    }
    if ("nullable" in node && node.nullable === true && out.type !== undefined) {
      out.type = [...new Set([...[out.type].flat(), "null"])];
    }
    if (ref === undefined) return out;
    if (typeof ref === "object" && Object.keys(ref).length === 0) return out;
    // draft-07 ignores the siblings of $ref: keep them beside it in an allOf.
    if (Object.keys(out).length === 0) return ref;
    return { allOf: [ref], ...out };
  };

  let root = convert(schema, "schema");
  for (let name = queued.shift(); name !== undefined; name = queued.shift()) {
    definitions[name] = convert(lookup(doc, `${COMPONENT_PREFIX}${name}`) as JsonSchema, `${COMPONENT_PREFIX}${name}`);
  }
  if (Object.keys(definitions).length === 0) return root;
  if (typeof root === "boolean") return root;
  // A root that is only a $ref would hide its siblings (definitions included) from draft-07.
  if ("$ref" in root) root = { allOf: [root] };
  return { ...root, definitions };
}
