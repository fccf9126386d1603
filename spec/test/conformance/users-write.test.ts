import { AccessTokenCreationException, BadRequestException, RateLimitedException, UserNotFoundException } from "@propelauth/node-apis";
import { describe, expect, it } from "vitest";
import { type ConformanceCase, callSdk, conformance, doc } from "./harness.js";

const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";

/** Operations that answer no result: the SDK reports `true` for the served example. */
const returnsTrue = (result: unknown) => expect(result).toBe(true);

/** The SDK returns `{ userId }` for `{ user_id }`. */
const returnsCreatedUser = (result: unknown, served: unknown) =>
  expect(result).toEqual({ userId: (served as { user_id: string }).user_id });

const cases: ConformanceCase[] = [
  {
    fn: "createUser",
    variant: "every field",
    operationId: "createUser",
    call: (api) =>
      api.createUser({
        email: "grace@example.com",
        emailConfirmed: true,
        sendEmailToConfirmEmailAddress: false,
        password: "correct-horse-battery-staple",
        askUserToUpdatePasswordOnLogin: true,
        ignoreDomainRestrictions: true,
        username: "grace",
        firstName: "Grace",
        lastName: "Hopper",
        properties: { favorite_language: "COBOL", age: 85 },
      }),
    path: "/api/backend/v1/user/",
    query: {},
    body: {
      email: "grace@example.com",
      email_confirmed: true,
      send_email_to_confirm_email_address: false,
      password: "correct-horse-battery-staple",
      ask_user_to_update_password_on_login: true,
      ignore_domain_restrictions: true,
      username: "grace",
      first_name: "Grace",
      last_name: "Hopper",
      properties: { favorite_language: "COBOL", age: 85 },
    },
    check: returnsCreatedUser,
  },
  {
    fn: "createUser",
    variant: "email only",
    operationId: "createUser",
    call: (api) => api.createUser({ email: "grace@example.com" }),
    path: "/api/backend/v1/user/",
    query: {},
    body: { email: "grace@example.com" },
    check: returnsCreatedUser,
  },
  {
    fn: "updateUserMetadata",
    operationId: "updateUserMetadata",
    call: (api) =>
      api.updateUserMetadata(USER_ID, {
        username: "ada",
        firstName: "Augusta Ada",
        lastName: "King",
        pictureUrl: "https://img.example.com/ada.png",
        metadata: { stripe_customer_id: "cus_Q2fV0yFNj1X9mK" },
        properties: { favorite_language: "Rust" },
        updatePasswordRequired: false,
        legacyUserId: "usr_0193",
      }),
    path: `/api/backend/v1/user/${USER_ID}`,
    query: {},
    body: {
      username: "ada",
      first_name: "Augusta Ada",
      last_name: "King",
      picture_url: "https://img.example.com/ada.png",
      metadata: { stripe_customer_id: "cus_Q2fV0yFNj1X9mK" },
      properties: { favorite_language: "Rust" },
      update_password_required: false,
      legacy_user_id: "usr_0193",
    },
    check: returnsTrue,
  },
  {
    fn: "updateUserEmail",
    operationId: "updateUserEmail",
    call: (api) => api.updateUserEmail(USER_ID, { newEmail: "ada.lovelace@example.com", requireEmailConfirmation: true }),
    path: `/api/backend/v1/user/${USER_ID}/email`,
    query: {},
    body: { new_email: "ada.lovelace@example.com", require_email_confirmation: true },
    check: returnsTrue,
  },
  {
    fn: "updateUserPassword",
    operationId: "updateUserPassword",
    call: (api) => api.updateUserPassword(USER_ID, { password: "temporary-Passw0rd-2024", askUserToUpdatePasswordOnLogin: true }),
    path: `/api/backend/v1/user/${USER_ID}/password`,
    query: {},
    body: { password: "temporary-Passw0rd-2024", ask_user_to_update_password_on_login: true },
    check: returnsTrue,
  },
  {
    fn: "clearUserPassword",
    operationId: "clearUserPassword",
    call: (api) => api.clearUserPassword(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/clear_password`,
    query: {},
    check: returnsTrue,
  },
  {
    fn: "enableUserCanCreateOrgs",
    operationId: "enableUserCanCreateOrgs",
    call: (api) => api.enableUserCanCreateOrgs(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/can_create_orgs/enable`,
    query: {},
    check: returnsTrue,
  },
  {
    fn: "disableUserCanCreateOrgs",
    operationId: "disableUserCanCreateOrgs",
    call: (api) => api.disableUserCanCreateOrgs(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/can_create_orgs/disable`,
    query: {},
    check: returnsTrue,
  },
  {
    fn: "disableUser",
    operationId: "disableUser",
    call: (api) => api.disableUser(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/disable`,
    query: {},
    check: returnsTrue,
  },
  {
    fn: "enableUser",
    operationId: "enableUser",
    call: (api) => api.enableUser(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/enable`,
    query: {},
    check: returnsTrue,
  },
  {
    fn: "disableUser2fa",
    operationId: "disableUser2fa",
    call: (api) => api.disableUser2fa(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/disable_2fa`,
    query: {},
    check: returnsTrue,
  },
  {
    fn: "logoutAllUserSessions",
    operationId: "logoutAllUserSessions",
    call: (api) => api.logoutAllUserSessions(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/logout_all_sessions`,
    query: {},
    check: returnsTrue,
  },
  {
    fn: "deleteUser",
    operationId: "deleteUser",
    call: (api) => api.deleteUser(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}`,
    query: {},
    check: returnsTrue,
  },
  {
    fn: "resendEmailConfirmation",
    operationId: "resendEmailConfirmation",
    call: (api) => api.resendEmailConfirmation(USER_ID),
    path: "/api/backend/v1/resend_email_confirmation",
    query: {},
    body: { user_id: USER_ID },
    check: returnsTrue,
  },
  {
    fn: "createMagicLink",
    variant: "every field",
    operationId: "createMagicLink",
    call: (api) =>
      api.createMagicLink({
        email: "ada@example.com",
        redirectToUrl: "https://app.example.com/welcome",
        expiresInHours: 24,
        createNewUserIfOneDoesntExist: false,
        expiresAfterFirstUse: true,
        requiresInterstitial: true,
        userSignupQueryParameters: { utm_source: "newsletter" },
      }),
    path: "/api/backend/v1/magic_link",
    query: {},
    body: {
      email: "ada@example.com",
      redirect_to_url: "https://app.example.com/welcome",
      expires_in_hours: 24,
      create_new_user_if_one_doesnt_exist: false,
      expire_after_first_use: true,
      requires_interstitial: true,
      user_signup_query_parameters: { utm_source: "newsletter" },
    },
    // createMagicLink returns the body as parsed, without camelCase conversion.
    check: (result, served) => expect(result).toEqual({ url: (served as { url: string }).url }),
  },
  {
    fn: "createMagicLink",
    variant: "email only",
    operationId: "createMagicLink",
    call: (api) => api.createMagicLink({ email: "grace@example.com" }),
    path: "/api/backend/v1/magic_link",
    query: {},
    body: { email: "grace@example.com" },
    check: (result, served) => expect(result).toEqual(served),
  },
  {
    fn: "createAccessToken",
    variant: "with an active organization",
    operationId: "createAccessToken",
    call: (api) => api.createAccessToken({ userId: USER_ID, durationInMinutes: 60, activeOrgId: ORG_ID }),
    path: "/api/backend/v1/access_token",
    query: {},
    body: { user_id: USER_ID, duration_in_minutes: 60, active_org_id: ORG_ID },
    // createAccessToken returns the body as parsed, still snake_case.
    check: (result, served) =>
      expect((result as { access_token: string }).access_token).toBe((served as { access_token: string }).access_token),
  },
  {
    fn: "createAccessToken",
    variant: "without an organization",
    operationId: "createAccessToken",
    call: (api) => api.createAccessToken({ userId: USER_ID, durationInMinutes: 5 }),
    path: "/api/backend/v1/access_token",
    query: {},
    body: { user_id: USER_ID, duration_in_minutes: 5 },
    check: (result, served) => expect(result).toEqual(served),
  },
  {
    fn: "migrateUserFromExternalSource",
    variant: "every field",
    operationId: "migrateUser",
    call: (api) =>
      api.migrateUserFromExternalSource({
        email: "grace@example.com",
        emailConfirmed: true,
        existingUserId: "usr_0194",
        existingPasswordHash: "$2b$12$KIXQJQ1bK0f6o5s0sRz7UeXh9n0r0FvYc0eZ3b1Yy2m3n4o5p6q7r",
        existingMfaBase32EncodedSecret: "JBSWY3DPEHPK3PXP",
        askUserToUpdatePasswordOnLogin: true,
        enabled: false,
        firstName: "Grace",
        lastName: "Hopper",
        username: "grace",
        pictureUrl: "https://img.example.com/grace.png",
        properties: { favorite_language: "COBOL" },
      }),
    path: "/api/backend/v1/migrate_user/",
    query: {},
    body: {
      email: "grace@example.com",
      email_confirmed: true,
      existing_user_id: "usr_0194",
      existing_password_hash: "$2b$12$KIXQJQ1bK0f6o5s0sRz7UeXh9n0r0FvYc0eZ3b1Yy2m3n4o5p6q7r",
      existing_mfa_base32_encoded_secret: "JBSWY3DPEHPK3PXP",
      update_password_required: true,
      enabled: false,
      first_name: "Grace",
      last_name: "Hopper",
      username: "grace",
      picture_url: "https://img.example.com/grace.png",
      properties: { favorite_language: "COBOL" },
    },
    check: returnsCreatedUser,
  },
  {
    fn: "migrateUserFromExternalSource",
    variant: "required fields only",
    operationId: "migrateUser",
    call: (api) => api.migrateUserFromExternalSource({ email: "grace@example.com", emailConfirmed: false }),
    path: "/api/backend/v1/migrate_user/",
    query: {},
    body: { email: "grace@example.com", email_confirmed: false },
    check: returnsCreatedUser,
  },
  {
    fn: "migrateUserPassword",
    operationId: "migrateUserPassword",
    call: (api) =>
      api.migrateUserPassword({ userId: USER_ID, passwordHash: "$2b$12$KIXQJQ1bK0f6o5s0sRz7UeXh9n0r0FvYc0eZ3b1Yy2m3n4o5p6q7r" }),
    path: "/api/backend/v1/migrate_user/password",
    query: {},
    body: { user_id: USER_ID, password_hash: "$2b$12$KIXQJQ1bK0f6o5s0sRz7UeXh9n0r0FvYc0eZ3b1Yy2m3n4o5p6q7r" },
    // The SDK parses the JSON body (it would throw on an empty one) and returns it converted.
    check: (result) => expect(result).toEqual({}),
  },
];

describe("official Node SDK conformance: user writes, magic links, access tokens, migration", () => {
  conformance(cases);
});

type Responses = Record<string, { content: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }> }>;
const responses = doc.components.responses as Responses;
const exampleOf = (response: string) => responses[response]!.content["application/json"]!.example;

describe("official Node SDK conformance: the other documented answers of user writes", () => {
  const byCase = (fn: string) => cases.find((c) => c.fn === fn)!;

  for (const fn of ["logoutAllUserSessions", "resendEmailConfirmation"]) {
    it(`${fn}: the 204 with an empty body is a success too`, async () => {
      const { result } = await callSdk(byCase(fn), 204, undefined);
      expect(result).toBe(true);
    });
  }

  it("resendEmailConfirmation: the 400 user_facing_error body parses as a bad request", async () => {
    const body = exampleOf("EmailConfirmationBadRequest");
    await expect(callSdk(byCase("resendEmailConfirmation"), 400, body)).rejects.toSatisfy(
      (e) => e instanceof BadRequestException && JSON.stringify((e as BadRequestException).fieldToErrors) === JSON.stringify(body),
    );
  });

  it("resendEmailConfirmation: the 429 user_facing_error body becomes the rate-limit message", async () => {
    const body = exampleOf("EmailConfirmationRateLimited") as { user_facing_error: string };
    await expect(callSdk(byCase("resendEmailConfirmation"), 429, body)).rejects.toSatisfy(
      (e) => e instanceof RateLimitedException && (e as Error).message === body.user_facing_error,
    );
  });

  it("createUser: the 400 field-error map parses", async () => {
    const body = exampleOf("BadRequest");
    await expect(callSdk(byCase("createUser"), 400, body)).rejects.toHaveProperty("fieldToErrors", body);
  });

  it("createAccessToken: 400 is a field-error map, 403 is user not found, 404 is the feature being off", async () => {
    const c = byCase("createAccessToken");
    await expect(callSdk(c, 400, { active_org_id: ["User is not a member of this organization"] })).rejects.toBeInstanceOf(
      AccessTokenCreationException,
    );
    await expect(callSdk(c, 403, undefined)).rejects.toBeInstanceOf(UserNotFoundException);
    await expect(callSdk(c, 404, undefined)).rejects.toThrow("Access token creation is not enabled");
  });

  it("user writes answer false on 404", async () => {
    for (const fn of [
      "updateUserMetadata",
      "updateUserEmail",
      "updateUserPassword",
      "disableUser",
      "deleteUser",
      "logoutAllUserSessions",
    ]) {
      const { result } = await callSdk(byCase(fn), 404, undefined);
      expect(result, fn).toBe(false);
    }
  });
});
