import { kindHolds, type OpenApiDocument, type Operation, requiredPermissions } from "@propelauth-openapi/spec";
import type { KeyKind } from "./config.js";
import type { BackendKey } from "./project.js";

export type AccessDecision = { allowed: true } | { allowed: false; missing: string[]; reason: string };

/**
 * Decides whether a backend key may call an operation, from the operation's `x-propelauth-access`:
 * Full Access calls everything; Read and Validate and Validation Only call the operations whose
 * `key-kinds` list them (and, for field permissions, hold them in the catalogue); a Custom key
 * must hold every permission the operation and the fields sent need.
 */
export function decideAccess(doc: OpenApiDocument, op: Operation, key: BackendKey, body: unknown): AccessDecision {
  if (key.kind === "full-access") return { allowed: true };
  const access = op.operation["x-propelauth-access"];
  if (!access) return { allowed: false, missing: [], reason: "the operation declares no access: only Full Access keys may call it" };
  const needed = requiredPermissions(op, body);
  let missing: string[];
  if (key.kind === "custom") {
    missing = needed.filter((p) => !key.permissions.includes(p));
  } else {
    if (!access["key-kinds"].includes(key.kind)) {
      return { allowed: false, missing: access.permissions, reason: `${kindName(doc, key.kind)} keys may not call ${op.operationId}` };
    }
    missing = needed.filter((p) => !kindHolds(doc.info, key.kind, [p]));
  }
  if (missing.length === 0) return { allowed: true };
  return { allowed: false, missing, reason: `this ${kindName(doc, key.kind)} key lacks ${missing.join(", ")} for ${op.operationId}` };
}

function kindName(doc: OpenApiDocument, kind: KeyKind): string {
  return doc.info["x-propelauth-key-kinds"]?.[kind]?.name ?? kind;
}

/** The status the document gives a refused key: 403 when the operation describes it as such, else 401. */
export function denialOf(op: Operation, reason: string): { status: number; body: unknown } {
  const forbidden = op.operation.responses["403"] as { $ref?: string } | undefined;
  const ref = forbidden?.$ref ?? "";
  if (ref.endsWith("/StepUpMfaForbidden")) return { status: 403, body: { error_code: "unauthorized", user_facing_error: "Unauthorized." } };
  if (ref.endsWith("/Forbidden")) return { status: 403, body: { error: `Forbidden: ${reason}` } };
  return { status: 401, body: { error: `Unauthorized: ${reason}` } };
}
