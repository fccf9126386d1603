// The verifier with tokens the emulator cannot mint, signed here with WebCrypto keys (no exp,
// future nbf, a 1024-bit key, unknown kid), and a loopback stub serving the token verification
// metadata, so the key can change under the verifier: rotation is picked up without a restart,
// with at most one re-fetch per interval however many bad tokens arrive.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/verify/signed.test.ts
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as client from "../../dist/index.js";
import { startServer } from "../lib/helpers.js";
import { claimsFor, rsaKey, signRs256, type TestKey, verifyBuilds } from "./tokens.js";

let keyA: TestKey;
let keyB: TestKey;
let weak: TestKey;
let served: TestKey;
let stub: Awaited<ReturnType<typeof startServer>>;
const metadataFetches = () => stub.paths.filter((p) => p === "/api/v1/token_verification_metadata").length;

beforeAll(async () => {
  [keyA, keyB, weak] = await Promise.all([rsaKey(), rsaKey(), rsaKey(1024)]);
  served = keyA;
  stub = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ verifier_key_pem: served.publicKeyPem }));
  });
});
afterAll(() => stub?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: Error & { reason: string; status: number }) => error,
  );

describe.each(verifyBuilds)("tokens signed in the test (%s build)", (_name, lib) => {
  const ISS = "https://auth.example.com";
  const manual = (extra: Parameters<typeof lib.createTokenVerifier>[0] = {}) =>
    lib.createTokenVerifier({ verifierKeyPem: keyA.publicKeyPem, authUrl: `${ISS}/`, ...extra });

  it("a valid token with a manual key and the Auth URL as issuer", async () => {
    await expect(manual().verifyToken(await signRs256(keyA, claimsFor(ISS)))).resolves.toMatchObject({ user_id: "u1" });
  });

  it("missing_expiry without exp, unless requireExpiry: false", async () => {
    const token = await signRs256(keyA, claimsFor(ISS, { exp: undefined }));
    expect(await refusal(manual().verifyToken(token))).toMatchObject({ reason: "missing_expiry", status: 401 });
    await expect(manual({ requireExpiry: false }).verifyToken(token)).resolves.toMatchObject({ user_id: "u1" });
  });

  it("not_yet_valid with a future nbf, accepted within the clock tolerance", async () => {
    const token = await signRs256(keyA, claimsFor(ISS, { nbf: Math.floor(Date.now() / 1000) + 30 }));
    expect(await refusal(manual().verifyToken(token))).toMatchObject({ reason: "not_yet_valid", status: 401 });
    await expect(manual({ clockToleranceSeconds: 60 }).verifyToken(token)).resolves.toMatchObject({ user_id: "u1" });
  });

  it("malformed_token when exp, nbf or iat is not a number", async () => {
    for (const claim of ["exp", "nbf", "iat"]) {
      const token = await signRs256(keyA, claimsFor(ISS, { [claim]: "soon" }));
      expect(await refusal(manual().verifyToken(token)), claim).toMatchObject({ reason: "malformed_token" });
    }
  });

  it("wrong_issuer: a token for another environment's Auth URL", async () => {
    const token = await signRs256(keyA, claimsFor("https://evil.example.com"));
    expect(await refusal(manual().verifyToken(token))).toMatchObject({ reason: "wrong_issuer" });
  });

  it("weak_key: a 1024-bit RSA key is refused (503), even for a token it signed", async () => {
    const token = await signRs256(weak, claimsFor(ISS));
    const v = lib.createTokenVerifier({ verifierKeyPem: weak.publicKeyPem, authUrl: ISS });
    expect(await refusal(v.verifyToken(token))).toMatchObject({ reason: "weak_key", status: 503 });
  });

  it("key_unavailable: a manual key that is not a PEM public key", async () => {
    const v = lib.createTokenVerifier({ verifierKeyPem: "not a key", authUrl: ISS });
    expect(await refusal(v.verifyToken(await signRs256(keyA, claimsFor(ISS))))).toMatchObject({ reason: "key_unavailable", status: 503 });
  });

  it("verified tokens are remembered until exp, up to 1000: a token seen again is not checked again", async () => {
    const v = manual();
    const tokens = await Promise.all(Array.from({ length: 1001 }, (_, i) => signRs256(keyA, claimsFor(ISS, { user_id: `u${i}` }))));
    const spy = vi.spyOn(crypto.subtle, "verify");
    try {
      const first = await v.verifyToken(tokens[0]!);
      expect(await v.verifyToken(tokens[0]!)).toBe(first);
      expect(spy).toHaveBeenCalledTimes(1);
      for (const token of tokens.slice(1)) await v.verifyToken(token);
      expect(spy).toHaveBeenCalledTimes(1001);
      await v.verifyToken(tokens[0]!); // the oldest entry was dropped for the 1001st
      expect(spy).toHaveBeenCalledTimes(1002);
      await v.verifyToken(tokens[1000]!);
      expect(spy).toHaveBeenCalledTimes(1002);
    } finally {
      spy.mockRestore();
    }
  });

  it("bad options are refused when the verifier is created", () => {
    expect(() => lib.createTokenVerifier({})).toThrow(/client.*verifierKeyPem/);
    expect(() => lib.createTokenVerifier({ verifierKeyPem: keyA.publicKeyPem })).toThrow(/authUrl/);
    expect(() => manual({ clockToleranceSeconds: -1 })).toThrow(/clockToleranceSeconds/);
    expect(() => manual({ refetchIntervalSeconds: Number.NaN })).toThrow(/refetchIntervalSeconds/);
  });

  it("the issuer is the Auth URL's origin with routing through PropelAuth's API host too", async () => {
    // The stub stands in for the API host; the Auth URL is another origin, and it is the issuer.
    const authUrl = "http://localhost:9";
    const routed = client.createClient({ authUrl, apiKey: "k", routing: "propelauth-api", propelauthApiUrl: stub.url });
    const token = await signRs256(served, claimsFor(authUrl));
    await expect(lib.createTokenVerifier({ client: routed }).verifyToken(token)).resolves.toMatchObject({ user_id: "u1" });
  });

  it("key rotation: an unknown kid re-fetches the key once per interval; old tokens fail after", async () => {
    served = keyA;
    let clock = Date.now();
    const api = client.createClient({ authUrl: stub.url, apiKey: "k" });
    const v = lib.createTokenVerifier({ client: api, now: () => clock });
    const iss = new URL(stub.url).origin;
    const before = metadataFetches();
    const oldToken = await signRs256(keyA, claimsFor(iss), { alg: "RS256", kid: "a" });
    await expect(v.verifyToken(oldToken)).resolves.toMatchObject({ user_id: "u1" });
    expect(metadataFetches() - before).toBe(1);

    served = keyB; // the environment rotates its key
    clock += 61_000;
    const newToken = await signRs256(keyB, claimsFor(iss, { user_id: "u2" }), { alg: "RS256", kid: "b" });
    await expect(v.verifyToken(newToken)).resolves.toMatchObject({ user_id: "u2" });
    expect(metadataFetches() - before).toBe(2);
    // The old key is gone, its cached results too.
    expect(await refusal(v.verifyToken(oldToken))).toMatchObject({ reason: "bad_signature" });
    expect(metadataFetches() - before).toBe(2); // within the interval: no re-fetch

    // Forged tokens with fresh kids, within one interval: no more fetches.
    for (const kid of ["c", "d", "e"])
      expect(await refusal(v.verifyToken(await signRs256(keyA, claimsFor(iss), { alg: "RS256", kid })))).toMatchObject({
        reason: "bad_signature",
      });
    expect(metadataFetches() - before).toBe(2);
    clock += 61_000;
    expect(await refusal(v.verifyToken(oldToken))).toMatchObject({ reason: "bad_signature" });
    expect(metadataFetches() - before).toBe(3); // one re-fetch in the next interval

    // A kid not seen before re-fetches before the signature is checked, even when it then verifies.
    clock += 61_000;
    const newKid = await signRs256(keyB, claimsFor(iss, { user_id: "u3" }), { alg: "RS256", kid: "b2" });
    await expect(v.verifyToken(newKid)).resolves.toMatchObject({ user_id: "u3" });
    expect(metadataFetches() - before).toBe(4);
  });

  it("a failed signature re-fetches too (a rotated key whose tokens carry no kid)", async () => {
    served = keyA;
    let clock = Date.now();
    const v = lib.createTokenVerifier({ client: client.createClient({ authUrl: stub.url, apiKey: "k" }), now: () => clock });
    const iss = new URL(stub.url).origin;
    await v.prefetch();
    const before = metadataFetches();
    served = keyB;
    const token = await signRs256(keyB, claimsFor(iss));
    expect(await refusal(v.verifyToken(token))).toMatchObject({ reason: "bad_signature" }); // within the interval of the prefetch
    expect(metadataFetches()).toBe(before);
    clock += 60_000;
    await expect(v.verifyToken(token)).resolves.toMatchObject({ user_id: "u1" });
    expect(metadataFetches()).toBe(before + 1);
  });

  it("refetchIntervalSeconds sets the interval", async () => {
    served = keyA;
    let clock = Date.now();
    const api = client.createClient({ authUrl: stub.url, apiKey: "k" });
    const v = lib.createTokenVerifier({ client: api, now: () => clock, refetchIntervalSeconds: 300 });
    await v.prefetch();
    const before = metadataFetches();
    const forged = await signRs256(keyB, claimsFor(new URL(stub.url).origin));
    clock += 200_000;
    await refusal(v.verifyToken(forged));
    expect(metadataFetches()).toBe(before);
    clock += 100_000;
    await refusal(v.verifyToken(forged));
    expect(metadataFetches()).toBe(before + 1);
  });
});
