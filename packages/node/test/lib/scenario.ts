// The scenario both SDKs run: every function of initBaseAuth, with valid and invalid inputs, and
// every outcome of token validation. Each step gets the SDK, the side's stored ids (`c`) and the
// side; what it returns or throws is compared across the two sides.
import type { Side } from "./sides.js";
import { algNone, hs256WithPublicKey, tamperPayload, tamperSignature } from "./tokens.js";

// biome-ignore lint/suspicious/noExplicitAny: both SDKs' initBaseAuth objects, called the same way
export type Sdk = any;
// biome-ignore lint/suspicious/noExplicitAny: the side's stored ids and tokens
export type Step = [name: string, run: (sdk: Sdk, c: Record<string, any>, side: Side) => unknown];

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const UNKNOWN_KEY = "0123456789abcdef0123456789abcdef";

/** Calls a /__emulator/ helper of the side's emulator. */
export async function admin(side: Side, method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(`/__emulator${path}`, side.emu.url), {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const keep =
  (name: string, pick: (result: Sdk) => unknown, run: Step[1]): Step[1] =>
  async (s, c, side) => {
    const result = await run(s, c, side);
    c[name] = pick(result);
    return result;
  };

export const USER_STEPS: Step[] = [
  [
    "createUser ada",
    keep(
      "ada",
      (r) => r.userId,
      (s) =>
        s.createUser({
          email: "ada@example.com",
          password: "analytical-engine-1843",
          firstName: "Ada",
          lastName: "Lovelace",
          username: "ada",
          emailConfirmed: true,
          properties: { favorite_color: "blue", nested_value: { snake_key: 1 } },
        }),
    ),
  ],
  [
    "createUser bob",
    keep(
      "bob",
      (r) => r.userId,
      (s) => s.createUser({ email: "bob@example.com", emailConfirmed: true, username: "bob" }),
    ),
  ],
  [
    "createUser carol",
    keep(
      "carol",
      (r) => r.userId,
      (s) => s.createUser({ email: "carol@example.com", emailConfirmed: true }),
    ),
  ],
  ["createUser duplicate email", (s) => s.createUser({ email: "ada@example.com" })],
  ["createUser invalid email", (s) => s.createUser({ email: "not an email" })],
  ["fetchUserMetadataByUserId with orgs", (s, c) => s.fetchUserMetadataByUserId(c.ada, true)],
  ["fetchUserMetadataByUserId", (s, c) => s.fetchUserMetadataByUserId(c.ada)],
  ["fetchUserMetadataByUserId not a uuid", (s) => s.fetchUserMetadataByUserId("not-a-uuid")],
  ["fetchUserMetadataByUserId unknown", (s) => s.fetchUserMetadataByUserId(UNKNOWN_ID)],
  ["fetchUserMetadataByEmail", (s) => s.fetchUserMetadataByEmail("ada@example.com", true)],
  ["fetchUserMetadataByEmail unknown", (s) => s.fetchUserMetadataByEmail("nobody@example.com")],
  ["fetchUserMetadataByUsername", (s) => s.fetchUserMetadataByUsername("ada")],
  ["fetchUserMetadataByUsername unknown", (s) => s.fetchUserMetadataByUsername("nobody")],
  ["fetchBatchUserMetadataByUserIds", (s, c) => s.fetchBatchUserMetadataByUserIds([c.ada, c.bob, UNKNOWN_ID], true)],
  ["fetchBatchUserMetadataByEmails", (s) => s.fetchBatchUserMetadataByEmails(["ada@example.com", "carol@example.com"])],
  ["fetchBatchUserMetadataByUsernames", (s) => s.fetchBatchUserMetadataByUsernames(["ada", "bob"], true)],
  ["fetchUsersByQuery", (s) => s.fetchUsersByQuery({ emailOrUsername: "example.com", includeOrgs: true, orderBy: "CREATED_AT_ASC" })],
  ["fetchUsersByQuery page too large", (s) => s.fetchUsersByQuery({ pageSize: 5000 })],
  [
    "updateUserMetadata",
    (s, c) =>
      s.updateUserMetadata(c.ada, { firstName: "Augusta", metadata: { plan_name: "pro" }, properties: { favorite_color: "green" } }),
  ],
  ["updateUserMetadata not a uuid", (s) => s.updateUserMetadata("x", { firstName: "X" })],
  ["updateUserMetadata unknown", (s) => s.updateUserMetadata(UNKNOWN_ID, { firstName: "X" })],
  ["updateUserMetadata invalid", (s, c) => s.updateUserMetadata(c.ada, { pictureUrl: "not a url" })],
  ["updateUserEmail", (s, c) => s.updateUserEmail(c.carol, { newEmail: "caroline@example.com", requireEmailConfirmation: false })],
  ["updateUserEmail taken", (s, c) => s.updateUserEmail(c.carol, { newEmail: "ada@example.com", requireEmailConfirmation: false })],
  ["updateUserPassword", (s, c) => s.updateUserPassword(c.bob, { password: "a-much-longer-password-1" })],
  ["updateUserPassword too short", (s, c) => s.updateUserPassword(c.bob, { password: "x" })],
  ["clearUserPassword", (s, c) => s.clearUserPassword(c.bob)],
  ["clearUserPassword not a uuid", (s) => s.clearUserPassword("x")],
  ["createMagicLink", (s) => s.createMagicLink({ email: "ada@example.com", expiresInHours: 2 })],
  ["createMagicLink invalid", (s) => s.createMagicLink({ email: "nope" })],
  ["createAccessToken not a uuid (throws synchronously)", (s) => s.createAccessToken({ userId: "x", durationInMinutes: 5 })],
  ["createAccessToken unknown user", (s) => s.createAccessToken({ userId: UNKNOWN_ID, durationInMinutes: 5 })],
  [
    "migrateUserFromExternalSource",
    keep(
      "migrated",
      (r) => r.userId,
      (s) =>
        s.migrateUserFromExternalSource({
          email: "legacy@example.com",
          emailConfirmed: true,
          existingUserId: "legacy-7",
          firstName: "Leg",
        }),
    ),
  ],
  ["migrateUserFromExternalSource invalid", (s) => s.migrateUserFromExternalSource({ email: "", emailConfirmed: true })],
  [
    "migrateUserPassword",
    (s, c) => s.migrateUserPassword({ userId: c.migrated, passwordHash: "$2b$12$abcdefghijklmnopqrstuuYk1o6dD0u3i4m5n6o7p8q9r0s1t2u3" }),
  ],
  ["migrateUserPassword not a uuid", (s) => s.migrateUserPassword({ userId: "x", passwordHash: "h" })],
  ["disableUser", (s, c) => s.disableUser(c.migrated)],
  ["enableUser", (s, c) => s.enableUser(c.migrated)],
  ["disableUser unknown", (s) => s.disableUser(UNKNOWN_ID)],
  ["enableUser not a uuid", (s) => s.enableUser("x")],
  ["disableUser2fa", (s, c) => s.disableUser2fa(c.ada)],
  ["resendEmailConfirmation (confirmed already)", (s, c) => s.resendEmailConfirmation(c.ada)],
  ["resendEmailConfirmation unknown", (s) => s.resendEmailConfirmation(UNKNOWN_ID)],
  ["enableUserCanCreateOrgs", (s, c) => s.enableUserCanCreateOrgs(c.ada)],
  ["disableUserCanCreateOrgs", (s, c) => s.disableUserCanCreateOrgs(c.ada)],
  ["logoutAllUserSessions", (s, c) => s.logoutAllUserSessions(c.ada)],
  ["logoutAllUserSessions not a uuid", (s) => s.logoutAllUserSessions("x")],
  ["fetchUserSignupQueryParams", (s, c) => s.fetchUserSignupQueryParams(c.ada)],
  ["fetchUserSignupQueryParams not a uuid", (s) => s.fetchUserSignupQueryParams("x")],
  [
    "fetchUserOAuthTokens",
    async (s, c, side) => {
      await admin(side, "PUT", `/users/${c.ada}/oauth_tokens/google`, { access_token: "ya29.token", refresh_token: "1//refresh" });
      return s.fetchUserOAuthTokens(c.ada);
    },
  ],
  ["fetchUserOAuthTokens not a uuid", (s) => s.fetchUserOAuthTokens("x")],
  ["fetchFreshTokenFromProvider", (s, c) => s.fetchFreshTokenFromProvider(c.ada, "google")],
  ["fetchFreshTokenFromProvider no token", (s, c) => s.fetchFreshTokenFromProvider(c.bob, "github")],
];

export const ORG_STEPS: Step[] = [
  [
    "createOrg acme",
    keep(
      "acme",
      (r) => r.orgId,
      (s) => s.createOrg({ name: "Acme", domain: "acme.com", maxUsers: 50 }),
    ),
  ],
  [
    "createOrg beta (multi-role)",
    keep(
      "beta",
      (r) => r.orgId,
      (s) => s.createOrg({ name: "Beta Team", customRoleMappingName: "Agency roles" }),
    ),
  ],
  [
    "createOrg gamma",
    keep(
      "gamma",
      (r) => r.orgId,
      (s) => s.createOrg({ name: "Gamma", legacyOrgId: "legacy-gamma" }),
    ),
  ],
  ["createOrg invalid", (s) => s.createOrg({ name: "" })],
  ["addUserToOrg ada owner", (s, c) => s.addUserToOrg({ userId: c.ada, orgId: c.acme, role: "Owner" })],
  ["addUserToOrg bob member", (s, c) => s.addUserToOrg({ userId: c.bob, orgId: c.acme, role: "Member" })],
  [
    "addUserToOrg ada editor+viewer in beta",
    (s, c) => s.addUserToOrg({ userId: c.ada, orgId: c.beta, role: "Editor", additionalRoles: ["Viewer"] }),
  ],
  ["addUserToOrg unknown role", (s, c) => s.addUserToOrg({ userId: c.carol, orgId: c.acme, role: "Emperor" })],
  ["addUserToOrg unknown org", (s, c) => s.addUserToOrg({ userId: c.carol, orgId: UNKNOWN_ID, role: "Member" })],
  ["fetchOrg", (s, c) => s.fetchOrg(c.acme)],
  ["fetchOrg not a uuid", (s) => s.fetchOrg("x")],
  ["fetchOrg unknown", (s) => s.fetchOrg(UNKNOWN_ID)],
  ["fetchOrgByQuery", (s) => s.fetchOrgByQuery({ name: "a", pageSize: 10, orderBy: "CREATED_AT_ASC" })],
  ["fetchOrgByQuery by domain", (s) => s.fetchOrgByQuery({ domain: "acme.com" })],
  ["fetchOrgByQuery page too large", (s) => s.fetchOrgByQuery({ pageSize: 5000 })],
  ["fetchCustomRoleMappings", (s) => s.fetchCustomRoleMappings()],
  ["fetchUsersInOrg", (s, c) => s.fetchUsersInOrg({ orgId: c.acme, includeOrgs: true })],
  ["fetchUsersInOrg by role", (s, c) => s.fetchUsersInOrg({ orgId: c.acme, role: "Owner" })],
  ["fetchUsersInOrg not a uuid", (s) => s.fetchUsersInOrg({ orgId: "x", pageSize: 5, pageNumber: 2 })],
  ["changeUserRoleInOrg", (s, c) => s.changeUserRoleInOrg({ userId: c.bob, orgId: c.acme, role: "Admin" })],
  ["changeUserRoleInOrg back", (s, c) => s.changeUserRoleInOrg({ userId: c.bob, orgId: c.acme, role: "Member" })],
  ["changeUserRoleInOrg not a member", (s, c) => s.changeUserRoleInOrg({ userId: c.carol, orgId: c.acme, role: "Admin" })],
  ["updateOrg", (s, c) => s.updateOrg({ orgId: c.acme, metadata: { tier_name: "gold" }, maxUsers: 100, canSetupSaml: true })],
  ["updateOrg not a uuid", (s) => s.updateOrg({ orgId: "x", name: "X" })],
  ["updateOrg unknown", (s) => s.updateOrg({ orgId: UNKNOWN_ID, name: "X" })],
  ["subscribeOrgToRoleMapping", (s, c) => s.subscribeOrgToRoleMapping(c.gamma, "Enterprise roles")],
  ["subscribeOrgToRoleMapping unknown mapping", (s, c) => s.subscribeOrgToRoleMapping(c.gamma, "No such mapping")],
  ["inviteUserToOrg", (s, c) => s.inviteUserToOrg({ orgId: c.acme, email: "dave@example.com", role: "Member" })],
  ["inviteUserToOrg unknown role", (s, c) => s.inviteUserToOrg({ orgId: c.acme, email: "erin@example.com", role: "Emperor" })],
  ["inviteUserToOrgByUserId", (s, c) => s.inviteUserToOrgByUserId({ orgId: c.gamma, userId: c.carol, role: "Member" })],
  ["fetchPendingInvites", (s, c) => s.fetchPendingInvites({ orgId: c.acme, pageSize: 10 })],
  ["fetchPendingInvites all", (s) => s.fetchPendingInvites()],
  ["revokePendingOrgInvite", (s, c) => s.revokePendingOrgInvite({ orgId: c.acme, inviteeEmail: "dave@example.com" })],
  ["revokePendingOrgInvite again", (s, c) => s.revokePendingOrgInvite({ orgId: c.acme, inviteeEmail: "dave@example.com" })],
  ["allowOrgToSetupSamlConnection", (s, c) => s.allowOrgToSetupSamlConnection(c.gamma)],
  ["createOrgSamlConnectionLink", (s, c) => s.createOrgSamlConnectionLink(c.gamma, 3600)],
  ["createOrgSamlConnectionLink not a uuid", (s) => s.createOrgSamlConnectionLink("x")],
  ["createOrgSamlConnectionLink unknown", (s) => s.createOrgSamlConnectionLink(UNKNOWN_ID)],
  ["fetchSamlSpMetadata", (s, c) => s.fetchSamlSpMetadata(c.gamma)],
  [
    "setSamlIdpMetadata",
    (s, c) =>
      s.setSamlIdpMetadata(c.gamma, {
        idpEntityId: "https://idp.example.com/entity",
        idpSsoUrl: "https://idp.example.com/sso",
        idpCertificate: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        provider: "Okta",
      }),
  ],
  ["samlGoLive", (s, c) => s.samlGoLive(c.gamma)],
  ["samlGoLive not a uuid", (s) => s.samlGoLive("x")],
  ["deleteSamlConnection", (s, c) => s.deleteSamlConnection(c.gamma)],
  [
    "setOidcIdpMetadata",
    (s, c) =>
      s.setOidcIdpMetadata({
        orgId: c.gamma,
        idpType: "Okta",
        clientId: "cid",
        clientSecret: "secret",
        usesPkce: true,
        oktaSsoDomain: "acme.okta.com",
      }),
  ],
  ["disallowOrgToSetupSamlConnection", (s, c) => s.disallowOrgToSetupSamlConnection(c.gamma)],
  [
    "fetchOrgScimGroups",
    async (s, c, side) => {
      const group = await admin(side, "POST", `/orgs/${c.acme}/scim_groups`, { display_name: "Engineering", user_ids: [c.ada] });
      c.group = group.group_id;
      return s.fetchOrgScimGroups({ orgId: c.acme, pageSize: 10 });
    },
  ],
  ["fetchOrgScimGroups unknown org", (s) => s.fetchOrgScimGroups({ orgId: UNKNOWN_ID })],
  ["fetchScimGroup", (s, c) => s.fetchScimGroup({ orgId: c.acme, groupId: c.group, membersPageSize: 10 })],
  ["fetchScimGroup unknown", (s, c) => s.fetchScimGroup({ orgId: c.acme, groupId: UNKNOWN_ID })],
  ["removeUserFromOrg not a member", (s, c) => s.removeUserFromOrg({ userId: c.carol, orgId: c.acme })],
  ["deleteOrg", (s, c) => s.deleteOrg(c.gamma)],
  ["deleteOrg again", (s, c) => s.deleteOrg(c.gamma)],
  ["deleteOrg not a uuid", (s) => s.deleteOrg("x")],
];

export const API_KEY_STEPS: Step[] = [
  [
    "createApiKey org",
    keep(
      "orgKey",
      (r) => r,
      (s, c) => s.createApiKey({ orgId: c.acme, userId: c.ada, metadata: { plan_name: "pro" }, displayName: "CI" }),
    ),
  ],
  [
    "createApiKey personal",
    keep(
      "personalKey",
      (r) => r,
      (s, c) => s.createApiKey({ userId: c.bob, expiresAtSeconds: 4102444800 }),
    ),
  ],
  ["createApiKey invalid", (s) => s.createApiKey({ orgId: UNKNOWN_ID })],
  ["fetchApiKey", (s, c) => s.fetchApiKey(c.orgKey.apiKeyId)],
  ["fetchApiKey unknown", (s) => s.fetchApiKey(UNKNOWN_KEY)],
  ["fetchCurrentApiKeys", (s, c) => s.fetchCurrentApiKeys({ orgId: c.acme })],
  ["fetchCurrentApiKeys by user", (s, c) => s.fetchCurrentApiKeys({ userId: c.bob, pageSize: 5 })],
  ["updateApiKey", (s, c) => s.updateApiKey(c.orgKey.apiKeyId, { metadata: { plan_name: "team" } })],
  ["updateApiKey unknown", (s) => s.updateApiKey(UNKNOWN_KEY, { setToNeverExpire: true })],
  ["validateApiKey", (s, c) => s.validateApiKey(c.orgKey.apiKeyToken)],
  ["validateApiKey with Bearer", (s, c) => s.validateApiKey(`Bearer ${c.personalKey.apiKeyToken}`)],
  ["validateApiKey invalid", (s) => s.validateApiKey("not-a-key")],
  ["validateOrgApiKey", (s, c) => s.validateOrgApiKey(c.orgKey.apiKeyToken)],
  ["validateOrgApiKey personal key", (s, c) => s.validateOrgApiKey(c.personalKey.apiKeyToken)],
  ["validatePersonalApiKey", (s, c) => s.validatePersonalApiKey(c.personalKey.apiKeyToken)],
  ["validatePersonalApiKey org key", (s, c) => s.validatePersonalApiKey(c.orgKey.apiKeyToken)],
  [
    "validateApiKey rate limited",
    async (s, c, side) => {
      await admin(side, "PUT", `/api_keys/${c.personalKey.apiKeyId}/rate_limit`, { limit: 1, window_seconds: 3600 });
      await s.validateApiKey(c.personalKey.apiKeyToken).catch(() => undefined);
      return s.validateApiKey(c.personalKey.apiKeyToken);
    },
  ],
  ["fetchApiKeyUsage", (s, c) => s.fetchApiKeyUsage({ date: new Date().toISOString().slice(0, 10), orgId: c.acme })],
  ["fetchApiKeyUsage invalid date", (s) => s.fetchApiKeyUsage({ date: "yesterday" })],
  ["importApiKey", (s, c) => s.importApiKey({ importedApiKey: "legacy-key-123456", orgId: c.acme, metadata: { from: "v1" } })],
  ["validateImportedApiKey", (s) => s.validateImportedApiKey("legacy-key-123456")],
  ["validateImportedApiKey unknown", (s) => s.validateImportedApiKey("legacy-key-000000")],
  ["deleteApiKey", (s, c) => s.deleteApiKey(c.orgKey.apiKeyId)],
  ["deleteApiKey again", (s, c) => s.deleteApiKey(c.orgKey.apiKeyId)],
  ["fetchArchivedApiKeys", (s, c) => s.fetchArchivedApiKeys({ orgId: c.acme })],
];

export const MFA_AND_MORE_STEPS: Step[] = [
  [
    "fetchUserMfaMethods",
    async (s, c, side) => {
      await admin(side, "PUT", `/users/${c.ada}/mfa_phones`, { phone_numbers: ["+15555550123"] });
      const methods = await s.fetchUserMfaMethods(c.ada);
      c.phone = methods?.mfaSetup?.phoneNumbers?.[0]?.mfaPhoneId;
      return methods;
    },
  ],
  ["fetchUserMfaMethods not a uuid", (s) => s.fetchUserMfaMethods("x")],
  [
    "sendSmsMfaCode",
    keep(
      "challenge",
      (r) => r.challengeId,
      (s, c) =>
        s.sendSmsMfaCode({ actionType: "wire", userId: c.ada, mfaPhoneId: c.phone, grantType: "ONE_TIME_USE", validForSeconds: 60 }),
    ),
  ],
  [
    "sendSmsMfaCode unknown phone",
    (s, c) =>
      s.sendSmsMfaCode({ actionType: "wire", userId: c.ada, mfaPhoneId: UNKNOWN_ID, grantType: "ONE_TIME_USE", validForSeconds: 60 }),
  ],
  ["verifySmsChallenge wrong code", (s, c) => s.verifySmsChallenge({ challengeId: c.challenge, userId: c.ada, code: "000000" })],
  [
    "verifySmsChallenge",
    async (s, c, side) => {
      const outbox = await admin(side, "GET", "/outbox");
      const sms = JSON.stringify(outbox).match(/\b\d{6}\b/g) ?? [];
      const result = await s.verifySmsChallenge({ challengeId: c.challenge, userId: c.ada, code: sms[sms.length - 1] });
      c.grant = result.stepUpGrant;
      return result;
    },
  ],
  ["verifyStepUpGrant", (s, c) => s.verifyStepUpGrant({ actionType: "wire", userId: c.ada, grant: c.grant })],
  ["verifyStepUpGrant used up", (s, c) => s.verifyStepUpGrant({ actionType: "wire", userId: c.ada, grant: c.grant })],
  [
    "verifyStepUpTotpChallenge no authenticator",
    (s, c) =>
      s.verifyStepUpTotpChallenge({ actionType: "wire", userId: c.bob, code: "123456", grantType: "TIME_BASED", validForSeconds: 60 }),
  ],
  [
    "verifyStepUpTotpChallenge unknown user",
    (s) =>
      s.verifyStepUpTotpChallenge({ actionType: "wire", userId: UNKNOWN_ID, code: "123456", grantType: "TIME_BASED", validForSeconds: 60 }),
  ],
  [
    "fetchEmployeeById",
    async (s, _c, side) => {
      const employee = await admin(side, "POST", "/employees", {
        email: "staff@propelauth.example",
        employee_id: "11111111-2222-4333-8444-555555555555",
      });
      return s.fetchEmployeeById(employee.employee_id);
    },
  ],
  ["fetchEmployeeById unknown", (s) => s.fetchEmployeeById(UNKNOWN_ID)],
  ["fetchEmployeeById not a uuid (throws synchronously)", (s) => s.fetchEmployeeById("x")],
  ["fetchUserTopInviterReport", (s) => s.fetchUserTopInviterReport("30", { pageSize: 5 })],
  ["fetchUserChampionReport", (s) => s.fetchUserChampionReport()],
  ["fetchUserReengagementReport", (s) => s.fetchUserReengagementReport("Weekly")],
  ["fetchUserChurnReport", (s) => s.fetchUserChurnReport("7", { pageNumber: 1 })],
  ["fetchOrgReengagementReport", (s) => s.fetchOrgReengagementReport("Monthly")],
  ["fetchOrgChurnReport", (s) => s.fetchOrgChurnReport()],
  ["fetchOrgGrowthReport", (s) => s.fetchOrgGrowthReport("90")],
  ["fetchOrgAttritionReport", (s) => s.fetchOrgAttritionReport("60")],
  [
    "fetchChartMetricData",
    (s) => s.fetchChartMetricData("signups", "Daily", new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 8))),
  ],
  ["fetchChartMetricData invalid", (s) => s.fetchChartMetricData("no_such_metric", "Daily")],
];

/** Tokens for the validation steps, minted on each side (a step too: its answer is compared). */
export const TOKEN_STEPS: Step[] = [
  [
    "createAccessToken ada",
    keep(
      "tokAda",
      (r) => r.access_token,
      (s, c) => s.createAccessToken({ userId: c.ada, durationInMinutes: 10 }),
    ),
  ],
  [
    "createAccessToken ada, active org",
    keep(
      "tokActive",
      (r) => r.access_token,
      (s, c) => s.createAccessToken({ userId: c.ada, durationInMinutes: 10, activeOrgId: c.acme }),
    ),
  ],
  [
    "createAccessToken bob",
    keep(
      "tokBob",
      (r) => r.access_token,
      (s, c) => s.createAccessToken({ userId: c.bob, durationInMinutes: 10 }),
    ),
  ],
  [
    "createAccessToken carol",
    keep(
      "tokCarol",
      (r) => r.access_token,
      (s, c) => s.createAccessToken({ userId: c.carol, durationInMinutes: 1 }),
    ),
  ],
];

const v = "validateAccessTokenAndGetUser";
const withOrg = "validateAccessTokenAndGetUserWithOrgInfo";

/** Every validator with every header form and token outcome. */
export function validationSteps(): Step[] {
  const header = (c: Record<string, string>, kind: string): string | undefined => {
    const t = c.tokAda as string;
    const forms: Record<string, string | undefined> = {
      valid: `Bearer ${t}`,
      "lower-case bearer": `bearer ${t}`,
      missing: undefined,
      empty: "",
      "bare token": t,
      "Bearer only": "Bearer",
      "two spaces": `Bearer  ${t}`,
      "other scheme": `Token ${t}`,
      "three parts": `Bearer ${t} extra`,
      "not a JWT": "Bearer not-a-jwt",
      "three dots of junk": "Bearer a.b.c",
      "tampered signature": `Bearer ${tamperSignature(t)}`,
      "tampered payload": `Bearer ${tamperPayload(t, { email: "mallory@example.com" })}`,
      "alg none": `Bearer ${algNone(t)}`,
    };
    return forms[kind];
  };
  const kinds = [
    "valid",
    "lower-case bearer",
    "missing",
    "empty",
    "bare token",
    "Bearer only",
    "two spaces",
    "other scheme",
    "three parts",
    "not a JWT",
    "three dots of junk",
    "tampered signature",
    "tampered payload",
    "alg none",
  ];
  const steps: Step[] = [];
  for (const kind of kinds) {
    steps.push([`${v} ${kind}`, (s, c) => s.validateAccessTokenAndGetUser(header(c, kind))]);
    steps.push([`${v}UserClass ${kind}`, (s, c) => s.validateAccessTokenAndGetUserClass(header(c, kind))]);
    steps.push([`${withOrg} ${kind}`, (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(header(c, kind), { orgId: c.acme })]);
  }
  steps.push(
    [
      "HS256 signed with the verifier key",
      async (s, c, side) => {
        const pem = (
          await (
            await fetch(new URL("/api/v1/token_verification_metadata", side.emu.url), {
              headers: { authorization: `Bearer ${side.emu.keys["full-access"].token}` },
            })
          ).json()
        ).verifier_key_pem;
        return s.validateAccessTokenAndGetUser(`Bearer ${await hs256WithPublicKey(c.tokAda, pem)}`);
      },
    ],
    ["UserClass helpers", async (s, c) => userClassView(await s.validateAccessTokenAndGetUserClass(`Bearer ${c.tokActive}`), c)],
    ["UserClass helpers, all orgs", async (s, c) => userClassView(await s.validateAccessTokenAndGetUserClass(c.tokAda), c)],
    ["active org token", (s, c) => s.validateAccessTokenAndGetUser(`Bearer ${c.tokActive}`)],
    ["active org token, other org", (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${c.tokActive}`, { orgId: c.beta })],
    ["by org name", (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${c.tokAda}`, { orgName: "Beta Team" })],
    ["by url-safe org name", (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${c.tokAda}`, { orgName: "beta-team" })],
    [
      "by id and wrong name",
      (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${c.tokAda}`, { orgId: c.acme, orgName: "Beta Team" }),
    ],
    [
      "by id and right name",
      (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${c.tokAda}`, { orgId: c.acme, orgName: "Acme" }),
    ],
    ["no org given", (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${c.tokAda}`, {})],
    ["not in the org", (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${c.tokCarol}`, { orgId: c.acme })],
    ["user without orgs, by name", (s, c) => s.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${c.tokCarol}`, { orgName: "Acme" })],
  );
  const roleCases: [string, string, string, string, unknown][] = [
    // [name, token, org, function suffix, argument]
    ["owner, minimum Admin", "tokAda", "acme", "WithMinimumRole", "Admin"],
    ["owner, minimum Owner", "tokAda", "acme", "WithMinimumRole", "Owner"],
    ["member, minimum Admin", "tokBob", "acme", "WithMinimumRole", "Admin"],
    ["member, minimum Member", "tokBob", "acme", "WithMinimumRole", "Member"],
    ["owner, exact Owner", "tokAda", "acme", "WithExactRole", "Owner"],
    ["owner, exact Admin", "tokAda", "acme", "WithExactRole", "Admin"],
    ["multi-role, exact additional Viewer", "tokAda", "beta", "WithExactRole", "Viewer"],
    ["multi-role, minimum Viewer", "tokAda", "beta", "WithMinimumRole", "Viewer"],
    ["multi-role, minimum Agency Admin", "tokAda", "beta", "WithMinimumRole", "Agency Admin"],
    ["owner, permission billing::manage", "tokAda", "acme", "WithPermission", "billing::manage"],
    ["member, permission reports::read", "tokBob", "acme", "WithPermission", "reports::read"],
    ["owner, all of two permissions", "tokAda", "acme", "WithAllPermissions", ["reports::read", "propelauth::can_invite"]],
    ["member, all of two permissions", "tokBob", "acme", "WithAllPermissions", ["reports::read", "propelauth::can_invite"]],
    ["owner, no permissions asked", "tokAda", "acme", "WithAllPermissions", []],
    ["not in the org, minimum Member", "tokCarol", "acme", "WithMinimumRole", "Member"],
    ["not in the org, exact Member", "tokCarol", "acme", "WithExactRole", "Member"],
    ["not in the org, permission", "tokCarol", "acme", "WithPermission", "reports::read"],
    ["not in the org, all permissions", "tokCarol", "acme", "WithAllPermissions", ["reports::read"]],
    ["active org token, minimum Admin", "tokActive", "acme", "WithMinimumRole", "Admin"],
    ["bad token, minimum Admin", "bad", "acme", "WithMinimumRole", "Admin"],
  ];
  for (const [name, token, org, suffix, arg] of roleCases)
    steps.push([
      `${withOrg}${suffix} ${name}`,
      (s, c) => s[`${withOrg}${suffix}`](`Bearer ${token === "bad" ? "x.y.z" : c[token]}`, { orgId: c[org] }, arg),
    ]);
  return steps;
}

/** What a UserClass answers, method by method. */
// biome-ignore lint/suspicious/noExplicitAny: either SDK's UserClass
function userClassView(u: any, c: Record<string, string>) {
  return {
    user: u,
    activeOrg: u.getActiveOrg(),
    activeOrgId: u.getActiveOrgId(),
    org: u.getOrg(c.acme as string),
    orgByName: u.getOrgByName("beta team"),
    property: u.getUserProperty("favorite_color"),
    missingProperty: u.getUserProperty("nope"),
    orgs: u.getOrgs(),
    impersonating: u.isImpersonating(),
    isRole: u.isRole(c.acme, "Owner"),
    isAtLeastRole: u.isAtLeastRole(c.acme, "Member"),
    hasPermission: u.hasPermission(c.acme, "billing::manage"),
    hasAllPermissions: u.hasAllPermissions(c.acme, ["billing::manage", "nope"]),
    fromUser: u.constructor.fromUser(u).userId,
    memberGetters: u.getOrgs().map((o: Sdk) => [o.assignedRole, o.permissions, o.inheritedRolesPlusCurrentRole]),
    memberFromJSON: u.getOrgs().map((o: Sdk) => o.constructor.fromJSON(JSON.stringify(o))),
  };
}

export const CLEANUP_STEPS: Step[] = [
  ["deleteUser", (s, c) => s.deleteUser(c.carol)],
  ["deleteUser again", (s, c) => s.deleteUser(c.carol)],
  ["deleteUser not a uuid", (s) => s.deleteUser("x")],
  ["fetchUserMetadataByUserId deleted", (s, c) => s.fetchUserMetadataByUserId(c.carol)],
];
