import * as crypto from "node:crypto";
import {
  createHash,
  createHmac,
  createSign,
  generateKeyPair,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  scryptSync,
  timingSafeEqual,
} from "node:crypto";

export const uuid = (): string => randomUUID();
export const hex = (bytes: number): string => randomBytes(bytes).toString("hex");
// crypto.hash (Node 20.12 and later) is a one-shot digest, several times cheaper than a Hash object.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;
export const sha256 = (text: string): string =>
  oneShot ? oneShot("sha256", text, "hex") : createHash("sha256").update(text).digest("hex");
/** What is stored of a secret token (end-user API keys, step-up grants): its hash alone. */
export const hashToken = (token: string): string => sha256(token);

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** An RSA key pair for RS256 access tokens, as PEM (SPKI public key, PKCS#8 private key). */
const RSA_OPTIONS = {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
} as const;

/** Generates the key pair in libuv's thread pool; `done` is not called on failure (the caller generates it when needed). */
export function generateRsaKeyPairInBackground(done: (pair: { publicKeyPem: string; privateKeyPem: string }) => void): void {
  generateKeyPair("rsa", RSA_OPTIONS, (error, publicKeyPem, privateKeyPem) => {
    if (!error) done({ publicKeyPem, privateKeyPem });
  });
}

export function generateRsaKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

/** Signs a JWT with RS256. */
export function signJwt(payload: Record<string, unknown>, privateKeyPem: string, keyId: string): string {
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: keyId }));
  const body = base64url(JSON.stringify(payload));
  const signer = createSign("RSA-SHA256");
  signer.update(`${header}.${body}`);
  return `${header}.${body}.${base64url(signer.sign(privateKeyPem))}`;
}

/** Hashes a password for storage (scrypt, with a cost kept low: this is an emulator). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 1024 });
  return `scrypt$${salt.toString("base64")}$${hash.toString("base64")}`;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Decode(text: string): Buffer | undefined {
  const clean = text.replace(/[\s=-]/g, "").toUpperCase();
  if (clean.length === 0 || /[^A-Z2-7]/.test(clean)) return undefined;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The RFC 6238 TOTP code (SHA-1, 30-second steps, 6 digits) of a base32 secret at a Unix time. */
export function totp(secretBase32: string, unixSeconds: number): string {
  const key = base32Decode(secretBase32);
  if (!key) return "";
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, "0");
}

/** Whether a code matches the secret now, or one step before or after (clock drift). */
export function verifyTotp(secretBase32: string, code: string, unixSeconds: number): boolean {
  return [-30, 0, 30].some((drift) => safeEqual(totp(secretBase32, unixSeconds + drift), code.trim()));
}

/** A six-digit code for SMS challenges. */
export const smsCode = (): string => (randomBytes(4).readUInt32BE(0) % 1_000_000).toString().padStart(6, "0");
