// A JSON schema as nested property tables: each property's name, whether it is required, its type
// and constraints, and its description; object properties (and arrays of objects) fold out into
// their own table. References to a schema already being shown are named, not expanded again.
import { deref, type JsonSchema, type OpenApiDocument, propertiesOf, requiredOf } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { markdown } from "./markdown.js";

const MAX_DEPTH = 6;

interface Resolved {
  schema: JsonSchema;
  /** The component name when the schema was a `$ref`. */
  name?: string;
}

function resolve(doc: OpenApiDocument, schema: unknown): Resolved {
  const ref = (schema as { $ref?: unknown } | undefined)?.$ref;
  const name = typeof ref === "string" ? ref.split("/").pop() : undefined;
  return { schema: deref<JsonSchema>(doc, (schema ?? {}) as JsonSchema), name };
}

/** Properties and required names of an object schema, through `allOf`. */
function objectParts(doc: OpenApiDocument, schema: JsonSchema): { properties: Record<string, unknown>; required: string[] } {
  return { properties: propertiesOf(doc, schema), required: requiredOf(doc, schema) };
}

function variants(schema: JsonSchema): unknown[] {
  return ((schema.oneOf ?? schema.anyOf) as unknown[] | undefined) ?? [];
}

/** `string`, `string | null`, `array of User`, `string (uuid)`; an object schema by its component name. */
export function typeLabel(doc: OpenApiDocument, input: unknown): string {
  const { schema, name } = resolve(doc, input);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [String(schema.type)] : [];
  let base = types.join(" | ");
  if (types.includes("array") && schema.items) base = base.replace("array", `array of ${typeLabel(doc, schema.items)}`);
  if (!base && variants(schema).length > 0)
    base = variants(schema)
      .map((v) => typeLabel(doc, v))
      .join(" | ");
  if (!base && (schema.properties || schema.allOf)) base = "object";
  if (schema.format) base = `${base || "string"} (${String(schema.format)})`;
  const objectLike = types.includes("object") || Boolean(schema.properties || schema.allOf);
  return name && objectLike ? name : base || name || "any";
}

function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (Array.isArray(schema.enum)) out.push(`one of ${schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(", ")}`);
  if (schema.const !== undefined) out.push(`always <code>${escapeHtml(JSON.stringify(schema.const))}</code>`);
  if (schema.default !== undefined) out.push(`default <code>${escapeHtml(JSON.stringify(schema.default))}</code>`);
  for (const [key, label] of [
    ["minimum", "min"],
    ["maximum", "max"],
    ["minLength", "min length"],
    ["maxLength", "max length"],
    ["minItems", "min items"],
    ["maxItems", "max items"],
  ] as const) {
    if (schema[key] !== undefined) out.push(`${label} ${escapeHtml(String(schema[key]))}`);
  }
  if (schema.pattern) out.push(`pattern <code>${escapeHtml(String(schema.pattern))}</code>`);
  if (schema.example !== undefined) out.push(`example <code>${escapeHtml(JSON.stringify(schema.example))}</code>`);
  return out;
}

function constraintsHtml(schema: JsonSchema): string {
  const notes = constraints(schema);
  return notes.length > 0 ? `<p class="pa-constraints">${notes.join(" · ")}</p>` : "";
}

/** The object schema a property folds out into: itself, its array items, or nothing. */
function nestedObject(doc: OpenApiDocument, input: unknown): Resolved | undefined {
  const resolved = resolve(doc, input);
  const { schema } = resolved;
  if (schema.properties || schema.allOf) return resolved;
  if (schema.items) return nestedObject(doc, schema.items);
  return undefined;
}

function propertyRow(doc: OpenApiDocument, name: string, input: unknown, required: boolean, seen: string[]): string {
  const { schema } = resolve(doc, input);
  const description = markdown(schema.description as string | undefined);
  const cells = [
    `<td class="pa-prop-name"><code>${escapeHtml(name)}</code>${required ? ' <span class="pa-required">required</span>' : ""}</td>`,
    `<td class="pa-prop-about"><span class="pa-type">${escapeHtml(typeLabel(doc, input))}</span>${schema.deprecated ? ' <span class="pa-badge">deprecated</span>' : ""}${description}${constraintsHtml(schema)}${nestedHtml(doc, input, name, seen)}</td>`,
  ];
  return `<tr>${cells.join("")}</tr>`;
}

function nestedHtml(doc: OpenApiDocument, input: unknown, name: string, seen: string[]): string {
  const nested = nestedObject(doc, input);
  const variantList = variants(resolve(doc, input).schema);
  if (variantList.length > 0) return variantsHtml(doc, variantList, seen);
  if (!nested) return "";
  if (nested.name && seen.includes(nested.name)) return `<p class="pa-constraints">the same ${escapeHtml(nested.name)} as above</p>`;
  if (seen.length >= MAX_DEPTH) return "";
  const inner = propertiesTable(doc, nested.schema, nested.name ? [...seen, nested.name] : [...seen, name]);
  return inner ? `<details class="pa-nested"><summary>fields of <code>${escapeHtml(name)}</code></summary>${inner}</details>` : "";
}

function variantsHtml(doc: OpenApiDocument, list: unknown[], seen: string[]): string {
  const items = list.map((variant, i) => {
    const { schema, name } = resolve(doc, variant);
    const table = schema.properties || schema.allOf ? propertiesTable(doc, schema, name ? [...seen, name] : seen) : "";
    return `<li><span class="pa-type">${escapeHtml(name ?? typeLabel(doc, variant) ?? `variant ${i + 1}`)}</span>${markdown(schema.description as string | undefined)}${constraintsHtml(schema)}${table}</li>`;
  });
  return `<div class="pa-variants"><p class="pa-constraints">one of:</p><ol>${items.join("")}</ol></div>`;
}

function propertiesTable(doc: OpenApiDocument, schema: JsonSchema, seen: string[]): string {
  const { properties, required } = objectParts(doc, schema);
  const names = Object.keys(properties);
  if (names.length === 0) return "";
  const rows = names.map((n) => propertyRow(doc, n, properties[n], required.includes(n), seen));
  return `<table class="pa-props"><tbody>${rows.join("")}</tbody></table>`;
}

/** A schema as HTML: its type and description, then its properties, variants or item schema. */
export function schemaHtml(doc: OpenApiDocument, input: unknown): string {
  const resolved = resolve(doc, input);
  const { schema } = resolved;
  const seen = resolved.name ? [resolved.name] : [];
  const head = `<p class="pa-schema-type"><span class="pa-type">${escapeHtml(typeLabel(doc, input))}</span></p>`;
  const variantList = variants(schema);
  if (variantList.length > 0) return head + variantsHtml(doc, variantList, seen);
  const object = nestedObject(doc, input);
  const table = object ? propertiesTable(doc, object.schema, object.name ? [...seen, object.name] : seen) : "";
  return head + markdown(schema.description as string | undefined) + constraintsHtml(schema) + table;
}
