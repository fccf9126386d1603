// Which operations take pages, and how: found from the document, never listed by hand.
import { deref, type Operation } from "../operations.js";
import type { JsonSchema, OpenApiDocument } from "../types.js";
import { requestBodyOf, successOf } from "./media.js";
import { propertiesOf } from "./properties.js";

/** A page parameter's name: `page_number`, `page_size`, or one with a prefix such as `members_page_size`. */
export const PAGE_PARAMETER = /(^|_)page_(number|size)$/;

export interface PageParameter {
  name: string;
  in: "query" | "body";
  /** The parameter's schema, `$ref` followed. */
  schema: JsonSchema;
}

/** The page parameters an operation takes: query ones first (in document order), then JSON body properties. */
export function pageParameters(doc: OpenApiDocument, op: Operation): PageParameter[] {
  const found: PageParameter[] = op.parameters
    .filter((p) => p.in === "query" && PAGE_PARAMETER.test(p.name))
    .map((p) => ({ name: p.name, in: "query", schema: deref<JsonSchema>(doc, p.schema ?? {}) }));
  for (const [name, schema] of Object.entries(propertiesOf(doc, requestBodyOf(doc, op)?.media.schema))) {
    if (PAGE_PARAMETER.test(name)) found.push({ name, in: "body", schema: deref<JsonSchema>(doc, schema as JsonSchema) });
  }
  return found;
}

export interface Paging {
  /** Where `page_number` and `page_size` go. */
  where: "query" | "body";
  /** The name of the one array in the answer's envelope. */
  items: string;
  /** The `maximum` of `page_size`, when the document gives one. */
  max?: number;
}

const typesOf = (schema: JsonSchema) => [schema.type].flat().filter((t): t is string => typeof t === "string");

/**
 * How an operation pages, when it pages the usual way: it takes `page_number` and `page_size`
 * (both in the query, else both in the JSON body) and answers an envelope with exactly one array,
 * `page_size`, and `has_more_results` or a `total…` field. Undefined otherwise.
 */
export function pagingOf(doc: OpenApiDocument, op: Operation): Paging | undefined {
  const params = pageParameters(doc, op);
  const size = (where: "query" | "body") =>
    params.some((p) => p.in === where && p.name === "page_number")
      ? params.find((p) => p.in === where && p.name === "page_size")
      : undefined;
  const sizeParam = size("query") ?? size("body");
  if (!sizeParam) return undefined;
  const envelope = propertiesOf(doc, successOf(doc, op)?.media?.schema);
  const arrays = Object.entries(envelope).filter(([, value]) => typesOf(deref<JsonSchema>(doc, value as JsonSchema)).includes("array"));
  const marker = "has_more_results" in envelope || Object.keys(envelope).some((k) => k.startsWith("total"));
  if (arrays.length !== 1 || !marker || !("page_size" in envelope)) return undefined;
  const max = sizeParam.schema.maximum;
  return { where: sizeParam.in, items: arrays[0]![0], ...(typeof max === "number" ? { max } : {}) };
}
