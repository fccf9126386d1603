/** The permission ids a Custom key may hold (info.x-propelauth-permissions of the document). */
export type PermissionId = string;

export type KeyKind = "full-access" | "read-and-validate" | "validation-only" | "custom";
export const KEY_KINDS: readonly KeyKind[] = ["full-access", "read-and-validate", "validation-only", "custom"];

export interface RateLimit {
  /** How many validations a key may have per window. */
  limit: number;
  windowSeconds: number;
}
