// Each user-write, magic-link, access-token, migration, step-up MFA, social-token and employee
// operation through the built client against the loopback example server: the request (method,
// exact path, query, body) and the typed result.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schemas } from "../../src/index.js";
import { API_KEY, builds, exampleOf, ORG_ID, USER_ID, useExampleServer } from "../support.js";

const EMPLOYEE_ID = "5d3c0f8e-41a2-4b6e-9f7d-2c8e1a4b6d90";
const PHONE_ID = "7a4e2c1d-9b3f-4e8a-a6d5-0c2b1f9e8d74";
const B = "/api/backend/v1";

describe.each(builds)("user writes and related operations (%s build)", (_name, lib) => {
  const { server, lastRequest, sent } = useExampleServer();
  const client = () => lib.createClient({ authUrl: server().url, apiKey: API_KEY });

  it("createUser: POST /user/ (trailing slash) with every field", async () => {
    const body = {
      email: "grace@example.com",
      email_confirmed: true,
      send_email_to_confirm_email_address: false,
      password: "correct-horse-battery-staple",
      ask_user_to_update_password_on_login: true,
      ignore_domain_restrictions: true,
      username: "grace",
      first_name: "Grace",
      last_name: "Hopper",
      properties: { favorite_language: "COBOL" },
    };
    const { data, error } = await client().POST(`${B}/user/`, { body });
    expect(sent()).toEqual(["POST", `${B}/user/`, {}, body]);
    expect(lastRequest().headers["content-type"]).toBe("application/json");
    expect(error).toBeUndefined();
    expectTypeOf(data).toEqualTypeOf<Schemas["CreatedUser"] | undefined>();
    expect(data).toEqual(exampleOf("createUser"));
  });

  it("updateUserMetadata: PUT /user/{user_id}", async () => {
    const body = {
      username: "ada",
      first_name: "Augusta Ada",
      last_name: "King",
      picture_url: "https://img.example.com/ada.png",
      metadata: { stripe_customer_id: "cus_Q2fV0yFNj1X9mK" },
      properties: { favorite_language: "Rust" },
      update_password_required: false,
      legacy_user_id: "usr_0193",
    };
    const { data } = await client().PUT(`${B}/user/{user_id}`, { params: { path: { user_id: USER_ID } }, body });
    expect(sent()).toEqual(["PUT", `${B}/user/${USER_ID}`, {}, body]);
    expect(data).toEqual({});
  });

  it("updateUserEmail: PUT /user/{user_id}/email", async () => {
    const body = { new_email: "ada.lovelace@example.com", require_email_confirmation: false };
    const { data } = await client().PUT(`${B}/user/{user_id}/email`, { params: { path: { user_id: USER_ID } }, body });
    expect(sent()).toEqual(["PUT", `${B}/user/${USER_ID}/email`, {}, body]);
    expect(data).toEqual({});
  });

  it("updateUserPassword: PUT /user/{user_id}/password", async () => {
    const body = { password: "temporary-Passw0rd-2024", ask_user_to_update_password_on_login: true };
    const { data } = await client().PUT(`${B}/user/{user_id}/password`, { params: { path: { user_id: USER_ID } }, body });
    expect(sent()).toEqual(["PUT", `${B}/user/${USER_ID}/password`, {}, body]);
    expect(data).toEqual({});
  });

  it.each([
    ["clearUserPassword", "PUT", "clear_password"],
    ["enableUserCanCreateOrgs", "PUT", "can_create_orgs/enable"],
    ["disableUserCanCreateOrgs", "PUT", "can_create_orgs/disable"],
    ["disableUser", "POST", "disable"],
    ["enableUser", "POST", "enable"],
    ["disableUser2fa", "POST", "disable_2fa"],
    ["logoutAllUserSessions", "POST", "logout_all_sessions"],
  ] as const)("%s: %s /user/{user_id}/%s without a body", async (operationId, method, suffix) => {
    const params = { params: { path: { user_id: USER_ID } } };
    const c = client();
    const { data } = await (method === "PUT"
      ? c.PUT(`${B}/user/{user_id}/${suffix as "clear_password" | "can_create_orgs/enable" | "can_create_orgs/disable"}`, params)
      : c.POST(`${B}/user/{user_id}/${suffix as "disable" | "enable" | "disable_2fa" | "logout_all_sessions"}`, params));
    expect(sent()).toEqual([method, `${B}/user/${USER_ID}/${suffix}`, {}, undefined]);
    expect(data).toEqual(exampleOf(operationId));
  });

  it("deleteUser: DELETE /user/{user_id} without a body", async () => {
    const { data } = await client().DELETE(`${B}/user/{user_id}`, { params: { path: { user_id: USER_ID } } });
    expect(sent()).toEqual(["DELETE", `${B}/user/${USER_ID}`, {}, undefined]);
    expect(data).toEqual({});
  });

  it("resendEmailConfirmation: POST /resend_email_confirmation", async () => {
    const { data } = await client().POST(`${B}/resend_email_confirmation`, { body: { user_id: USER_ID } });
    expect(sent()).toEqual(["POST", `${B}/resend_email_confirmation`, {}, { user_id: USER_ID }]);
    expect(data).toEqual({});
  });

  it.each([
    ["logoutAllUserSessions", () => client().POST(`${B}/user/{user_id}/logout_all_sessions`, { params: { path: { user_id: USER_ID } } })],
    ["resendEmailConfirmation", () => client().POST(`${B}/resend_email_confirmation`, { body: { user_id: USER_ID } })],
  ] as const)("%s: a 204 with no body is a success without data", async (operationId, call) => {
    server().respondOnce(operationId, 204);
    const { data, error, response } = await call();
    expect([response.status, data, error]).toEqual([204, undefined, undefined]);
  });

  it("resendEmailConfirmation: a 429 carries a user_facing_error", async () => {
    server().respondOnce("resendEmailConfirmation", 429, { user_facing_error: "Please wait before asking for another email." });
    const { error, response } = await client().POST(`${B}/resend_email_confirmation`, { body: { user_id: USER_ID } });
    expect(response.status).toBe(429);
    // 401 and 404 bodies are undocumented (unknown), so the error union is wide: narrow by status.
    expect((error as Schemas["UserFacingError"]).user_facing_error).toBe("Please wait before asking for another email.");
  });

  it("createMagicLink: POST /magic_link with every field", async () => {
    const body = {
      email: "ada@example.com",
      redirect_to_url: "https://app.example.com/welcome",
      expires_in_hours: 24,
      create_new_user_if_one_doesnt_exist: false,
      expire_after_first_use: true,
      requires_interstitial: true,
      user_signup_query_parameters: { utm_source: "newsletter" },
    };
    const { data } = await client().POST(`${B}/magic_link`, { body });
    expect(sent()).toEqual(["POST", `${B}/magic_link`, {}, body]);
    expectTypeOf(data!.url).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("createMagicLink"));
  });

  it("createAccessToken: POST /access_token with an active organization", async () => {
    const body = { user_id: USER_ID, duration_in_minutes: 60, active_org_id: ORG_ID };
    const { data } = await client().POST(`${B}/access_token`, { body });
    expect(sent()).toEqual(["POST", `${B}/access_token`, {}, body]);
    expectTypeOf(data!.access_token).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("createAccessToken"));
  });

  it("createAccessToken: 403 (user not found) and 404 (feature off) are errors", async () => {
    server().respondOnce("createAccessToken", 403);
    const forbidden = await client().POST(`${B}/access_token`, { body: { user_id: USER_ID, duration_in_minutes: 5 } });
    expect([forbidden.response.status, forbidden.data]).toEqual([403, undefined]);
    server().requests.length = 0;
    server().respondOnce("createAccessToken", 404);
    const notEnabled = await client().POST(`${B}/access_token`, { body: { user_id: USER_ID, duration_in_minutes: 5 } });
    expect([notEnabled.response.status, notEnabled.data]).toEqual([404, undefined]);
  });

  it("migrateUser: POST /migrate_user/ (trailing slash) with every field", async () => {
    const body = {
      email: "grace@example.com",
      email_confirmed: true,
      existing_user_id: "usr_0194",
      existing_password_hash: "$2b$12$KIXQJQ1bK0f6o5s0sRz7UeXh9n0r0FvYc0eZ3b1Yy2m3n4o5p6q7r",
      existing_mfa_base32_encoded_secret: "JBSWY3DPEHPK3PXP",
      update_password_required: true,
      enabled: true,
      first_name: "Grace",
      last_name: "Hopper",
      username: "grace",
      picture_url: "https://img.example.com/grace.png",
      properties: { favorite_language: "COBOL" },
    };
    const { data } = await client().POST(`${B}/migrate_user/`, { body });
    expect(sent()).toEqual(["POST", `${B}/migrate_user/`, {}, body]);
    expectTypeOf(data).toEqualTypeOf<Schemas["CreatedUser"] | undefined>();
    expect(data).toEqual(exampleOf("migrateUser"));
  });

  it("migrateUserPassword: POST /migrate_user/password", async () => {
    const body = { user_id: USER_ID, password_hash: "$2b$12$KIXQJQ1bK0f6o5s0sRz7UeXh9n0r0FvYc0eZ3b1Yy2m3n4o5p6q7r" };
    const { data } = await client().POST(`${B}/migrate_user/password`, { body });
    expect(sent()).toEqual(["POST", `${B}/migrate_user/password`, {}, body]);
    expect(data).toEqual({});
  });

  it("fetchUserMfaMethods: GET /user/{user_id}/mfa narrows on type", async () => {
    const { data } = await client().GET(`${B}/user/{user_id}/mfa`, { params: { path: { user_id: USER_ID } } });
    expect(sent()).toEqual(["GET", `${B}/user/${USER_ID}/mfa`, {}, undefined]);
    expect(data).toEqual(exampleOf("fetchUserMfaMethods", "phone"));
    const setup = data!.mfa_setup;
    if (setup?.type !== "Phone") throw new Error("the first example is a phone set-up");
    expectTypeOf(setup.phone_numbers[0]!.mfa_phone_id).toEqualTypeOf<string>();
    expect(setup.phone_numbers.map((p) => p.mfa_phone_id)).toContain(PHONE_ID);
  });

  it("verifyStepUpTotp: POST /mfa/step-up/verify-totp", async () => {
    const body = {
      action_type: "DELETE_PROJECT",
      user_id: USER_ID,
      code: "492039",
      grant_type: "ONE_TIME_USE" as const,
      valid_for_seconds: 300,
    };
    const { data } = await client().POST(`${B}/mfa/step-up/verify-totp`, { body });
    expect(sent()).toEqual(["POST", `${B}/mfa/step-up/verify-totp`, {}, body]);
    expectTypeOf(data!.step_up_grant).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("verifyStepUpTotp"));
  });

  it("verifyStepUpTotp: a coded 400 carries error_code", async () => {
    server().respondOnce("verifyStepUpTotp", 400, {
      error_code: "incorrect_mfa_code",
      user_facing_error: "The code you entered is incorrect.",
    });
    const { error, response } = await client().POST(`${B}/mfa/step-up/verify-totp`, {
      body: { action_type: "DELETE_PROJECT", user_id: USER_ID, code: "000000", grant_type: "TIME_BASED", valid_for_seconds: 60 },
    });
    expect(response.status).toBe(400);
    expect((error as Schemas["StepUpMfaError"]).error_code).toBe("incorrect_mfa_code");
  });

  it("verifyStepUpGrant: POST /mfa/step-up/verify-grant", async () => {
    const body = { action_type: "DELETE_PROJECT", user_id: USER_ID, grant: "sug_8f3b2a1c9d7e4f60b5a4c3d2e1f0a9b8" };
    const { data, response } = await client().POST(`${B}/mfa/step-up/verify-grant`, { body });
    expect(sent()).toEqual(["POST", `${B}/mfa/step-up/verify-grant`, {}, body]);
    expect([response.status, data]).toEqual([200, {}]);
  });

  it("sendStepUpSmsCode: POST /mfa/step-up/phone/send", async () => {
    const body = {
      action_type: "EXPORT_DATA",
      user_id: USER_ID,
      mfa_phone_id: PHONE_ID,
      grant_type: "TIME_BASED" as const,
      valid_for_seconds: 600,
    };
    const { data } = await client().POST(`${B}/mfa/step-up/phone/send`, { body });
    expect(sent()).toEqual(["POST", `${B}/mfa/step-up/phone/send`, {}, body]);
    expectTypeOf(data!.challenge_id).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("sendStepUpSmsCode"));
  });

  it("verifyStepUpSmsCode: POST /mfa/step-up/phone/verify", async () => {
    const body = { challenge_id: "3e9a1f27-6c4b-4d8e-b2a0-5f7c9e1d3b46", user_id: USER_ID, code: "815204" };
    const { data } = await client().POST(`${B}/mfa/step-up/phone/verify`, { body });
    expect(sent()).toEqual(["POST", `${B}/mfa/step-up/phone/verify`, {}, body]);
    expect(data).toEqual(exampleOf("verifyStepUpSmsCode"));
  });

  it("fetchUserOAuthTokens: GET /user/{user_id}/oauth_token", async () => {
    const { data } = await client().GET(`${B}/user/{user_id}/oauth_token`, { params: { path: { user_id: USER_ID } } });
    expect(sent()).toEqual(["GET", `${B}/user/${USER_ID}/oauth_token`, {}, undefined]);
    expectTypeOf(data).toEqualTypeOf<Schemas["SocialLoginTokens"] | undefined>();
    expect(data?.google?.token_provider).toBe("google");
    expect(data).toEqual(exampleOf("fetchUserOAuthTokens"));
  });

  it("fetchFreshOAuthToken: GET /user/{user_id}/{provider}/fresh_token", async () => {
    const { data } = await client().GET(`${B}/user/{user_id}/{provider}/fresh_token`, {
      params: { path: { user_id: USER_ID, provider: "github" } },
    });
    expect(sent()).toEqual(["GET", `${B}/user/${USER_ID}/github/fresh_token`, {}, undefined]);
    expectTypeOf(data).toEqualTypeOf<Schemas["SocialLoginToken"] | undefined>();
    expect(data).toEqual(exampleOf("fetchFreshOAuthToken"));
  });

  it("fetchEmployee: GET /employee/{employee_id}", async () => {
    const { data } = await client().GET(`${B}/employee/{employee_id}`, { params: { path: { employee_id: EMPLOYEE_ID } } });
    expect(sent()).toEqual(["GET", `${B}/employee/${EMPLOYEE_ID}`, {}, undefined]);
    expectTypeOf(data!.email).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("fetchEmployee"));
  });

  it("refuses body fields the Node SDK never sends, and providers outside the enum", async () => {
    const created = await client().POST(`${B}/user/`, {
      // @ts-expect-error can_create_orgs is a Go-SDK-only field that this document does not describe
      body: { email: "grace@example.com", can_create_orgs: true },
    });
    expect([created.response.status, created.error]).toEqual([400, { can_create_orgs: ["is not a known field"] }]);
    server().requests.length = 0;
    const fresh = await client().GET(`${B}/user/{user_id}/{provider}/fresh_token`, {
      // @ts-expect-error "facebook" is not a SocialLoginTokenProvider
      params: { path: { user_id: USER_ID, provider: "facebook" } },
    });
    expect(fresh.response.status).toBe(400);
    expect(Object.keys(fresh.error as object)).toEqual(["provider"]);
  });
});
