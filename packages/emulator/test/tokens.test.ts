import { createPublicKey, createVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { uniqueEmail, useEmulator } from "./support.js";

function decode(token: string) {
  const [header, payload, signature] = token.split(".");
  return {
    header: JSON.parse(Buffer.from(header!, "base64url").toString()),
    payload: JSON.parse(Buffer.from(payload!, "base64url").toString()),
    signed: `${header}.${payload}`,
    signature: Buffer.from(signature!, "base64url"),
  };
}

describe("access tokens and token verification", () => {
  const h = useEmulator();

  it("mints RS256 tokens that verify with the published key, with the Auth URL as issuer", async () => {
    const userId = (await h().op("createUser", {}, { body: { email: uniqueEmail("tok"), first_name: "Tok" } })).body.user_id;
    const orgId = (await h().op("createOrg", {}, { body: { name: "Token Org" } })).body.org_id;
    await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Owner" } });
    const pem = (await h().op("fetchTokenVerificationMetadata")).body.verifier_key_pem as string;
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await h().op("fetchTokenVerificationMetadataLegacy")).body.public_key_pem).toBe(pem);

    const token = (await h().op("createAccessToken", {}, { body: { user_id: userId, duration_in_minutes: 10 } })).body.access_token;
    const jwt = decode(token);
    expect(jwt.header.alg).toBe("RS256");
    const verifier = createVerify("RSA-SHA256");
    verifier.update(jwt.signed);
    expect(verifier.verify(createPublicKey(pem), jwt.signature)).toBe(true);
    expect(jwt.payload).toMatchObject({ sub: userId, user_id: userId, iss: h().emu.authUrl, first_name: "Tok" });
    expect(jwt.payload.exp - jwt.payload.iat).toBe(600);
    expect(jwt.payload.org_id_to_org_member_info[orgId].user_role).toBe("Owner");

    const tampered = `${jwt.signed.slice(0, -2)}xx.${token.split(".")[2]}`;
    const bad = createVerify("RSA-SHA256");
    bad.update(tampered.split(".").slice(0, 2).join("."));
    expect(bad.verify(createPublicKey(pem), jwt.signature)).toBe(false);

    const scoped = decode(
      (await h().op("createAccessToken", {}, { body: { user_id: userId, duration_in_minutes: 5, active_org_id: orgId } })).body
        .access_token,
    );
    expect(scoped.payload.org_member_info.org_id).toBe(orgId);
    const other = (await h().op("createOrg", {}, { body: { name: "Not mine" } })).body.org_id;
    expect(
      (await h().op("createAccessToken", {}, { body: { user_id: userId, duration_in_minutes: 5, active_org_id: other } })).body,
    ).toHaveProperty("active_org_id");
  });

  it("answers 403 for an unknown or disabled user", async () => {
    const missing = await h().op(
      "createAccessToken",
      {},
      { body: { user_id: "00000000-0000-4000-8000-000000000000", duration_in_minutes: 5 } },
    );
    expect(missing.status).toBe(403);
    const userId = (await h().op("createUser", {}, { body: { email: uniqueEmail("tok") } })).body.user_id;
    await h().op("disableUser", { user_id: userId });
    expect((await h().op("createAccessToken", {}, { body: { user_id: userId, duration_in_minutes: 5 } })).status).toBe(403);
  });
});

describe("access tokens not enabled", () => {
  const h = useEmulator({ accessTokensEnabled: false });
  it("answers 404", async () => {
    const userId = (await h().op("createUser", {}, { body: { email: uniqueEmail("tok") } })).body.user_id;
    expect((await h().op("createAccessToken", {}, { body: { user_id: userId, duration_in_minutes: 5 } })).status).toBe(404);
  });
});
