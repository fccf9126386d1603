// The two errors of token verification. Each has a `reason` to switch on and the HTTP `status` a
// backend should answer with. Like the client's errors, `instanceof` fails across the ESM and CJS
// builds: prefer `error.name` and `reason`.

/** Why a token was refused, or could not be checked. */
export type TokenVerificationReason =
  /** No Authorization header, or an empty one. */
  | "missing_header"
  /** The header is not `Bearer <token>`. */
  | "malformed_header"
  /** Not a JWT: not three base64url parts, a header or payload that is not a JSON object, `exp`/`nbf` not numbers, a `crit` header. */
  | "malformed_token"
  /** `alg` is not RS256 (`none`, HS256, ES256, …). */
  | "unsupported_algorithm"
  /** The signature does not match the verifier key (also after one re-fetch of the key). */
  | "bad_signature"
  /** `exp` is past (beyond the clock tolerance). */
  | "expired"
  /** `nbf` is in the future (beyond the clock tolerance). */
  | "not_yet_valid"
  /** The token has no `exp` and `requireExpiry` is on (the default). */
  | "missing_expiry"
  /** `iss` is not the Auth URL's origin (or the `issuer` option). */
  | "wrong_issuer"
  /** The verifier key is an RSA key under 2048 bits: nothing is accepted with it. */
  | "weak_key"
  /** The verifier key could not be fetched or imported (wrong backend key, network, bad PEM). */
  | "key_unavailable";

/** Reasons that are the server's problem, not the caller's: answer 503, not 401. */
const SERVER_SIDE: readonly TokenVerificationReason[] = ["key_unavailable", "weak_key"];

/** An access token was refused (401), or could not be checked because the key is unusable (503). */
export class TokenVerificationError extends Error {
  declare readonly reason: TokenVerificationReason;
  /** 401 for a token or header the caller got wrong; 503 for `key_unavailable` and `weak_key`. */
  declare readonly status: 401 | 503;

  constructor(reason: TokenVerificationReason, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    Object.assign(this, { name: "TokenVerificationError", reason, status: SERVER_SIDE.includes(reason) ? 503 : 401 });
  }
}

/** Why a verified user may not act in an organization. */
export type OrgAccessReason =
  /** Not a member of the organization (or, with a token for an active org, not that org). */
  | "not_in_org"
  /** A member, but not of the exact or minimum role asked for. */
  | "role"
  /** A member, but without the permission(s) asked for. */
  | "permission";

/** The token is valid but the user may not act in the organization: answer 403. */
export class OrgAccessError extends Error {
  declare readonly reason: OrgAccessReason;
  declare readonly status: 403;

  constructor(reason: OrgAccessReason, message: string) {
    super(message);
    Object.assign(this, { name: "OrgAccessError", reason, status: 403 });
  }
}
