// Tokens the emulator cannot mint, signed here with WebCrypto: any header, any claims, any RSA
// key size, HS256 with the public key as secret. Also the verifier's two builds.
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import * as esm from "../../dist/verify.js";

const require = createRequire(import.meta.url);
const cjs = require("../../dist/verify.cjs") as typeof esm;

/** Both builds of the verifier entry point. */
export const verifyBuilds = [
  ["esm", esm],
  ["cjs", cjs],
] as const;

export type VerifyModule = typeof esm;

const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;
export const b64url = (data: string | Uint8Array) => Buffer.from(data).toString("base64url");

export interface TestKey {
  privateKey: CryptoKey;
  publicKeyPem: string;
}

/** A fresh RSA key pair (2048 bits unless told), its public key as SPKI PEM. */
export async function rsaKey(bits = 2048): Promise<TestKey> {
  const pair = await crypto.subtle.generateKey({ ...RSA, modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]) }, true, [
    "sign",
    "verify",
  ]);
  const der = Buffer.from(await crypto.subtle.exportKey("spki", pair.publicKey));
  const lines = der
    .toString("base64")
    .match(/.{1,64}/g)!
    .join("\n");
  return { privateKey: pair.privateKey, publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${lines}\n-----END PUBLIC KEY-----\n` };
}

/** An RS256 token with exactly this header and payload. */
export async function signRs256(key: TestKey, payload: object, header: object = { alg: "RS256", typ: "JWT" }): Promise<string> {
  const signed = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = await crypto.subtle.sign(RSA, key.privateKey, new TextEncoder().encode(signed));
  return `${signed}.${b64url(new Uint8Array(signature))}`;
}

/** HS256 with the RSA public key's PEM as the HMAC secret: the classic algorithm-confusion forgery. */
export function signHs256WithPem(publicKeyPem: string, payload: object): string {
  const signed = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`;
  return `${signed}.${createHmac("sha256", publicKeyPem).update(signed).digest("base64url")}`;
}

/** The header and payload of a token, decoded (no check). */
export function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signature: string } {
  const [h, p, s] = token.split(".") as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(h, "base64url").toString()),
    payload: JSON.parse(Buffer.from(p, "base64url").toString()),
    signature: s,
  };
}

/** Claims like the emulator's, for tokens signed here. */
export const claimsFor = (issuer: string, extra: Record<string, unknown> = {}) => {
  const now = Math.floor(Date.now() / 1000);
  return { sub: "u1", user_id: "u1", email: "u1@example.com", iss: issuer, iat: now, exp: now + 600, ...extra };
};
