// Key rotation against the local emulator (both builds of `@propelauth-openapi/client/verify`):
// `POST /__emulator/signing_key/rotate` replaces the environment's signing key, as a rotation in
// PropelAuth would. A verifier that fetched the old key picks up the new one on the first token it
// cannot check (an unknown `kid`), without a restart; tokens of the old key fail after that.
// Its own emulator: the rotation would break the tokens the other verifier tests share.
// Run: pnpm --filter @propelauth-openapi/emulator build && pnpm --filter @propelauth-openapi/client build &&
//      npx vitest run --project client test/verify/rotation.test.ts
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as client from "../../dist/index.js";
import { type Emulator, startEmulator } from "../lib/emulator.js";
import { decode, verifyBuilds } from "./tokens.js";

let emu: Emulator;
let api: client.PropelAuthClient;
let userId = "";

beforeAll(async () => {
  emu = await startEmulator();
  api = client.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"] });
  ({ user_id: userId } = await client.createUser(api, { body: { email: "ada@example.com" } }));
});
afterAll(() => emu?.close());

const mint = async () => (await client.createAccessToken(api, { body: { user_id: userId, duration_in_minutes: 10 } })).access_token;

async function rotate(): Promise<{ kid: string; verifier_key_pem: string }> {
  const response = await fetch(`${emu.url}/__emulator/signing_key/rotate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** A client over the emulator that counts the verifier-key fetches. */
function countingClient() {
  let fetches = 0;
  const counted = client.createClient({
    authUrl: emu.url,
    apiKey: emu.keys["full-access"],
    fetch: (input, init) => {
      if (new Request(input, init).url.includes("token_verification_metadata")) fetches++;
      return fetch(input, init);
    },
  });
  return { client: counted, fetches: () => fetches };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: Error & { reason: string }) => error,
  );

describe.each(verifyBuilds)("key rotation through the emulator's rotate helper (%s build)", (_name, lib) => {
  it("a token of the rotated key verifies after one re-fetch; tokens of the old key fail after", async () => {
    let clock = Date.now();
    const counting = countingClient();
    const v = lib.createTokenVerifier({ client: counting.client, now: () => clock });
    const oldToken = await mint();
    await expect(v.verifyToken(oldToken)).resolves.toMatchObject({ user_id: userId });
    expect(counting.fetches()).toBe(1);

    const rotated = await rotate();
    const newToken = await mint();
    expect(decode(newToken).header.kid).toBe(rotated.kid);
    expect(decode(newToken).header.kid).not.toBe(decode(oldToken).header.kid);

    clock += 61_000; // past the re-fetch interval (60 s by default)
    await expect(v.verifyToken(newToken)).resolves.toMatchObject({ user_id: userId });
    expect(counting.fetches()).toBe(2);
    // The old key is gone, and so are the results cached with it.
    expect(await refusal(v.verifyToken(oldToken))).toMatchObject({ reason: "bad_signature" });
    expect(counting.fetches()).toBe(2);
  });
});
