// POST /__emulator/signing_key/rotate: a key rotation as PropelAuth would do it. The metadata
// answers the new public key; tokens signed before no longer verify with it; the new key stays
// through a reset, as the first one does.
import { createPublicKey, createVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { uniqueEmail, useEmulator } from "./support.js";

function verifies(token: string, pem: string): boolean {
  const [header, payload, signature] = token.split(".");
  const verifier = createVerify("RSA-SHA256");
  verifier.update(`${header}.${payload}`);
  return verifier.verify(createPublicKey(pem), Buffer.from(signature!, "base64url"));
}
const kidOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()).kid as string;

describe("rotating the token-signing key", () => {
  const h = useEmulator();
  const pem = async () => (await h().op("fetchTokenVerificationMetadata")).body.verifier_key_pem as string;
  const mint = async (userId: string) =>
    (await h().op("createAccessToken", {}, { body: { user_id: userId, duration_in_minutes: 10 } })).body.access_token as string;

  it("publishes a new key; tokens signed with the old one fail with it, new tokens pass", async () => {
    const userId = (await h().op("createUser", {}, { body: { email: uniqueEmail("rot") } })).body.user_id as string;
    const oldPem = await pem();
    const oldToken = await mint(userId);
    expect(verifies(oldToken, oldPem)).toBe(true);

    const rotated = await h().admin("POST", "/signing_key/rotate");
    expect(rotated.status).toBe(200);
    const newPem = await pem();
    expect(newPem).not.toBe(oldPem);
    expect(rotated.body.verifier_key_pem).toBe(newPem);
    expect((await h().op("fetchTokenVerificationMetadataLegacy")).body.public_key_pem).toBe(newPem);

    const newToken = await mint(userId);
    expect(verifies(oldToken, newPem)).toBe(false);
    expect(verifies(newToken, newPem)).toBe(true);
    expect(kidOf(newToken)).toBe(rotated.body.kid);
    expect(kidOf(newToken)).not.toBe(kidOf(oldToken));

    // A reset keeps the signing key, the rotated one included.
    await h().admin("POST", "/reset");
    expect(await pem()).toBe(newPem);
  });

  it("is listed among the helpers", async () => {
    expect(JSON.stringify((await h().admin("GET", "/")).body)).toContain("POST /__emulator/signing_key/rotate");
  });
});
