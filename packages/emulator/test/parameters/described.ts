// Every parameter an operation describes: its path and query parameters and the top-level fields
// of its JSON request body, with the enum values the document lists.
import { deref, type Operation, propertiesOf, requestMedia } from "@propelauth-openapi/spec";
import { doc } from "../support.js";

export type Place = "path" | "query" | "body";

export interface Described {
  in: Place;
  name: string;
  /** The values the document allows, when it lists them. */
  enum?: unknown[];
  type?: string;
}

type Schema = { oneOf?: unknown[]; anyOf?: unknown[]; enum?: unknown[]; const?: unknown; type?: string | string[] };

/** The body's fields through allOf (propertiesOf), and those of each oneOf/anyOf variant. */
function fields(schema: unknown, out: Map<string, Schema>): Map<string, Schema> {
  if (!schema) return out;
  const s = deref(doc, schema as Schema) as Schema;
  for (const variant of [...(s.oneOf ?? []), ...(s.anyOf ?? [])]) fields(variant, out);
  for (const [name, field] of Object.entries(propertiesOf(doc, s))) {
    const f = deref(doc, field as Schema) as Schema;
    // A variant's discriminator (`const`) adds its value to those of the other variants.
    const before = out.get(name);
    if (f.const !== undefined) out.set(name, { ...f, enum: [...(before?.enum ?? []), f.const] });
    else if (!before) out.set(name, f);
  }
  return out;
}

const typeOf = (s: Schema | undefined): string | undefined => (Array.isArray(s?.type) ? s.type.find((t) => t !== "null") : s?.type);

export function describedParameters(op: Operation): Described[] {
  const out: Described[] = [];
  for (const p of op.parameters) {
    const schema = deref(doc, p.schema) as Schema | undefined;
    out.push({ in: p.in as Place, name: p.name, enum: schema?.enum, type: typeOf(schema) });
  }
  const media = requestMedia(doc, op) as { schema?: Schema } | undefined;
  for (const [name, schema] of fields(media?.schema, new Map())) out.push({ in: "body", name, enum: schema.enum, type: typeOf(schema) });
  return out;
}

export const keyOf = (op: Operation, p: { in: string; name: string }): string => `${op.operationId} ${p.in}:${p.name}`;
