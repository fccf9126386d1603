// The page's routes: `#/<tag>/<operationid>` for an operation, `/<slug>` for tags and sections
// (Redoc's slugs, so links into the old page keep working).
import type { Operation } from "@propelauth-openapi/spec";

/** The hash route of an operation in the rendered site (Redoc's tag and operation slugs). */
export function operationHref(op: Operation): string {
  const tag = op.operation.tags?.[0] ?? "other";
  return `#/${slug(tag)}/${op.operationId.toLowerCase()}`;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "-").replace(/&/g, "-and-").replace(/--+/g, "-").replace(/^-+/, "").replace(/-+$/, "");
}
