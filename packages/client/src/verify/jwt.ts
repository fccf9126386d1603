// The JWT mechanics, on WebCrypto alone (no `node:` import, no dependency): base64url, the
// token's three parts, the SPKI PEM key and the RS256 signature check.
import { TokenVerificationError } from "./errors.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUES = new Uint8Array(128).fill(255);
for (let i = 0; i < 64; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
// The standard alphabet too, for PEM bodies.
VALUES[43] = 62;
VALUES[47] = 63;

/** Decodes unpadded base64 or base64url; undefined for any other character or an impossible length. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const length = text.length;
  if (length % 4 === 1) return undefined;
  const out = new Uint8Array(((length * 3) >> 2) | 0);
  let bits = 0;
  let value = 0;
  let j = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? VALUES[code]! : 255;
    if (digit === 255) return undefined;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

const malformed = (what: string) => new TokenVerificationError("malformed_token", `the access token is not a JWT: ${what}`);

function jsonObject(part: string, what: string): Record<string, unknown> {
  const bytes = decodeBase64(part);
  let value: unknown;
  try {
    value = bytes && JSON.parse(decoder.decode(bytes));
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw malformed(`its ${what} is not a base64url JSON object`);
  return value as Record<string, unknown>;
}

/** A token split and decoded; the signature not checked yet. */
export interface DecodedToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The bytes signed: `header.payload`. */
  signed: Uint8Array;
  signature: Uint8Array;
}

/** Splits and decodes a compact JWT, and refuses any algorithm but RS256 before any key is used. */
export function decodeToken(token: string): DecodedToken {
  if (typeof token !== "string") throw malformed("not a string");
  const first = token.indexOf(".");
  const second = token.indexOf(".", first + 1);
  if (first <= 0 || second <= first + 1 || token.indexOf(".", second + 1) !== -1) throw malformed("not three dot-separated parts");
  const header = jsonObject(token.slice(0, first), "header");
  if (header.alg !== "RS256")
    throw new TokenVerificationError("unsupported_algorithm", `the access token's alg ${JSON.stringify(header.alg)} is not RS256`);
  // A critical extension we do not implement must make the token invalid (RFC 7515 §4.1.11).
  if (header.crit !== undefined) throw malformed("it has a crit header");
  const payload = jsonObject(token.slice(first + 1, second), "payload");
  // Checked after `alg`, so an unsigned (`alg: none`) token is refused for its algorithm.
  const signature = second < token.length - 1 ? decodeBase64(token.slice(second + 1)) : undefined;
  if (!signature) throw malformed("its signature is missing or not base64url");
  return { header, payload, signed: encoder.encode(token.slice(0, second)), signature };
}

const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

/** The smallest RSA modulus accepted, as jose (and so @propelauth/node) requires. */
export const MIN_RSA_BITS = 2048;

/**
 * Imports an SPKI public key in PEM (`-----BEGIN PUBLIC KEY-----`) for RS256. Throws
 * `key_unavailable` for anything that is not such a key, `weak_key` for an RSA key under 2048 bits.
 */
export async function importVerifierKey(pem: string): Promise<CryptoKey> {
  const body = typeof pem === "string" ? /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem)?.[1] : undefined;
  const der = body && decodeBase64(body.replace(/[\s=]/g, ""));
  if (!der)
    throw new TokenVerificationError("key_unavailable", "the verifier key is not an SPKI public key in PEM (-----BEGIN PUBLIC KEY-----)");
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("spki", der as BufferSource, RSA, false, ["verify"]);
  } catch (cause) {
    throw new TokenVerificationError("key_unavailable", "the verifier key is not an RSA public key", { cause });
  }
  const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (!(bits >= MIN_RSA_BITS))
    throw new TokenVerificationError("weak_key", `the verifier key is a ${bits}-bit RSA key; at least ${MIN_RSA_BITS} bits are required`);
  return key;
}

/** Whether the RS256 signature of a decoded token matches the key. */
export function signatureMatches(key: CryptoKey, token: DecodedToken): Promise<boolean> {
  return crypto.subtle.verify(RSA, key, token.signature as BufferSource, token.signed as BufferSource);
}
