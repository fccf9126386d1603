import { describe, expect, it } from "vitest";
import { uniqueEmail, useEmulator } from "./support.js";

describe("users", () => {
  const h = useEmulator();
  const create = async (body: Record<string, unknown>) => {
    const answer = await h().op("createUser", {}, { body });
    expect(answer.status, answer.text).toBe(200);
    return answer.body.user_id as string;
  };

  it("creates, reads by id, email and username, and answers 404 for unknown users", async () => {
    const email = uniqueEmail("ada");
    const userId = await create({
      email,
      username: "ada_lovelace",
      first_name: "Ada",
      password: "analytical-engine",
      properties: { lang: "en" },
    });
    const byId = await h().op("fetchUserById", { user_id: userId });
    expect(byId.body).toMatchObject({
      user_id: userId,
      email,
      username: "ada_lovelace",
      first_name: "Ada",
      has_password: true,
      enabled: true,
    });
    expect(byId.body.properties).toEqual({ lang: "en" });
    expect(byId.body.org_id_to_org_info).toBeUndefined();
    expect((await h().op("fetchUserById", { user_id: userId }, { query: { include_orgs: true } })).body.org_id_to_org_info).toEqual({});
    expect((await h().op("fetchUserByEmail", {}, { query: { email: email.toUpperCase() } })).body.user_id).toBe(userId);
    expect((await h().op("fetchUserByUsername", {}, { query: { username: "ada_lovelace" } })).body.user_id).toBe(userId);
    expect((await h().op("fetchUserById", { user_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await h().op("fetchUserByEmail", {}, { query: { email: "nobody@example.com" } })).status).toBe(404);
  });

  it("refuses a taken email or username and a short password with a field-error map", async () => {
    const email = uniqueEmail();
    await create({ email, username: "taken_name" });
    expect((await h().op("createUser", {}, { body: { email } })).body).toEqual({ email: ["A user with this email already exists"] });
    expect((await h().op("createUser", {}, { body: { email: uniqueEmail(), username: "TAKEN_NAME" } })).body).toHaveProperty("username");
    const short = await h().op("createUser", {}, { body: { email: uniqueEmail(), password: "short" } });
    expect(short.status).toBe(400);
    expect(short.body).toHaveProperty("password");
  });

  it("batch lookups skip unknown values and answer repeated ones once", async () => {
    const a = await create({ email: uniqueEmail("batch"), username: "batch_a" });
    const b = await create({ email: uniqueEmail("batch"), username: "batch_b" });
    const byIds = await h().op("fetchUsersByIds", {}, { body: { user_ids: [a, b, a, "00000000-0000-4000-8000-000000000000"] } });
    expect(byIds.body.map((u: { user_id: string }) => u.user_id).sort()).toEqual([a, b].sort());
    const byNames = await h().op(
      "fetchUsersByUsernames",
      {},
      { body: { usernames: ["batch_a", "nobody"] }, query: { include_orgs: true } },
    );
    expect(byNames.body).toHaveLength(1);
    expect(byNames.body[0].org_id_to_org_info).toEqual({});
  });

  it("queries with paging, ordering and filters", async () => {
    const tag = `q${Date.now().toString(36)}`;
    const ids: string[] = [];
    for (const name of ["carol", "alice", "bob"])
      ids.push(await create({ email: `${name}.${tag}@example.com`, username: `${name}_${tag}` }));
    const page0 = await h().op("queryUsers", {}, { query: { email_or_username: tag, page_size: 2, order_by: "EMAIL" } });
    expect(page0.body).toMatchObject({ total_users: 3, current_page: 0, page_size: 2, has_more_results: true });
    expect(page0.body.users.map((u: { email: string }) => u.email.split(".")[0])).toEqual(["alice", "bob"]);
    const page1 = await h().op("queryUsers", {}, { query: { email_or_username: tag, page_size: 2, page_number: 1, order_by: "EMAIL" } });
    expect(page1.body.users.map((u: { user_id: string }) => u.user_id)).toEqual([ids[0]]);
    expect(page1.body.has_more_results).toBe(false);
    const desc = await h().op("queryUsers", {}, { query: { email_or_username: tag, order_by: "CREATED_AT_DESC" } });
    expect(desc.body.users.map((u: { user_id: string }) => u.user_id)).toEqual([...ids].reverse());
    const likeWildcard = await h().op("queryUsers", {}, { query: { email_or_username: "%" } });
    expect(likeWildcard.body.total_users).toBe(0);
    expect((await h().op("queryUsers", {}, { query: { page_size: 0 } })).status).toBe(400);
  });

  it("updates metadata, email (at once or after confirmation) and password", async () => {
    const email = uniqueEmail("upd");
    const userId = await create({ email });
    expect(
      (await h().op("updateUserMetadata", { user_id: userId }, { body: { first_name: "Grace", metadata: { tier: "gold" } } })).status,
    ).toBe(200);
    let user = (await h().op("fetchUserById", { user_id: userId })).body;
    expect(user).toMatchObject({ first_name: "Grace", metadata: { tier: "gold" }, has_password: false });

    const direct = uniqueEmail("direct");
    await h().op("updateUserEmail", { user_id: userId }, { body: { new_email: direct, require_email_confirmation: false } });
    user = (await h().op("fetchUserById", { user_id: userId })).body;
    expect(user).toMatchObject({ email: direct, email_confirmed: true });

    const confirmed = uniqueEmail("confirmed");
    await h().op("updateUserEmail", { user_id: userId }, { body: { new_email: confirmed, require_email_confirmation: true } });
    expect((await h().op("fetchUserById", { user_id: userId })).body.email).toBe(direct);
    const mail = (await h().admin("GET", "/outbox")).body.messages.find((m: { to_address: string }) => m.to_address === confirmed);
    expect(mail.kind).toBe("change_email");
    const followed = await fetch(mail.link);
    expect(followed.status).toBe(200);
    expect((await h().op("fetchUserById", { user_id: userId })).body.email).toBe(confirmed);

    expect((await h().op("updateUserPassword", { user_id: userId }, { body: { password: "x" } })).status).toBe(400);
    await h().op(
      "updateUserPassword",
      { user_id: userId },
      { body: { password: "long enough", ask_user_to_update_password_on_login: true } },
    );
    expect((await h().op("fetchUserById", { user_id: userId })).body).toMatchObject({ has_password: true, update_password_required: true });
    await h().op("clearUserPassword", { user_id: userId });
    expect((await h().op("fetchUserById", { user_id: userId })).body.has_password).toBe(false);
  });

  it("enables and disables users, their right to create orgs, and their 2FA", async () => {
    const userId = await create({ email: uniqueEmail("flags") });
    await h().op("disableUser", { user_id: userId });
    expect((await h().op("fetchUserById", { user_id: userId })).body.enabled).toBe(false);
    await h().op("enableUser", { user_id: userId });
    expect((await h().op("fetchUserById", { user_id: userId })).body.enabled).toBe(true);
    await h().op("enableUserCanCreateOrgs", { user_id: userId });
    expect((await h().op("fetchUserById", { user_id: userId })).body.can_create_orgs).toBe(true);
    await h().op("disableUserCanCreateOrgs", { user_id: userId });
    expect((await h().op("fetchUserById", { user_id: userId })).body.can_create_orgs).toBe(false);
    await h().admin("PUT", `/users/${userId}/mfa_phones`, { phone_numbers: ["+15555550100"] });
    const mfa = await h().op("fetchUserMfaMethods", { user_id: userId });
    expect(mfa.body.mfa_setup).toMatchObject({ type: "Phone", phone_numbers: [{ mfa_phone_number_suffix: "0100" }] });
    expect((await h().op("fetchUserById", { user_id: userId })).body.mfa_enabled).toBe(true);
    await h().op("disableUser2fa", { user_id: userId });
    expect((await h().op("fetchUserMfaMethods", { user_id: userId })).body.mfa_setup).toBeNull();
    expect((await h().op("logoutAllUserSessions", { user_id: userId })).status).toBe(200);
    for (const op of ["disableUser", "enableUser", "clearUserPassword", "deleteUser", "logoutAllUserSessions"]) {
      expect((await h().op(op, { user_id: "00000000-0000-4000-8000-000000000000" })).status, op).toBe(404);
    }
  });

  it("resends the confirmation email, refuses a confirmed address, and throttles with 429", async () => {
    const userId = await create({ email: uniqueEmail("resend") });
    expect((await h().op("resendEmailConfirmation", {}, { body: { user_id: userId } })).status).toBe(200);
    const again = await h().op("resendEmailConfirmation", {}, { body: { user_id: userId } });
    expect(again.status).toBe(429);
    expect(again.body.user_facing_error).toMatch(/recently/);
    const confirmed = await create({ email: uniqueEmail("resend"), email_confirmed: true });
    expect((await h().op("resendEmailConfirmation", {}, { body: { user_id: confirmed } })).status).toBe(400);
  });

  it("deleting a user removes their memberships and archives their API keys", async () => {
    const userId = await create({ email: uniqueEmail("del") });
    const org = (await h().op("createOrg", {}, { body: { name: "Doomed members" } })).body.org_id;
    await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: org, role: "Member" } });
    const key = (await h().op("createApiKey", {}, { body: { user_id: userId } })).body;
    expect((await h().op("fetchUsersInOrg", { org_id: org })).body.total_users).toBe(1);
    expect((await h().op("deleteUser", { user_id: userId })).status).toBe(200);
    expect((await h().op("fetchUserById", { user_id: userId })).status).toBe(404);
    expect((await h().op("fetchUsersInOrg", { org_id: org })).body.total_users).toBe(0);
    expect((await h().op("validateApiKey", {}, { body: { api_key_token: key.api_key_token } })).status).toBe(400);
    expect((await h().op("fetchArchivedApiKeys", {}, { query: { user_id: userId } })).body.total_api_keys).toBe(1);
  });

  it("migrates a user with a password hash and TOTP secret, and a password hash later", async () => {
    const migrated = await h().op(
      "migrateUser",
      {},
      {
        body: {
          email: uniqueEmail("mig"),
          email_confirmed: true,
          existing_user_id: "legacy-42",
          existing_password_hash: "$2b$10$abc",
          existing_mfa_base32_encoded_secret: "JBSWY3DPEHPK3PXP",
        },
      },
    );
    expect(migrated.status).toBe(200);
    const user = (await h().op("fetchUserById", { user_id: migrated.body.user_id })).body;
    expect(user).toMatchObject({ has_password: true, legacy_user_id: "legacy-42", mfa_enabled: true, email_confirmed: true });
    expect((await h().op("queryUsers", {}, { query: { legacy_user_id: "legacy-42" } })).body.total_users).toBe(1);
    expect((await h().op("fetchUserMfaMethods", { user_id: user.user_id })).body.mfa_setup).toEqual({ type: "Totp" });
    const dup = await h().op(
      "migrateUser",
      {},
      { body: { email: uniqueEmail("mig"), email_confirmed: false, existing_user_id: "legacy-42" } },
    );
    expect(dup.body).toHaveProperty("existing_user_id");

    const plain = await create({ email: uniqueEmail("mig") });
    expect((await h().op("migrateUserPassword", {}, { body: { user_id: plain, password_hash: "$argon2id$v=19$m=65536" } })).status).toBe(
      200,
    );
    expect((await h().op("fetchUserById", { user_id: plain })).body.has_password).toBe(true);
    const unknown = await h().op(
      "migrateUserPassword",
      {},
      { body: { user_id: "00000000-0000-4000-8000-000000000000", password_hash: "x" } },
    );
    expect(unknown.body).toHaveProperty("user_id");
  });

  it("a magic link creates the user with its signup parameters, and logs them in when followed", async () => {
    const email = uniqueEmail("magic");
    const refused = await h().op("createMagicLink", {}, { body: { email, create_new_user_if_one_doesnt_exist: false } });
    expect(refused.status).toBe(400);
    const link = await h().op(
      "createMagicLink",
      {},
      { body: { email, user_signup_query_parameters: { utm_source: "newsletter" }, expire_after_first_use: true } },
    );
    expect(link.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const user = (await h().op("fetchUserByEmail", {}, { query: { email } })).body;
    expect((await h().op("fetchUserSignupQueryParameters", { user_id: user.user_id })).body).toEqual({
      user_signup_query_parameters: { utm_source: "newsletter" },
    });
    const followed = await fetch(link.body.url);
    expect(await followed.json()).toMatchObject({ action: "logged_in", user_id: user.user_id });
    expect((await fetch(link.body.url)).status).toBe(410);
    expect((await h().op("fetchUserById", { user_id: user.user_id })).body.email_confirmed).toBe(true);
  });
});
