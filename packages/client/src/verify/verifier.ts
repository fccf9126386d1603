// createTokenVerifier: checks PropelAuth access tokens locally, with the verifier key fetched
// through the client (lazily, single-flight, re-fetched at most once per interval when a token's
// `kid` is unknown or its signature fails, so a rotated key is picked up) or given by hand.

// The package's own name: the declarations then name the main entry's type, not a copy of it.
// At run time too: the built `verify` file then imports the main entry's code (./index.js) instead
// of carrying its own copy of the client's errors and operation code.
import { fetchTokenVerificationMetadata, type OperationClient } from "@propelauth-openapi/client";
import { CORE, type OperationClient as SourceClient } from "../core.js";
import type { AccessTokenClaims } from "./claims.js";
import { TokenVerificationError } from "./errors.js";
import { type DecodedToken, decodeToken, importVerifierKey, signatureMatches } from "./jwt.js";

/** How to get the verifier key and what to accept. */
export interface TokenVerifierOptions {
  /** A client from `createClient` or `createOperationClient`: the key is fetched with it (`GET /api/v1/token_verification_metadata`), with its retries, timeouts and typed errors. */
  client?: OperationClient;
  /** The Auth URL. Needed with `verifierKeyPem` when there is no client; it gives the issuer. */
  authUrl?: string | URL;
  /** The verifier key (`verifier_key_pem` of the metadata), for no fetch at all (serverless, edge). */
  verifierKeyPem?: string;
  /** The expected `iss`. Default: the Auth URL's origin. */
  issuer?: string;
  /** Refuse tokens without `exp` (default true). */
  requireExpiry?: boolean;
  /** Seconds of clock skew allowed on `exp` and `nbf` (default 0). */
  clockToleranceSeconds?: number;
  /** At most one re-fetch of the key per this many seconds, after an unknown `kid` or a failed signature (default 60). */
  refetchIntervalSeconds?: number;
  /** The current time in ms since the epoch (default `Date.now`); for tests. */
  now?: () => number;
}

/** What `verifyAuthorizationHeader` accepts besides `Bearer <token>`. */
export interface AuthorizationHeaderOptions {
  /** Accept a header that is the token alone, without `Bearer ` (default false). */
  allowBareToken?: boolean;
}

/** Verifies access tokens; made by `createTokenVerifier`. */
export interface TokenVerifier {
  /** The token's claims if it is valid; else rejects with a `TokenVerificationError`. */
  verifyToken(token: string): Promise<AccessTokenClaims>;
  /** Verifies the token of an `Authorization: Bearer <token>` header (`missing_header`, `malformed_header` when it is not one). */
  verifyAuthorizationHeader(header: string | null | undefined, options?: AuthorizationHeaderOptions): Promise<AccessTokenClaims>;
  /** Fetches the key now rather than on the first verification. Always resolves: a failure shows at the next verification, which fetches again. */
  prefetch(): Promise<void>;
}

interface KeyState {
  key: CryptoKey;
  pem: string;
  /** The `kid`s of tokens this key verified. */
  kids: Set<string>;
}

interface Cached {
  claims: AccessTokenClaims;
  /** ms: when the token expires (with the tolerance). */
  until: number;
}

/** Verified tokens kept (until their `exp`), so a token seen again costs a map lookup. */
const CACHE_SIZE = 1000;

const optionError = (option: string, rule: string) => new TypeError(`createTokenVerifier: option \`${option}\` ${rule}`);

function seconds(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= 0) || value === Number.POSITIVE_INFINITY)
    throw optionError(option, "must be a number of seconds ≥ 0");
  return value;
}

/**
 * The client as the sources know it. The public type comes from the package's own name (the
 * built declarations), whose `CORE` symbol TypeScript sees as another one; it is the same at run time.
 */
const sourceClient = (client: OperationClient | undefined) => client as unknown as SourceClient | undefined;

function issuerOf(options: TokenVerifierOptions): string {
  if (options.issuer !== undefined) {
    if (typeof options.issuer !== "string" || !options.issuer) throw optionError("issuer", "must be a non-empty string");
    return options.issuer;
  }
  if (options.authUrl !== undefined) {
    try {
      return new URL(String(options.authUrl)).origin;
    } catch {
      throw optionError("authUrl", "must be an absolute URL");
    }
  }
  const core = sourceClient(options.client)?.[CORE];
  if (core) return core.auth;
  throw optionError("authUrl", "is required with verifierKeyPem and no client: the Auth URL gives the issuer");
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Creates a verifier of PropelAuth access tokens (RS256 JWTs) for one environment. */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { verifierKeyPem } = options ?? {};
  const client = sourceClient(options?.client);
  if (verifierKeyPem === undefined && !client?.[CORE]) throw optionError("client", "or `verifierKeyPem` is required");
  if (verifierKeyPem !== undefined && typeof verifierKeyPem !== "string") throw optionError("verifierKeyPem", "must be a PEM string");
  const issuer = issuerOf(options);
  const requireExpiry = options.requireExpiry !== false;
  const tolerance = seconds(options.clockToleranceSeconds, 0, "clockToleranceSeconds");
  const interval = seconds(options.refetchIntervalSeconds, 60, "refetchIntervalSeconds") * 1000;
  const now = options.now ?? Date.now;
  const claimsChecker = checkClaims(issuer, requireExpiry, tolerance);

  let current: KeyState | undefined;
  let inflight: Promise<KeyState> | undefined;
  let lastFetch = Number.NEGATIVE_INFINITY;
  const cache = new Map<string, Cached>();

  async function loadPem(): Promise<string> {
    if (verifierKeyPem !== undefined) return verifierKeyPem;
    let pem: unknown;
    try {
      pem = (await fetchTokenVerificationMetadata(client as unknown as OperationClient)).verifier_key_pem;
    } catch (cause) {
      throw new TokenVerificationError("key_unavailable", `the verifier key could not be fetched: ${(cause as Error)?.message}`, { cause });
    }
    if (typeof pem !== "string")
      throw new TokenVerificationError("key_unavailable", "the token verification metadata has no verifier_key_pem");
    return pem;
  }

  /** Fetches (or imports) the key; callers at the same time share one fetch. A failure rejects only them. */
  function fetchKey(): Promise<KeyState> {
    if (!inflight) {
      lastFetch = now();
      inflight = loadPem()
        .then(async (pem) => {
          if (current?.pem === pem) return current;
          const key = await importVerifierKey(pem);
          // A new key: tokens verified with the old one are not trusted any more.
          cache.clear();
          current = { key, pem, kids: new Set() };
          return current;
        })
        .finally(() => {
          inflight = undefined;
        });
    }
    return inflight;
  }

  const refetchDue = () => verifierKeyPem === undefined && now() - lastFetch >= interval;
  /** The key after one re-fetch, or the same key when the re-fetch fails. */
  const refetched = (state: KeyState) => fetchKey().catch(() => state);

  async function verified(token: DecodedToken): Promise<KeyState> {
    let state = current ?? (await fetchKey());
    const kid = typeof token.header.kid === "string" ? token.header.kid : undefined;
    if (kid !== undefined && state.kids.size > 0 && !state.kids.has(kid) && refetchDue()) state = await refetched(state);
    let matches = await signatureMatches(state.key, token);
    if (!matches && refetchDue()) {
      const fresh = await refetched(state);
      if (fresh !== state) matches = await signatureMatches(fresh.key, token);
      state = fresh;
    }
    if (!matches) throw new TokenVerificationError("bad_signature", "the access token's signature does not match the verifier key");
    if (kid !== undefined && state.kids.size < 100) state.kids.add(kid);
    return state;
  }

  async function verifyToken(token: string): Promise<AccessTokenClaims> {
    const hit = cache.get(token);
    if (hit && now() < hit.until) return hit.claims;
    const decoded = decodeToken(token);
    const state = await verified(decoded);
    const claims = claimsChecker(decoded.payload, now() / 1000);
    // Cached only while the key that verified it is current, and only until the token expires.
    if (state === current && typeof claims.exp === "number") {
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(token, { claims, until: (claims.exp + tolerance) * 1000 });
    }
    return claims;
  }

  return {
    verifyToken: async (token) => verifyToken(token),
    verifyAuthorizationHeader: async (header, headerOptions) => verifyToken(tokenOfHeader(header, headerOptions?.allowBareToken)),
    prefetch: () =>
      fetchKey().then(
        () => undefined,
        () => undefined,
      ),
  };
}

/** The token of an `Authorization` header: `Bearer <token>` (any case), or the token alone when allowed. */
export function tokenOfHeader(header: string | null | undefined, allowBareToken = false): string {
  if (!header) throw new TokenVerificationError("missing_header", "no Authorization header");
  if (typeof header !== "string") throw new TokenVerificationError("malformed_header", "the Authorization header is not a string");
  const parts = header.split(" ");
  if (parts.length === 2 && parts[0]!.toLowerCase() === "bearer" && parts[1]) return parts[1];
  if (allowBareToken && parts.length === 1) return header;
  throw new TokenVerificationError("malformed_header", "the Authorization header is not `Bearer <access token>`");
}

type ClaimsChecker = (payload: Record<string, unknown>, nowSeconds: number) => AccessTokenClaims;

/** The checks of the payload once the signature matched, in jose's order: iss, iat, nbf, exp. */
function checkClaims(issuer: string, requireExpiry: boolean, tolerance: number): ClaimsChecker {
  const fail = (reason: "malformed_token" | "wrong_issuer" | "not_yet_valid" | "expired" | "missing_expiry", message: string) =>
    new TokenVerificationError(reason, message);
  const numeric = (payload: Record<string, unknown>, claim: string) => {
    const value = payload[claim];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value)))
      throw fail("malformed_token", `the access token's ${claim} claim is not a number`);
    return value as number | undefined;
  };
  return (payload, t) => {
    if (payload.iss !== issuer) throw fail("wrong_issuer", `the access token's issuer ${JSON.stringify(payload.iss)} is not ${issuer}`);
    numeric(payload, "iat");
    const nbf = numeric(payload, "nbf");
    if (nbf !== undefined && nbf > t + tolerance) throw fail("not_yet_valid", "the access token is not valid yet (nbf)");
    const exp = numeric(payload, "exp");
    if (exp === undefined) {
      if (requireExpiry) throw fail("missing_expiry", "the access token has no exp claim");
    } else if (exp <= t - tolerance) throw fail("expired", "the access token has expired");
    return deepFreeze(payload) as AccessTokenClaims;
  };
}
