// What each described parameter does that can be seen: the two values to send (by default two of
// its type, or for a known name two entities of the world: see defaultValues) and whether the
// answer or the stored state tells them apart.
import { EXAMPLE } from "../world.js";
import type { Described } from "./described.js";
import { ABSENT, type Prepare, type Request, type Rich } from "./observe.js";
import { login, ok, smsCode, totp } from "./setups.js";

export interface Entry {
  /** What differs between the two values: the answer (status and body), the stored rows, or either. */
  effect: "answer" | "state" | "either";
  /** The two values (a function reads the world); defaultValues(parameter) when not given. */
  values?: [unknown, unknown];
  prepare?: Prepare;
  /** The second value is refused: the 4xx shows that the parameter is read and checked. */
  refusesSecond?: boolean;
  /** Enum values that mean the same. */
  aliases?: unknown[][];
}

type Value = unknown | ((w: Rich) => unknown);
const pair = (a: (w: Rich) => unknown, b: (w: Rich) => unknown): [Value, Value] => [a, b];

/** Two values for a parameter of this name: two entities of the world, or two of its type. */
export function defaultValues(p: Described): [Value, Value] {
  const byName: Record<string, [Value, Value]> = {
    user_id: pair(
      (w) => w.userId,
      (w) => w.otherUserId,
    ),
    user_ids: pair(
      (w) => [w.userId],
      (w) => [w.otherUserId],
    ),
    org_id: pair(
      (w) => w.orgId,
      (w) => w.org2Id,
    ),
    active_org_id: pair(
      (w) => w.orgId,
      (w) => w.org2Id,
    ),
    api_key_id: pair(
      (w) => w.apiKeyId,
      (w) => w.personalKeyId,
    ),
    email: ["ada@example.com", "grace.hopper@example.com"],
    user_email: ["ada@example.com", "grace.hopper@example.com"],
    emails: [["ada@example.com"], ["grace.hopper@example.com"]],
    username: ["ada", "grace"],
    usernames: [["ada"], ["grace"]],
    email_or_username: ["ada", "grace"],
    new_email: ["new.a@example.com", "new.b@example.com"],
    invitee_email: ["grace@example.com", "alan@example.com"],
    role: ["Admin", "Member"],
    page_size: [1, 2],
    page_number: [0, 1],
    members_page_size: [1, 2],
    members_page_number: [0, 1],
    legacy_user_id: ["usr_0193", "usr_other"],
    legacy_org_id: ["org_globex", "org_other"],
    domain: ["globex.com", "acme.com"],
    name: ["Globex", "Acme"],
  };
  if (byName[p.name]) return byName[p.name]!;
  switch (p.type) {
    case "boolean":
      return [true, false];
    case "integer":
    case "number":
      return [3600, 7200];
    case "array":
      return [["alpha"], ["beta"]];
    case "object":
      return [{ note: "alpha" }, { note: "beta" }];
    default:
      return ["alpha", "beta"];
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the example bodies are plain JSON objects
const body = (r: Request) => r.body as Record<string, any>;
/** Sets another body field (or query parameter) that the value's effect needs. */
const set =
  (name: string, value: unknown, place: "body" | "query" = "body"): Prepare =>
  (r) => {
    (place === "body" ? body(r) : r.query)[name] = value;
  };
const NO_ONE = "00000000-0000-4000-8000-000000000000";
const CERT = (b64: string) => `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----`;
const inDays = (days: number) => (w: Rich) => w.h.emu.project.now() + days * 86400;
const today = (w: Rich) => new Date(w.h.emu.project.now() * 1000).toISOString().slice(0, 10);
const op = (w: Rich, id: string, call: { body?: unknown; params?: Record<string, string> }) =>
  ok(w.h.op(id, call.params ?? {}, { body: call.body }));

const disableBoth: Prepare = async (_r, w) => {
  for (const user_id of [w.userId, w.otherUserId]) await op(w, "disableUser", { params: { user_id } });
};
const canCreateOrgsBoth: Prepare = async (_r, w) => {
  for (const user_id of [w.userId, w.otherUserId]) await op(w, "enableUserCanCreateOrgs", { params: { user_id } });
};
/** An email no user has. */
const newcomer: Prepare = (r) => {
  body(r).email = "newcomer@example.com";
  if (typeof body(r).create_new_user_if_one_doesnt_exist !== "boolean" || body(r).user_signup_query_parameters)
    body(r).create_new_user_if_one_doesnt_exist = true;
};
/** The value names whose session's refresh token to send. */
const sessionOf: Prepare = async (r, w, email) => {
  body(r).refresh_token = await login(w, String(email));
};
const noNameFilter: Prepare = (r) => void delete body(r).name;
/** An organization created last whose name sorts first, so that each ordering differs. */
const laterOrg: Prepare = async (r, w) => {
  if (r.body) delete body(r).name;
  await op(w, "createOrg", { body: { name: "Aardvark" } });
};
/** Four users whose creation, last activity, email and username orders all differ. */
const fourUsers: Prepare = async (_r, w) => {
  await op(w, "createUser", { body: { email: "bob@example.com", username: "zed" } });
  await op(w, "createUser", { body: { email: "carl@example.com", username: "bart" } });
  for (const email of ["grace.hopper@example.com", "carl@example.com", "ada@example.com", "bob@example.com"]) {
    await ok(w.h.admin("POST", "/clock", { advance_seconds: 60 }));
    await login(w, email);
  }
};
const importTaken: Prepare = async (_r, w) => {
  await op(w, "importApiKey", { body: { imported_api_key: "taken-key", user_id: w.userId } });
};
const currentTotp: Prepare = async (r, w, value) => {
  if (value === "current") body(r).code = await totp(w);
};
const currentSms: Prepare = async (r, w, value) => {
  if (value === "current") body(r).code = await smsCode(w);
};
const currentGrant: Prepare = (r, w, value) => {
  if (value === "current") body(r).grant = w.stash.grant;
};
const socialToken: Prepare = async (_r, w, provider) => {
  await ok(w.h.admin("PUT", `/users/${w.userId}/oauth_tokens/${provider}`, { access_token: `${provider}-token`, refresh_token: "r" }));
};
const leaveGlobex: Prepare = async (_r, w) => {
  await op(w, "removeUserFromOrg", { body: { user_id: w.otherUserId, org_id: w.org2Id } });
};
const singleRole: Prepare = (r) => {
  body(r).additional_roles = [];
};
/** An organization with multi-role roles (Agency roles), the first user an Editor in it. */
const agency: Prepare = async (r, w) => {
  const org = await op(w, "createOrg", { body: { name: "Agency", custom_role_mapping_name: "Agency roles" } });
  await op(w, "addUserToOrg", { body: { user_id: w.userId, org_id: org.org_id, role: "Editor", additional_roles: [] } });
  Object.assign(body(r), { org_id: org.org_id, role: "Viewer" });
};
const agencyMember: Prepare = async (r, w, value) => {
  await agency(r, w, value);
  body(r).user_id = w.userId;
};
const withExpiry: Prepare = async (_r, w) => {
  await op(w, "updateApiKey", { params: { api_key_id: w.apiKeyId }, body: { expires_at_seconds: w.h.emu.project.now() + 86400 } });
};
const inviteAlan: Prepare = async (_r, w) => {
  await op(w, "inviteUserToOrg", { body: { email: "alan@example.com", org_id: w.orgId, role: "Member", additional_roles: [] } });
};
const twoMembers: Prepare = async (r, w) => {
  await op(w, "addUserToOrg", { body: { user_id: w.otherUserId, org_id: w.orgId, role: "Member", additional_roles: [] } });
  const group = await ok(w.h.admin("POST", `/orgs/${w.orgId}/scim_groups`, { display_name: "Both", user_ids: [w.userId, w.otherUserId] }));
  r.params.group_id = group.group_id;
};
/** Moves the emulator's clock to `days` before the run's start. */
async function daysAgo(w: Rich, days: number) {
  const offset = (w.stash.offset as number | undefined) ?? 0;
  await ok(w.h.admin("POST", "/clock", { advance_seconds: -days * 86400 - offset }));
  w.stash.offset = -days * 86400;
}

/**
 * A hundred days of history in which each report window holds different users and organizations:
 * users created, logging in, joining and leaving organizations at chosen days (see the insights
 * handler for what each report counts).
 */
const history: Prepare = async (_r, w) => {
  const user = async (email: string) => (await op(w, "createUser", { body: { email } })).user_id as string;
  const org = async (name: string) => (await op(w, "createOrg", { body: { name } })).org_id as string;
  const join = (user_id: string, org_id: string) =>
    op(w, "addUserToOrg", { body: { user_id, org_id, role: "Member", additional_roles: [] } });
  const at = async (days: number, step: () => Promise<unknown>) => {
    await daysAgo(w, days);
    await step();
  };
  let old1 = "";
  let back = "";
  let mid = "";
  let recent = "";
  let quiet = "";
  let oldco = "";
  let midco = "";
  await at(100, async () => {
    [old1, back, quiet, oldco] = [await user("old1@example.com"), await user("back@example.com"), await org("Quietco"), await org("Oldco")];
    await join(old1, quiet);
  });
  await at(80, () => login(w, "old1@example.com"));
  await at(70, () => join(back, oldco));
  await at(55, async () => {
    [mid, midco] = [await user("mid@example.com"), await org("Midco")];
    await join(mid, midco);
    await join(mid, oldco);
  });
  await at(45, async () => {
    recent = await user("recent@example.com");
    await join(recent, oldco);
  });
  await at(40, () => login(w, "recent@example.com"));
  await at(25, () => login(w, "mid@example.com"));
  await at(20, () => op(w, "removeUserFromOrg", { body: { user_id: recent, org_id: oldco } }));
  await at(10, () => login(w, "grace.hopper@example.com"));
  await at(5, () => login(w, "back@example.com"));
  await at(3, () => login(w, "ada@example.com"));
  await daysAgo(w, 0);
};

/** A report that takes the interval. */
const reportFor =
  (keys: Record<string, string>): Prepare =>
  async (r, w, interval) => {
    await history(r, w, interval);
    r.params.report_key = keys[String(interval)]!;
  };
const userReportFor = reportFor({
  30: "champion",
  60: "champion",
  90: "champion",
  7: "churn",
  14: "churn",
  Weekly: "reengagement",
  Monthly: "reengagement",
});
const orgReportFor = reportFor({
  30: "growth",
  60: "growth",
  90: "growth",
  7: "churn",
  14: "churn",
  Weekly: "reengagement",
  Monthly: "reengagement",
});

/** Each variant with the fields it needs. */
const oidcVariant: Prepare = (r) => {
  const b = body(r);
  if (b.okta_sso_domain !== undefined) b.idp_type = "Okta";
  if (b.entra_tenant_id !== undefined) b.idp_type = "Azure";
  if (b.idp_type === "Okta" || b.idp_type === "Azure") for (const f of ["auth_url", "token_url", "userinfo_url"]) delete b[f];
  if (b.idp_type === "Okta") b.okta_sso_domain ??= "acme.okta.com";
  if (b.idp_type === "Azure") b.entra_tenant_id ??= "3f2a9c1e-0000-4000-8000-000000000000";
};

export const table: Record<string, Entry> = {
  "fetchUserById path:user_id": { effect: "answer" },
  "fetchUserById query:include_orgs": { effect: "answer" },
  "updateUserMetadata path:user_id": { effect: "state" },
  "updateUserMetadata body:username": { effect: "state", values: ["ada_2", "ada_3"] },
  "updateUserMetadata body:first_name": { effect: "state" },
  "updateUserMetadata body:last_name": { effect: "state" },
  "updateUserMetadata body:picture_url": { effect: "state" },
  "updateUserMetadata body:metadata": { effect: "state" },
  "updateUserMetadata body:properties": { effect: "state" },
  "updateUserMetadata body:update_password_required": { effect: "state" },
  "updateUserMetadata body:legacy_user_id": { effect: "state" },
  "deleteUser path:user_id": { effect: "state" },
  "fetchUserByEmail query:email": { effect: "answer" },
  "fetchUserByEmail query:include_orgs": { effect: "answer" },
  "fetchUserByUsername query:username": { effect: "answer" },
  "fetchUserByUsername query:include_orgs": { effect: "answer" },
  "fetchUsersByIds query:include_orgs": { effect: "answer" },
  "fetchUsersByIds body:user_ids": { effect: "answer" },
  "fetchUsersByEmails query:include_orgs": { effect: "answer" },
  "fetchUsersByEmails body:emails": { effect: "answer" },
  "fetchUsersByUsernames query:include_orgs": { effect: "answer" },
  "fetchUsersByUsernames body:usernames": { effect: "answer" },
  "queryUsers query:page_size": { effect: "answer" },
  "queryUsers query:page_number": { effect: "answer" },
  "queryUsers query:order_by": { effect: "answer", prepare: fourUsers },
  "queryUsers query:email_or_username": { effect: "answer" },
  "queryUsers query:legacy_user_id": { effect: "answer" },
  "queryUsers query:include_orgs": { effect: "answer" },
  "fetchUsersInOrg path:org_id": { effect: "answer" },
  "fetchUsersInOrg query:page_size": { effect: "answer" },
  "fetchUsersInOrg query:page_number": { effect: "answer" },
  "fetchUsersInOrg query:include_orgs": { effect: "answer" },
  "fetchUsersInOrg query:role": { effect: "answer" },
  "fetchUserSignupQueryParameters path:user_id": { effect: "answer", values: [(w: Rich) => w.userId, NO_ONE], refusesSecond: true },
  "createUser body:email": { effect: "state", values: ["new.a@example.com", "new.b@example.com"] },
  "createUser body:email_confirmed": { effect: "state" },
  "createUser body:send_email_to_confirm_email_address": { effect: "state", prepare: set("email_confirmed", false) },
  "createUser body:password": { effect: "state", values: ["long-enough-password", ABSENT] },
  "createUser body:ask_user_to_update_password_on_login": { effect: "state" },
  "createUser body:username": { effect: "state", values: ["new_a", "new_b"] },
  "createUser body:first_name": { effect: "state" },
  "createUser body:last_name": { effect: "state" },
  "createUser body:properties": { effect: "state" },
  "updateUserEmail path:user_id": { effect: "state" },
  "updateUserEmail body:new_email": { effect: "state" },
  "updateUserEmail body:require_email_confirmation": { effect: "state" },
  "updateUserPassword path:user_id": { effect: "state" },
  "updateUserPassword body:password": { effect: "answer", values: ["long-enough-password", "short"], refusesSecond: true },
  "updateUserPassword body:ask_user_to_update_password_on_login": { effect: "state" },
  "clearUserPassword path:user_id": { effect: "state" },
  "enableUserCanCreateOrgs path:user_id": { effect: "state" },
  "disableUserCanCreateOrgs path:user_id": { effect: "state", prepare: canCreateOrgsBoth },
  "disableUser path:user_id": { effect: "state" },
  "enableUser path:user_id": { effect: "state", prepare: disableBoth },
  "disableUser2fa path:user_id": { effect: "state" },
  "logoutAllUserSessions path:user_id": { effect: "state" },
  "resendEmailConfirmation body:user_id": {
    effect: "either",
    values: [(w: Rich) => w.otherUserId, (w: Rich) => w.userId],
    refusesSecond: true,
  },
  "createMagicLink body:email": { effect: "state" },
  "createMagicLink body:redirect_to_url": { effect: "state", values: ["https://a.example.com/", "https://b.example.com/"] },
  "createMagicLink body:expires_in_hours": { effect: "state", values: [24, 48] },
  "createMagicLink body:create_new_user_if_one_doesnt_exist": { effect: "state", prepare: newcomer, refusesSecond: true },
  "createMagicLink body:expire_after_first_use": { effect: "state" },
  "createMagicLink body:user_signup_query_parameters": {
    effect: "state",
    prepare: newcomer,
    values: [{ utm_source: "alpha" }, { utm_source: "beta" }],
  },
  "createAccessToken body:user_id": { effect: "answer", prepare: (r) => void delete body(r).active_org_id },
  "createAccessToken body:duration_in_minutes": { effect: "answer", values: [5, 600] },
  "createAccessToken body:active_org_id": { effect: "answer", values: [(w: Rich) => w.orgId, ABSENT] },
  "refreshSession query:with_active_org_support": {
    effect: "answer",
    prepare: (r, w) => set("active_org_id", w.orgId, "query")(r, w, undefined),
  },
  "refreshSession query:active_org_id": {
    effect: "answer",
    values: [(w: Rich) => w.orgId, ABSENT],
    prepare: set("with_active_org_support", true, "query"),
  },
  "refreshSession body:refresh_token": { effect: "answer", values: ["ada@example.com", "grace.hopper@example.com"], prepare: sessionOf },
  "logoutSession body:refresh_token": { effect: "state", values: ["ada@example.com", "grace.hopper@example.com"], prepare: sessionOf },
  "migrateUser body:email": { effect: "state", values: ["new.a@example.com", "new.b@example.com"] },
  "migrateUser body:email_confirmed": { effect: "state" },
  "migrateUser body:existing_user_id": { effect: "state" },
  "migrateUser body:existing_password_hash": { effect: "state" },
  "migrateUser body:existing_mfa_base32_encoded_secret": { effect: "state" },
  "migrateUser body:update_password_required": { effect: "state" },
  "migrateUser body:enabled": { effect: "state" },
  "migrateUser body:first_name": { effect: "state" },
  "migrateUser body:last_name": { effect: "state" },
  "migrateUser body:username": { effect: "state", values: ["new_a", "new_b"] },
  "migrateUser body:picture_url": { effect: "state" },
  "migrateUser body:properties": { effect: "state" },
  "migrateUserPassword body:user_id": { effect: "state" },
  "migrateUserPassword body:password_hash": { effect: "state" },
  "fetchUserMfaMethods path:user_id": { effect: "answer" },
  "verifyStepUpTotp body:action_type": { effect: "state" },
  "verifyStepUpTotp body:user_id": { effect: "answer", refusesSecond: true },
  "verifyStepUpTotp body:code": { effect: "answer", values: ["current", "000000"], prepare: currentTotp, refusesSecond: true },
  "verifyStepUpTotp body:grant_type": { effect: "state" },
  "verifyStepUpTotp body:valid_for_seconds": { effect: "state" },
  "verifyStepUpGrant body:action_type": { effect: "answer", values: ["DELETE_PROJECT", "EXPORT_DATA"], refusesSecond: true },
  "verifyStepUpGrant body:user_id": { effect: "answer", refusesSecond: true },
  "verifyStepUpGrant body:grant": {
    effect: "answer",
    values: ["current", "sug_000000000000000000000000000000000000000000000000"],
    prepare: currentGrant,
    refusesSecond: true,
  },
  "sendStepUpSmsCode body:action_type": { effect: "state" },
  "sendStepUpSmsCode body:user_id": { effect: "answer", values: [(w: Rich) => w.otherUserId, (w: Rich) => w.userId], refusesSecond: true },
  "sendStepUpSmsCode body:mfa_phone_id": { effect: "answer", values: [(w: Rich) => w.map[EXAMPLE.phoneId], NO_ONE], refusesSecond: true },
  "sendStepUpSmsCode body:grant_type": { effect: "state" },
  "sendStepUpSmsCode body:valid_for_seconds": { effect: "state" },
  "verifyStepUpSmsCode body:challenge_id": {
    effect: "answer",
    values: [(w: Rich) => w.map[EXAMPLE.challengeId], NO_ONE],
    refusesSecond: true,
  },
  "verifyStepUpSmsCode body:user_id": {
    effect: "answer",
    values: [(w: Rich) => w.otherUserId, (w: Rich) => w.userId],
    refusesSecond: true,
  },
  "verifyStepUpSmsCode body:code": { effect: "answer", values: ["current", "000000"], prepare: currentSms, refusesSecond: true },
  "fetchUserOAuthTokens path:user_id": { effect: "answer" },
  "fetchFreshOAuthToken path:user_id": { effect: "answer", refusesSecond: true },
  "fetchFreshOAuthToken path:provider": { effect: "answer", prepare: socialToken },
  "fetchEmployee path:employee_id": { effect: "answer", values: [EXAMPLE.employeeId, NO_ONE], refusesSecond: true },
  "fetchOrg path:org_id": { effect: "answer" },
  "updateOrg path:org_id": { effect: "state" },
  "updateOrg body:name": { effect: "state" },
  "updateOrg body:can_setup_saml": { effect: "state" },
  "updateOrg body:metadata": { effect: "state" },
  "updateOrg body:max_users": { effect: "state" },
  "updateOrg body:autojoin_by_domain": { effect: "state" },
  "updateOrg body:restrict_to_domain": { effect: "state" },
  "updateOrg body:domain": { effect: "state" },
  "updateOrg body:extra_domains": { effect: "state" },
  "updateOrg body:legacy_org_id": { effect: "state" },
  "updateOrg body:require_2fa_by": { effect: "state" },
  "updateOrg body:password_rotation_enabled": { effect: "state" },
  "updateOrg body:password_rotation_history_size": { effect: "state" },
  "updateOrg body:password_rotation_period": { effect: "state" },
  "updateOrg body:custom_role_mapping_name": { effect: "state", values: ["Enterprise roles", "Agency roles"] },
  "deleteOrg path:org_id": { effect: "state" },
  "queryOrgs query:page_size": { effect: "answer" },
  "queryOrgs query:page_number": { effect: "answer" },
  "queryOrgs query:order_by": { effect: "answer", prepare: laterOrg },
  "queryOrgs query:name": { effect: "answer" },
  "queryOrgs query:legacy_org_id": { effect: "answer" },
  "queryOrgs query:domain": { effect: "answer" },
  "queryOrgsByPost body:page_size": { effect: "answer", prepare: noNameFilter },
  "queryOrgsByPost body:page_number": { effect: "answer", prepare: noNameFilter },
  "queryOrgsByPost body:order_by": { effect: "answer", prepare: laterOrg },
  "queryOrgsByPost body:name": { effect: "answer" },
  "queryOrgsByPost body:legacy_org_id": { effect: "answer", prepare: noNameFilter },
  "queryOrgsByPost body:domain": { effect: "answer", prepare: noNameFilter },
  "createOrg body:name": { effect: "state" },
  "createOrg body:domain": { effect: "state" },
  "createOrg body:enable_auto_joining_by_domain": { effect: "state" },
  "createOrg body:members_must_have_matching_domain": { effect: "state" },
  "createOrg body:max_users": { effect: "state" },
  "createOrg body:custom_role_mapping_name": { effect: "state", values: ["Enterprise roles", "Agency roles"] },
  "createOrg body:legacy_org_id": { effect: "state" },
  "addUserToOrg body:user_id": {
    effect: "state",
    values: [(w: Rich) => w.otherUserId, (w: Rich) => w.userId],
    prepare: leaveGlobex,
    refusesSecond: true,
  },
  "addUserToOrg body:org_id": { effect: "state", prepare: leaveGlobex },
  "addUserToOrg body:role": { effect: "state", prepare: leaveGlobex },
  "addUserToOrg body:additional_roles": { effect: "state", values: [[], ["Viewer"]], prepare: agency },
  "removeUserFromOrg body:user_id": { effect: "state", refusesSecond: true },
  "removeUserFromOrg body:org_id": { effect: "state", refusesSecond: true },
  "changeUserRoleInOrg body:user_id": { effect: "state", prepare: singleRole, refusesSecond: true },
  "changeUserRoleInOrg body:org_id": { effect: "state", prepare: singleRole, refusesSecond: true },
  "changeUserRoleInOrg body:role": { effect: "state", prepare: singleRole },
  "changeUserRoleInOrg body:additional_roles": { effect: "state", values: [[], ["Viewer"]], prepare: agencyMember },
  "inviteUserToOrg body:email": { effect: "state", values: ["grace@example.com", "ada@example.com"], refusesSecond: true },
  "inviteUserToOrg body:org_id": { effect: "state" },
  "inviteUserToOrg body:role": { effect: "state" },
  "inviteUserToOrg body:additional_roles": { effect: "state", values: [[], ["Viewer"]], prepare: agency },
  "inviteUserToOrgByUserId body:user_id": {
    effect: "state",
    values: [(w: Rich) => w.otherUserId, (w: Rich) => w.userId],
    refusesSecond: true,
  },
  "inviteUserToOrgByUserId body:org_id": { effect: "state", refusesSecond: true },
  "inviteUserToOrgByUserId body:role": { effect: "state" },
  "inviteUserToOrgByUserId body:additional_roles": { effect: "state", values: [[], ["Viewer"]], prepare: agency },
  "fetchPendingInvites query:org_id": { effect: "answer", values: [(w: Rich) => w.orgId, (w: Rich) => w.org2Id], prepare: inviteAlan },
  "fetchPendingInvites query:page_size": { effect: "answer" },
  "fetchPendingInvites query:page_number": { effect: "answer" },
  "revokePendingInvite body:org_id": { effect: "state", refusesSecond: true },
  "revokePendingInvite body:invitee_email": { effect: "state" },
  "allowOrgToSetupSaml path:org_id": { effect: "state" },
  "disallowOrgToSetupSaml path:org_id": { effect: "state" },
  "createSamlConnectionLink path:org_id": { effect: "state", refusesSecond: true },
  "createSamlConnectionLink body:expires_in_seconds": { effect: "state", values: [86400 * 3, 86400 * 7] },
  "fetchSamlSpMetadata path:org_id": { effect: "answer" },
  "setSamlIdpMetadata body:org_id": { effect: "state" },
  "setSamlIdpMetadata body:idp_entity_id": { effect: "state", values: ["https://a.example.com/idp", "https://b.example.com/idp"] },
  "setSamlIdpMetadata body:idp_sso_url": { effect: "state", values: ["https://a.example.com/sso", "https://b.example.com/sso"] },
  "setSamlIdpMetadata body:idp_certificate": { effect: "state", values: [CERT("QUFB"), CERT("QkJC")] },
  "setSamlIdpMetadata body:provider": { effect: "state" },
  "takeSamlConnectionLive path:org_id": { effect: "state", refusesSecond: true },
  "deleteSamlConnection path:org_id": { effect: "state", refusesSecond: true },
  "fetchOrgScimGroups path:org_id": { effect: "answer" },
  "fetchOrgScimGroups query:page_size": { effect: "answer" },
  "fetchOrgScimGroups query:page_number": { effect: "answer" },
  "fetchOrgScimGroups query:user_id": { effect: "answer" },
  "fetchScimGroup path:org_id": { effect: "answer", refusesSecond: true },
  "fetchScimGroup path:group_id": { effect: "answer", values: [(w: Rich) => w.map[EXAMPLE.groupId], NO_ONE], refusesSecond: true },
  "fetchScimGroup query:members_page_size": { effect: "answer", prepare: twoMembers },
  "fetchScimGroup query:members_page_number": { effect: "answer", prepare: twoMembers },
  "fetchCurrentApiKeys query:org_id": { effect: "answer" },
  "fetchCurrentApiKeys query:user_id": { effect: "answer" },
  "fetchCurrentApiKeys query:user_email": { effect: "answer" },
  "fetchCurrentApiKeys query:api_key_type": { effect: "answer", values: ["personal", "org"] },
  "fetchCurrentApiKeys query:page_size": { effect: "answer" },
  "fetchCurrentApiKeys query:page_number": { effect: "answer" },
  "createApiKey body:org_id": { effect: "state", values: [(w: Rich) => w.orgId, ABSENT] },
  "createApiKey body:user_id": { effect: "state" },
  "createApiKey body:expires_at_seconds": { effect: "state", values: [inDays(10), inDays(20)] },
  "createApiKey body:metadata": { effect: "state" },
  "createApiKey body:display_name": { effect: "state" },
  "fetchApiKey path:api_key_id": { effect: "answer" },
  "deleteApiKey path:api_key_id": { effect: "state" },
  "updateApiKey path:api_key_id": { effect: "state" },
  "updateApiKey body:expires_at_seconds": { effect: "state", values: [inDays(10), inDays(20)] },
  "updateApiKey body:metadata": { effect: "state" },
  "updateApiKey body:set_to_never_expire": {
    effect: "state",
    prepare: async (r, w, v) => {
      delete body(r).expires_at_seconds;
      await withExpiry(r, w, v);
    },
  },
  "fetchArchivedApiKeys query:org_id": { effect: "answer", values: [(w: Rich) => w.orgId, ABSENT] },
  "fetchArchivedApiKeys query:user_id": { effect: "answer" },
  "fetchArchivedApiKeys query:user_email": { effect: "answer" },
  "fetchArchivedApiKeys query:api_key_type": { effect: "answer", values: ["personal", "org"] },
  "fetchArchivedApiKeys query:page_size": { effect: "answer" },
  "fetchArchivedApiKeys query:page_number": { effect: "answer" },
  "importApiKey body:imported_api_key": { effect: "state", values: ["fresh-key", "taken-key"], prepare: importTaken, refusesSecond: true },
  "importApiKey body:org_id": { effect: "state" },
  "importApiKey body:user_id": { effect: "state", refusesSecond: true },
  "importApiKey body:expires_at_seconds": { effect: "state", values: [inDays(10), inDays(20)] },
  "importApiKey body:metadata": { effect: "state" },
  "importApiKey body:display_name": { effect: "state" },
  "fetchApiKeyUsage query:date": { effect: "answer", values: [(w: Rich) => today(w), "2020-01-01"] },
  "fetchApiKeyUsage query:org_id": { effect: "answer" },
  "fetchApiKeyUsage query:user_id": { effect: "answer" },
  "fetchApiKeyUsage query:api_key_id": { effect: "answer" },
  "validateApiKey body:api_key_token": {
    effect: "answer",
    values: [(w: Rich) => w.apiKeyToken, "deadbeef".repeat(12)],
    refusesSecond: true,
  },
  "validateImportedApiKey body:api_key_token": {
    effect: "answer",
    values: ["legacy-key-example-0193", "never-imported"],
    refusesSecond: true,
  },
  "fetchUserReport path:report_key": { effect: "answer", prepare: history },
  "fetchUserReport query:report_interval": { effect: "answer", prepare: userReportFor },
  "fetchUserReport query:page_size": { effect: "answer" },
  "fetchUserReport query:page_number": { effect: "answer" },
  "fetchOrgReport path:report_key": { effect: "answer", prepare: history },
  "fetchOrgReport query:report_interval": { effect: "answer", prepare: orgReportFor },
  "fetchOrgReport query:page_size": { effect: "answer" },
  "fetchOrgReport query:page_number": { effect: "answer" },
  "fetchChartMetrics path:chart_metric": { effect: "answer" },
  "fetchChartMetrics query:cadence": { effect: "answer" },
  "fetchChartMetrics query:start_date": { effect: "answer", values: ["2024-04-01", "2024-04-08"] },
  "fetchChartMetrics query:end_date": { effect: "answer", values: ["2024-04-28", "2024-05-28"] },
  "setOidcIdpMetadata body:org_id": { effect: "state" },
  "setOidcIdpMetadata body:client_id": { effect: "state" },
  "setOidcIdpMetadata body:client_secret": { effect: "state" },
  "setOidcIdpMetadata body:uses_pkce": { effect: "state" },
  "setOidcIdpMetadata body:idp_type": { effect: "state", prepare: oidcVariant },
  "setOidcIdpMetadata body:auth_url": { effect: "state", values: ["https://a.example.com/auth", "https://b.example.com/auth"] },
  "setOidcIdpMetadata body:token_url": { effect: "state", values: ["https://a.example.com/token", "https://b.example.com/token"] },
  "setOidcIdpMetadata body:userinfo_url": { effect: "state", values: ["https://a.example.com/me", "https://b.example.com/me"] },
  "setOidcIdpMetadata body:okta_sso_domain": { effect: "state", values: ["a.okta.com", "b.okta.com"], prepare: oidcVariant },
  "setOidcIdpMetadata body:entra_tenant_id": { effect: "state", prepare: oidcVariant },
};
