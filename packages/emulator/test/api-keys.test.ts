import { describe, expect, it } from "vitest";
import { uniqueEmail, useEmulator } from "./support.js";

describe("end-user API keys", () => {
  const h = useEmulator();
  const setup = async () => {
    const userId = (await h().op("createUser", {}, { body: { email: uniqueEmail("keys") } })).body.user_id as string;
    const orgId = (await h().op("createOrg", {}, { body: { name: "Keys Inc" } })).body.org_id as string;
    await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Admin" } });
    return { userId, orgId };
  };
  const createKey = async (body: Record<string, unknown>) => {
    const answer = await h().op("createApiKey", {}, { body });
    expect(answer.status, answer.text).toBe(200);
    return answer.body as { api_key_id: string; api_key_token: string };
  };
  const validate = (token: string) => h().op("validateApiKey", {}, { body: { api_key_token: token } });

  it("answers the token once and stores only its hash", async () => {
    const { userId } = await setup();
    const key = await createKey({ user_id: userId, display_name: "CI", metadata: { env: "ci" } });
    expect(key.api_key_id).toMatch(/^[0-9a-f]{32}$/);
    expect(key.api_key_token).toMatch(new RegExp(`^${key.api_key_id}[0-9a-f]{64}$`));
    const fetched = await h().op("fetchApiKey", { api_key_id: key.api_key_id });
    expect(fetched.body).toMatchObject({
      api_key_id: key.api_key_id,
      user_id: userId,
      org_id: null,
      display_name: "CI",
      expires_at_seconds: null,
    });
    expect(fetched.text).not.toContain(key.api_key_token);
    const rows = h().emu.project.db.prepare("SELECT * FROM api_keys").all();
    expect(JSON.stringify(rows)).not.toContain(key.api_key_token.slice(32));
  });

  it("validates personal, organization and generic keys with whom they belong to", async () => {
    const { userId, orgId } = await setup();
    const personal = await validate((await createKey({ user_id: userId, metadata: { a: 1 } })).api_key_token);
    expect(personal.status, personal.text).toBe(200);
    expect(personal.body).toMatchObject({ metadata: { a: 1 }, user: { user_id: userId }, org: null, user_in_org: null, user_id: userId });
    expect(personal.body.user.org_id_to_org_info[orgId].user_role).toBe("Admin");
    const member = await validate(`Bearer ${(await createKey({ user_id: userId, org_id: orgId })).api_key_token}`);
    expect(member.body).toMatchObject({ org: { org_id: orgId, org_name: "Keys Inc" }, user_in_org: { org_id: orgId, user_role: "Admin" } });
    const generic = await validate((await createKey({})).api_key_token);
    expect(generic.body).toMatchObject({ user: null, org: null, metadata: null });
    const unknown = await validate("0".repeat(96));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ api_key_token: ["Invalid API key"] });
    const otherOrg = (await h().op("createOrg", {}, { body: { name: "Other" } })).body.org_id;
    const notMember = await h().op("createApiKey", {}, { body: { user_id: userId, org_id: otherOrg } });
    expect(notMember.status).toBe(400);
    expect(notMember.body).toHaveProperty("user_id");
  });

  it("refuses expired, archived, disabled-user and former-member keys", async () => {
    const { userId, orgId } = await setup();
    const now = (await h().admin("POST", "/clock", { advance_seconds: 0 })).body.now as number;
    const expiring = await createKey({ user_id: userId, expires_at_seconds: now + 60 });
    expect((await validate(expiring.api_key_token)).status).toBe(200);
    await h().admin("POST", "/clock", { advance_seconds: 61 });
    expect((await validate(expiring.api_key_token)).body.api_key_token[0]).toMatch(/expired/);
    await h().op("updateApiKey", { api_key_id: expiring.api_key_id }, { body: { set_to_never_expire: true } });
    expect((await validate(expiring.api_key_token)).status).toBe(200);

    const archived = await createKey({ user_id: userId });
    await h().op("deleteApiKey", { api_key_id: archived.api_key_id });
    expect((await validate(archived.api_key_token)).status).toBe(400);
    expect((await h().op("deleteApiKey", { api_key_id: archived.api_key_id })).status).toBe(404);

    const memberKey = await createKey({ user_id: userId, org_id: orgId });
    await h().op("disableUser", { user_id: userId });
    expect((await validate(memberKey.api_key_token)).body.api_key_token[0]).toMatch(/disabled/);
    await h().op("enableUser", { user_id: userId });
    expect((await validate(memberKey.api_key_token)).status).toBe(200);
    await h().op("removeUserFromOrg", {}, { body: { user_id: userId, org_id: orgId } });
    expect((await validate(memberKey.api_key_token)).body.api_key_token[0]).toMatch(/no longer a member/);
  });

  it("rate-limits a key with 429 and wait_seconds, and counts usage per day", async () => {
    const { userId, orgId } = await setup();
    const key = await createKey({ user_id: userId, org_id: orgId });
    expect((await h().admin("PUT", `/api_keys/${key.api_key_id}/rate_limit`, { limit: 3, window_seconds: 60 })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await validate(key.api_key_token)).status).toBe(200);
    const limited = await validate(key.api_key_token);
    expect(limited.status).toBe(429);
    expect(limited.body.error_code).toBe("rate_limited");
    expect(limited.body.wait_seconds).toBeGreaterThan(0);
    expect(limited.body.wait_seconds).toBeLessThanOrEqual(60);
    const today = new Date(((await h().admin("POST", "/clock", { advance_seconds: 0 })).body.now as number) * 1000)
      .toISOString()
      .slice(0, 10);
    expect((await h().op("fetchApiKeyUsage", {}, { query: { date: today, api_key_id: key.api_key_id } })).body).toEqual({ count: 3 });
    expect((await h().op("fetchApiKeyUsage", {}, { query: { date: today, org_id: orgId } })).body.count).toBe(3);
    expect((await h().op("fetchApiKeyUsage", {}, { query: { date: "2001-01-01", org_id: orgId } })).body.count).toBe(0);
    await h().admin("POST", "/clock", { advance_seconds: 61 });
    expect((await validate(key.api_key_token)).status).toBe(200);
  });

  it("imports keys and validates them only as imported keys", async () => {
    const { userId } = await setup();
    const imported = await h().op("importApiKey", {}, { body: { imported_api_key: "sk_live_legacy_123", user_id: userId } });
    expect(imported.status).toBe(200);
    expect((await h().op("importApiKey", {}, { body: { imported_api_key: "sk_live_legacy_123" } })).status).toBe(400);
    const ok = await h().op("validateImportedApiKey", {}, { body: { api_key_token: "sk_live_legacy_123" } });
    expect(ok.body.user.user_id).toBe(userId);
    expect((await validate("sk_live_legacy_123")).status).toBe(400);
    const generated = await createKey({});
    expect((await h().op("validateImportedApiKey", {}, { body: { api_key_token: generated.api_key_token } })).status).toBe(400);
  });

  it("lists current and archived keys with filters and paging, and updates metadata", async () => {
    const { userId, orgId } = await setup();
    const email = (await h().op("fetchUserById", { user_id: userId })).body.email;
    const keys = [await createKey({ user_id: userId }), await createKey({ user_id: userId }), await createKey({ org_id: orgId })];
    await h().op("deleteApiKey", { api_key_id: keys[1]!.api_key_id });
    const current = await h().op("fetchCurrentApiKeys", {}, { query: { user_email: email } });
    expect(current.body.api_keys.map((k: { api_key_id: string }) => k.api_key_id)).toEqual([keys[0]!.api_key_id]);
    expect((await h().op("fetchArchivedApiKeys", {}, { query: { user_id: userId } })).body.total_api_keys).toBe(1);
    const paged = await h().op("fetchCurrentApiKeys", {}, { query: { page_size: 1 } });
    expect(paged.body.has_more_results).toBe(true);
    await h().op("updateApiKey", { api_key_id: keys[2]!.api_key_id }, { body: { metadata: { rotated: true } } });
    expect((await h().op("fetchApiKey", { api_key_id: keys[2]!.api_key_id })).body.metadata).toEqual({ rotated: true });
    expect((await h().op("createApiKey", {}, { body: { user_id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(400);
    expect((await h().op("fetchApiKey", { api_key_id: "f".repeat(32) })).status).toBe(404);
  });
});
