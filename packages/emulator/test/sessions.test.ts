// Sessions: a magic-link login gives a refresh token; Refresh a session turns it into access
// tokens until the session is logged out, expires, or its user is logged out everywhere, disabled
// or deleted. A dead refresh token gets 400 and changes nothing.
import { describe, expect, it } from "vitest";
import { uniqueEmail, useEmulator } from "./support.js";

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString());

describe("sessions (refresh tokens)", () => {
  const h = useEmulator();

  /** A new user who logged in with a magic link: their id and the session's refresh token. */
  async function login(): Promise<{ userId: string; refreshToken: string }> {
    const email = uniqueEmail("session");
    const url = (await h().op("createMagicLink", {}, { body: { email } })).body.url as string;
    const followed = await h().admin("GET", new URL(url).pathname.replace("/__emulator", ""));
    expect(followed.status).toBe(200);
    return { userId: followed.body.user_id, refreshToken: followed.body.refresh_token };
  }
  const refresh = (refreshToken: string, query?: Record<string, string>) =>
    h().op("refreshSession", {}, { body: { refresh_token: refreshToken }, query });
  const logout = (refreshToken: string) => h().op("logoutSession", {}, { body: { refresh_token: refreshToken } });

  it("a refresh token from a login refreshes into an access token of its user, again and again", async () => {
    const { userId, refreshToken } = await login();
    expect(refreshToken).toMatch(/^[0-9a-f]{64}$/);
    for (let i = 0; i < 2; i++) {
      const answer = await refresh(refreshToken);
      expect(answer.status).toBe(200);
      expect(answer.body.refresh_token).toBe(refreshToken);
      const jwt = claims(answer.body.access_token.access_token);
      expect(jwt).toMatchObject({ user_id: userId, exp: answer.body.access_token.expires_at_seconds });
    }
  });

  it("a logged-out refresh token no longer refreshes, and a second logout is a 400", async () => {
    const { refreshToken } = await login();
    const other = await login();
    expect((await logout(refreshToken)).status).toBe(200);
    const dead = await refresh(refreshToken);
    expect(dead.status).toBe(400);
    expect(dead.body).toHaveProperty("refresh_token");
    expect((await logout(refreshToken)).status).toBe(400);
    expect((await refresh(other.refreshToken)).status, "another session is untouched").toBe(200);
  });

  it("an unknown refresh token gets 400 from both operations", async () => {
    expect((await refresh("0".repeat(64))).status).toBe(400);
    expect((await logout("0".repeat(64))).status).toBe(400);
  });

  it("logging the user out of every session, disabling or deleting them ends their sessions", async () => {
    for (const end of ["logoutAllUserSessions", "disableUser", "deleteUser"]) {
      const { userId, refreshToken } = await login();
      expect((await refresh(refreshToken)).status).toBe(200);
      expect((await h().op(end, { user_id: userId })).status).toBe(200);
      expect((await refresh(refreshToken)).status, `after ${end}`).toBe(400);
    }
  });

  it("a session expires after 30 days", async () => {
    const { refreshToken } = await login();
    await h().admin("POST", "/clock", { advance_seconds: 30 * 86400 });
    expect((await refresh(refreshToken)).status).toBe(400);
  });

  it("an active organization puts that membership in the token; a foreign one is a 400", async () => {
    const { userId, refreshToken } = await login();
    const orgId = (await h().op("createOrg", {}, { body: { name: "Session Org" } })).body.org_id;
    await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Admin" } });
    const scoped = await refresh(refreshToken, { with_active_org_support: "true", active_org_id: orgId });
    expect(scoped.status).toBe(200);
    expect(claims(scoped.body.access_token.access_token).org_member_info.org_id).toBe(orgId);
    const foreign = (await h().op("createOrg", {}, { body: { name: "Not mine" } })).body.org_id;
    const refused = await refresh(refreshToken, { with_active_org_support: "true", active_org_id: foreign });
    expect(refused.status).toBe(400);
    expect(refused.body).toHaveProperty("active_org_id");
  });

  it("a Read and Validate key is refused (401, as the operations document it) and the refused logout changes nothing", async () => {
    const { refreshToken } = await login();
    const readKey = h().emu.keys["read-and-validate"].token;
    expect((await h().op("refreshSession", {}, { body: { refresh_token: refreshToken }, key: readKey })).status).toBe(401);
    expect((await h().op("logoutSession", {}, { body: { refresh_token: refreshToken }, key: readKey })).status).toBe(401);
    expect((await refresh(refreshToken)).status).toBe(200);
  });
});
