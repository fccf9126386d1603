// A realistic, stateful scenario through the built client against the local emulator
// (@propelauth-openapi/emulator, in memory, checking its own answers against the document, started by test/lib/emulator.ts): each
// step acts on what the earlier ones created, and an access token is verified with the published key.
// Run: pnpm --filter @propelauth-openapi/emulator build && pnpm --filter @propelauth-openapi/client build &&
//      npx vitest run --project client test/emulator.test.ts
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./lib/emulator.js";
import { builds } from "./support.js";

/** Verifies an RS256 JWT with an SPKI PEM public key (WebCrypto); answers its header and claims. */
async function verifyRs256(token: string, publicKeyPem: string) {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const der = Buffer.from(publicKeyPem.replace(/-----(BEGIN|END) PUBLIC KEY-----|\s/g, ""), "base64");
  const key = await crypto.subtle.importKey("spki", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
  const valid = await crypto.subtle.verify(
    "RSASSA-PKCS1-v1_5",
    key,
    Buffer.from(signature, "base64url"),
    new TextEncoder().encode(`${header}.${payload}`),
  );
  const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  return { valid, header: decode(header), claims: decode(payload) };
}

describe.each(builds)("a stateful scenario against the emulator (%s build)", (name, lib) => {
  let emu: Emulator;
  let client: ReturnType<typeof lib.createClient>;
  const email = `ada.${name}@example.com`;
  let userId = "";
  let orgId = "";
  let apiKeyToken = "";
  let apiKeyId = "";

  beforeAll(async () => {
    emu = await startEmulator();
    client = lib.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"] });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("creates a user and fetches it by id and by email", async () => {
    const created = await client.POST("/api/backend/v1/user/", {
      body: { email, email_confirmed: true, first_name: "Ada", last_name: "Lovelace", username: `ada_${name}` },
    });
    expect(created.error).toBeUndefined();
    userId = created.data!.user_id;
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);

    const byId = await client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id: userId } } });
    expect(byId.data).toMatchObject({ user_id: userId, email, email_confirmed: true, first_name: "Ada", has_password: false });
    const byEmail = await client.GET("/api/backend/v1/user/email", { params: { query: { email } } });
    expect(byEmail.data?.user_id).toBe(userId);

    const duplicate = await client.POST("/api/backend/v1/user/", { body: { email } });
    expect(duplicate.response.status).toBe(400);
    expect(duplicate.error).toEqual({ email: [expect.any(String)] });
  });

  it("updates the user's metadata", async () => {
    const updated = await client.PUT("/api/backend/v1/user/{user_id}", {
      params: { path: { user_id: userId } },
      body: { metadata: { plan: "pro", seats: 3 }, first_name: "Augusta Ada" },
    });
    expect(updated.error).toBeUndefined();
    const { data } = await client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id: userId } } });
    expect(data).toMatchObject({ metadata: { plan: "pro", seats: 3 }, first_name: "Augusta Ada", last_name: "Lovelace" });
  });

  it("creates an organization and adds the user with a role", async () => {
    const org = await client.POST("/api/backend/v1/org/", { body: { name: `Acme ${name}`, domain: "acme.com", max_users: 10 } });
    expect(org.error).toBeUndefined();
    orgId = org.data!.org_id;
    const added = await client.POST("/api/backend/v1/org/add_user", { body: { user_id: userId, org_id: orgId, role: "Admin" } });
    expect(added.error).toBeUndefined();

    const unknownRole = await client.POST("/api/backend/v1/org/change_role", { body: { user_id: userId, org_id: orgId, role: "Pilot" } });
    expect(unknownRole.response.status).toBe(400);

    const withOrgs = await client.GET("/api/backend/v1/user/{user_id}", {
      params: { path: { user_id: userId }, query: { include_orgs: true } },
    });
    expect(withOrgs.data?.org_id_to_org_info?.[orgId]).toMatchObject({ org_id: orgId, org_name: `Acme ${name}`, user_role: "Admin" });
  });

  it("lists the users in the organization and finds it by query", async () => {
    const members = await client.GET("/api/backend/v1/user/org/{org_id}", { params: { path: { org_id: orgId } } });
    expect(members.data).toMatchObject({ total_users: 1, users: [{ user_id: userId, role_in_org: "Admin" }] });
    const plainMembers = await client.GET("/api/backend/v1/user/org/{org_id}", {
      params: { path: { org_id: orgId }, query: { role: "Member" } },
    });
    expect(plainMembers.data?.total_users).toBe(0);

    const found = await client.GET("/api/backend/v1/org/query", { params: { query: { name: `acme ${name}`, order_by: "NAME" } } });
    expect(found.data?.orgs.map((o) => o.org_id)).toEqual([orgId]);
    const byDomain = await client.POST("/api/backend/v1/org/query", { body: { domain: "acme.com", page_size: 50 } });
    expect(byDomain.data?.orgs.map((o) => o.org_id)).toContain(orgId);
  });

  it("creates an end-user API key for the organization, validates it and counts its use", async () => {
    const key = await client.POST("/api/backend/v1/end_user_api_keys", {
      body: { org_id: orgId, user_id: userId, metadata: { scope: "reports" }, display_name: "CI" },
    });
    expect(key.error).toBeUndefined();
    apiKeyId = key.data!.api_key_id;
    apiKeyToken = key.data!.api_key_token;

    for (let i = 0; i < 2; i++) {
      const validated = await client.POST("/api/backend/v1/end_user_api_keys/validate", { body: { api_key_token: apiKeyToken } });
      expect(validated.error).toBeUndefined();
      expect(validated.data).toMatchObject({
        metadata: { scope: "reports" },
        org_id: orgId,
        user_id: userId,
        org: { org_id: orgId, org_name: `Acme ${name}` },
        user_in_org: { org_id: orgId, user_role: "Admin" },
      });
    }
    const wrong = await client.POST("/api/backend/v1/end_user_api_keys/validate", {
      body: { api_key_token: `${apiKeyToken.slice(0, -4)}0000` },
    });
    expect(wrong.response.status).toBe(400);

    const today = new Date().toISOString().slice(0, 10);
    const usage = await client.GET("/api/backend/v1/end_user_api_keys/usage", { params: { query: { date: today, api_key_id: apiKeyId } } });
    expect(usage.data).toEqual({ count: 2 });
    const listed = await client.GET("/api/backend/v1/end_user_api_keys", { params: { query: { org_id: orgId } } });
    expect(listed.data?.api_keys.map((k) => k.api_key_id)).toEqual([apiKeyId]);
  });

  it("creates an access token whose RS256 signature verifies with the published key", async () => {
    const token = await client.POST("/api/backend/v1/access_token", {
      body: { user_id: userId, duration_in_minutes: 15, active_org_id: orgId },
    });
    expect(token.error).toBeUndefined();
    const meta = await client.GET("/api/v1/token_verification_metadata");
    const pem = meta.data!.verifier_key_pem;
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    const { valid, header, claims } = await verifyRs256(token.data!.access_token, pem);
    expect(valid).toBe(true);
    expect(header.alg).toBe("RS256");
    expect(claims).toMatchObject({
      sub: userId,
      user_id: userId,
      email,
      iss: emu.url,
      org_member_info: { org_id: orgId, user_role: "Admin" },
    });
    expect(claims.exp - claims.iat).toBe(15 * 60);

    // A token whose claims were changed does not verify.
    const [h, , s] = token.data!.access_token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, user_id: "someone-else" })).toString("base64url");
    expect((await verifyRs256(`${h}.${forged}.${s}`, pem)).valid).toBe(false);
  });

  it("deletes the user: the membership is gone and the member's key no longer validates", async () => {
    const deleted = await client.DELETE("/api/backend/v1/user/{user_id}", { params: { path: { user_id: userId } } });
    expect(deleted.error).toBeUndefined();

    const gone = await client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id: userId } } });
    expect(gone.response.status).toBe(404);
    expect(gone.data).toBeUndefined();
    const members = await client.GET("/api/backend/v1/user/org/{org_id}", { params: { path: { org_id: orgId } } });
    expect(members.data).toMatchObject({ total_users: 0, users: [] });
    const org = await client.GET("/api/backend/v1/org/{org_id}", { params: { path: { org_id: orgId } } });
    expect(org.data?.org_id).toBe(orgId);

    const validated = await client.POST("/api/backend/v1/end_user_api_keys/validate", { body: { api_key_token: apiKeyToken } });
    expect(validated.response.status).toBe(400);
    const archived = await client.GET("/api/backend/v1/end_user_api_keys/archived", { params: { query: { org_id: orgId } } });
    expect(archived.data?.api_keys.map((k) => k.api_key_id)).toEqual([apiKeyId]);
  });
});
