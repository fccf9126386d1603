// Tokens the emulator does not mint, made from ones it does: forged headers, tampered parts, and
// HS256 signed with the verifier key as the HMAC secret (the classic algorithm-confusion attack).
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const json64 = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));
const decode = (part: string) =>
  JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))));

export const parts = (token: string) => token.split(".") as [string, string, string];

/** The token with its last signature characters changed. */
export function tamperSignature(token: string): string {
  const [h, p, s] = parts(token);
  return `${h}.${p}.${s.slice(0, -6)}${s.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"}`;
}

/** The token with a claim changed in its payload, signature kept. */
export function tamperPayload(token: string, change: Record<string, unknown>): string {
  const [h, p, s] = parts(token);
  return `${h}.${json64({ ...decode(p), ...change })}.${s}`;
}

/** `alg: none`, no signature. */
export function algNone(token: string): string {
  const [, p] = parts(token);
  return `${json64({ alg: "none", typ: "JWT" })}.${p}.`;
}

/** HS256 with the PEM of the verifier key as the secret. */
export async function hs256WithPublicKey(token: string, pem: string): Promise<string> {
  const [, p] = parts(token);
  const signed = `${json64({ alg: "HS256", typ: "JWT" })}.${p}`;
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pem), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(signed)));
  return `${signed}.${b64url(mac)}`;
}

/** The payload of a token, decoded (not verified). */
export const payloadOf = (token: string) => decode(parts(token)[1]);
