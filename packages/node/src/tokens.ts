// Access-token checks on the client's verifier, with the official SDK's exceptions and messages:
// @propelauth/node wraps every jose error message in an UnauthorizedException, so the verifier's
// reasons are turned back into those messages here.
import type { AccessTokenClaims, TokenVerificationError, TokenVerifier } from "@propelauth-openapi/client/verify";
import { UnauthorizedException, UnexpectedException } from "./exceptions.js";
import type { InternalUser, User } from "./types.js";
import { toUser } from "./user.js";

export const NOT_INITIALIZED = `Auth library not initialized, rejecting request. 
            This can mean that your API key was invalid or that the request to fetch token metadata failed. 
            Sometimes, this can happen if you are deploying to an environment without external internet access. 
            One workaround is to skip the fetch by passing in manualTokenVerificationMetadata to the initialization function.`;
export const BAD_PUBLIC_KEY = "Error initializing auth library. Unable to import public key";

const ALG_MISSING = 'JWS "alg" (Algorithm) Header Parameter missing or invalid';
const ALG_NOT_ALLOWED = '"alg" (Algorithm) Header Parameter value not allowed';
const BAD_SIGNATURE = "signature verification failed";

/** The token of an Authorization header, with the official SDK's two messages. */
export function extractBearerToken(header: string | undefined, allowBare = false): string {
  if (!header) throw new UnauthorizedException("No authorization header found.");
  const parts = header.split(" ");
  if (parts.length === 1 && allowBare) return parts[0] as string;
  if (parts.length !== 2 || parts[0]?.toLowerCase() !== "bearer")
    throw new UnauthorizedException("Invalid authorization header. Expected: Bearer {accessToken}");
  return parts[1] as string;
}

// biome-ignore lint/suspicious/noExplicitAny: a decoded JWT part, read loosely
function decodePart(part: string | undefined): any {
  try {
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part!.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}

/** What jose says about a token the verifier called malformed (its checks run in a different order). */
function malformedMessage(token: string, message: string): string {
  const parts = token.split(".");
  if (parts.length !== 3) return "Invalid Compact JWS";
  const header = parts[0] ? decodePart(parts[0]) : {};
  if (header === undefined) return "JWS Protected Header is invalid";
  const alg = header?.alg;
  if (typeof alg !== "string" || !alg) return ALG_MISSING;
  if (alg !== "RS256") return ALG_NOT_ALLOWED;
  const claim = /token's (\w+) claim is not a number/.exec(message)?.[1];
  // jose checks the signature before it reads the payload: a payload that is not JSON fails there.
  return claim ? `"${claim}" claim must be a number` : BAD_SIGNATURE;
}

/** The official SDK's exception for a verifier error. */
export function officialError(token: string, error: TokenVerificationError): Error {
  switch (error.reason) {
    case "key_unavailable":
      return new UnexpectedException(error.message.startsWith("the verifier key could not be fetched") ? NOT_INITIALIZED : BAD_PUBLIC_KEY);
    case "unsupported_algorithm":
    case "malformed_token":
      return new UnauthorizedException(malformedMessage(token, error.message));
    case "bad_signature":
      return new UnauthorizedException(BAD_SIGNATURE);
    case "expired":
      return new UnauthorizedException('"exp" claim timestamp check failed');
    case "not_yet_valid":
      return new UnauthorizedException('"nbf" claim timestamp check failed');
    case "wrong_issuer":
      return new UnauthorizedException(
        decodePart(token.split(".")[1]) && "iss" in decodePart(token.split(".")[1])
          ? 'unexpected "iss" claim value'
          : 'missing required "iss" claim',
      );
    case "weak_key":
      return new UnauthorizedException("RS256 requires key modulusLength to be 2048 bits or larger");
    case "missing_expiry":
      return new UnauthorizedException('missing required "exp" claim');
    default:
      return new UnauthorizedException(error.message);
  }
}

/** Verifies the token of a header and converts its claims into a `User`. */
export async function verifiedUser(verifier: TokenVerifier, header: string | undefined, allowBare = false): Promise<User> {
  const token = extractBearerToken(header, allowBare);
  let claims: AccessTokenClaims;
  try {
    claims = await verifier.verifyToken(token);
  } catch (error) {
    throw (error as TokenVerificationError)?.reason ? officialError(token, error as TokenVerificationError) : error;
  }
  // The verifier freezes the claims it caches; the official SDK hands out plain objects the app may change.
  return toUser(structuredClone(claims) as unknown as InternalUser);
}
