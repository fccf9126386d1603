// "May this key kind call this operation", from the operation's `x-propelauth-access` and the
// catalogues in `info` (`x-propelauth-key-kinds`, `x-propelauth-permissions`: each permission says
// which predefined key kinds are `granted-to` it). The lint plugin, the docs and the emulator all
// decide with these functions.
import type { Operation } from "../operations.js";
import type { OpenApiDocument } from "../types.js";

/** Kinds that may call every operation: Full Access holds everything; a Custom key is checked per key. */
export const ALWAYS_ALLOWED_KINDS: readonly string[] = ["full-access", "custom"];

/** The two catalogues of `info` these rules read (loose, so the lint plugin can pass what it found). */
export type AccessCatalogues = Partial<Pick<OpenApiDocument["info"], "x-propelauth-key-kinds" | "x-propelauth-permissions">>;

/** Whether a key kind holds every one of these permissions (always, for Full Access and Custom). */
export function kindHolds(info: AccessCatalogues, kind: string, permissions: readonly string[]): boolean {
  if (ALWAYS_ALLOWED_KINDS.includes(kind)) return true;
  const catalogue = info["x-propelauth-permissions"] ?? {};
  return permissions.every((p) => (catalogue[p]?.["granted-to"] ?? []).includes(kind));
}

/** The key kinds (ids, in catalogue order) that may call an operation needing these permissions: what its `key-kinds` must say. */
export function kindsAllowed(info: AccessCatalogues, permissions: readonly string[]): string[] {
  return Object.keys(info["x-propelauth-key-kinds"] ?? {}).filter((kind) => kindHolds(info, kind, permissions));
}

/** The permissions an operation needs for this body: its own plus those of the body fields sent (a field sent as null needs nothing). */
export function requiredPermissions(op: Operation, body: unknown): string[] {
  const access = op.operation["x-propelauth-access"];
  const needed = new Set(access?.permissions ?? []);
  if (typeof body === "object" && body !== null) {
    const sent = body as Record<string, unknown>;
    for (const rule of access?.["field-permissions"] ?? []) {
      // A field sent as null means "leave unchanged", so it needs nothing.
      if (rule.fields.some((f) => sent[f] !== undefined && sent[f] !== null)) for (const p of rule.permissions) needed.add(p);
    }
  }
  return [...needed];
}
