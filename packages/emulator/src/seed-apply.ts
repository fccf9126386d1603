// Writes a plan of the examples' entities into an empty store, one kind after the other.
import { hashToken, hex } from "./crypto.js";
import { json } from "./db.js";
import type { Project } from "./project.js";
import { bit, byCreation, type ExamplePlan, isObj, num, type Obj, stillAhead, str, strings } from "./seed-plan.js";
import {
  DEFAULT_STEP_UP_GRANT_TYPE,
  FALLBACK_LIFETIME_SECONDS,
  FALLBACK_PASSWORD_HASH,
  PHONE_NUMBER_PREFIX,
  STEP_UP_LIFETIME_SECONDS,
} from "./values-not-in-examples.js";

type PhonesOf = Map<string, { mfa_phone_id: string; phone_number: string }[]>;

/** What every step of the seeding reads. */
interface Seeding {
  project: Project;
  plan: ExamplePlan;
  examples: ExamplePlan["examples"];
  now: number;
}

/** Users, with what other operations' examples say about them. */
function seedUsers({ project, plan, examples, now }: Seeding): PhonesOf {
  const passwordHash = str(examples.request("migrateUserPassword")?.password_hash);
  const phonesOf = new Map<string, { mfa_phone_id: string; phone_number: string }[]>();
  const mfaUser = str(examples.param("fetchUserMfaMethods", "user_id"));
  for (const value of examples.responses("fetchUserMfaMethods")) {
    const setup = isObj(value) && isObj(value.mfa_setup) ? value.mfa_setup : undefined;
    if (mfaUser && setup?.type === "Phone" && Array.isArray(setup.phone_numbers) && !phonesOf.has(mfaUser)) {
      phonesOf.set(
        mfaUser,
        setup.phone_numbers.filter(isObj).map((p) => ({
          mfa_phone_id: String(p.mfa_phone_id),
          phone_number: `${PHONE_NUMBER_PREFIX}${String(p.mfa_phone_number_suffix ?? "")}`,
        })),
      );
    }
  }
  const signupUser = str(examples.param("fetchUserSignupQueryParameters", "user_id"));
  const signupParams = examples.responses("fetchUserSignupQueryParameters").find(isObj)?.user_signup_query_parameters;

  for (const [userId, u] of [...plan.users].sort(byCreation)) {
    const created = num(u.created_at) ?? now;
    project.store.users.insert({
      user_id: userId,
      email: u.email as string,
      email_confirmed: bit(u.email_confirmed),
      username: str(u.username) ?? null,
      first_name: str(u.first_name) ?? null,
      last_name: str(u.last_name) ?? null,
      picture_url: str(u.picture_url) ?? null,
      properties: isObj(u.properties) ? JSON.stringify(u.properties) : null,
      metadata: isObj(u.metadata) ? JSON.stringify(u.metadata) : null,
      password_hash: u.has_password === true ? (passwordHash ? `imported$${passwordHash}` : FALLBACK_PASSWORD_HASH) : null,
      locked: bit(u.locked),
      enabled: u.enabled === false ? 0 : 1,
      mfa_totp_secret: null,
      mfa_phones: JSON.stringify(phonesOf.get(userId) ?? []),
      can_create_orgs: bit(u.can_create_orgs),
      created_at: created,
      last_active_at: num(u.last_active_at) ?? created,
      update_password_required: bit(u.update_password_required),
      legacy_user_id: str(u.legacy_user_id) ?? null,
      signup_query_parameters: JSON.stringify(userId === signupUser && isObj(signupParams) ? signupParams : {}),
    });
  }
  return phonesOf;
}

/** Organizations, with their SSO connection when the example says SAML is configured. */
function seedOrgs({ project, plan, examples, now }: Seeding) {
  const samlConfig = examples.request("setSamlIdpMetadata");
  for (const [orgId, o] of [...plan.orgs].sort(byCreation)) {
    const mapping = str(o.custom_role_mapping_name);
    project.store.orgs.insert({
      org_id: orgId,
      name: str(o.name) ?? orgId,
      url_safe_org_slug: str(o.url_safe_org_slug) ?? orgId,
      can_setup_saml: bit(o.can_setup_saml),
      domain: str(o.domain) ?? null,
      extra_domains: JSON.stringify(strings(o.extra_domains)),
      domain_autojoin: bit(o.domain_autojoin),
      domain_restrict: bit(o.domain_restrict),
      max_users: num(o.max_users) ?? null,
      metadata: JSON.stringify(isObj(o.metadata) ? o.metadata : {}),
      custom_role_mapping_name: mapping && project.store.roles.exists(mapping) ? mapping : null,
      legacy_org_id: str(o.legacy_org_id) ?? null,
      password_rotation_enabled: bit(o.password_rotation_enabled),
      password_rotation_history_size: num(o.password_rotation_history_size) ?? 0,
      password_rotation_period: num(o.password_rotation_period) ?? 0,
      created_at: num(o.created_at) ?? now,
    });
    if (o.is_saml_configured === true || o.is_saml_in_test_mode === true) {
      const { org_id: _, ...config } = samlConfig ?? {};
      project.store.sso.insert({
        org_id: orgId,
        kind: "saml",
        config: JSON.stringify(config),
        live: o.is_saml_in_test_mode === true ? 0 : 1,
        updated_at: now,
      });
    }
  }
}

/** Memberships, in roles the organization has (the store is empty: they are numbered from 1 in this order). */
function seedMemberships({ project, plan, now }: Seeding) {
  for (const m of plan.memberships) {
    const user = plan.users.get(m.userId);
    const org = project.store.orgs.get(m.orgId);
    if (!user || !org) continue;
    const roles = project.store.roles.setOf(org);
    if (!roles.roles.some((r) => r.name === m.role)) continue;
    const additional =
      roles.structure === "multi_role" ? m.additional.filter((r) => r !== m.role && roles.roles.some((x) => x.name === r)) : [];
    const joined = Math.max(num(user.created_at) ?? now, num(org.created_at) ?? now);
    project.store.orgs.addMember(org, m.userId, m.role, additional, joined);
  }
  project.invalidate();
}

/** Pending invitations to organizations that exist, of people who are not members yet. */
function seedInvites({ project, plan, now }: Seeding) {
  for (const i of plan.invites) {
    const org = project.store.orgs.get(String(i.org_id));
    const invitee = project.store.users.byEmail(String(i.invitee_email));
    if (!org || (invitee && project.store.orgs.membership(String(invitee.user_id), String(org.org_id)))) continue;
    const created = num(i.created_at) ?? now;
    const inviterId = str(i.inviter_user_id);
    project.store.invites.insert({
      org_id: org.org_id,
      invitee_email: i.invitee_email as string,
      role: i.role_in_org as string,
      additional_roles: JSON.stringify(strings(i.additional_roles_in_org)),
      created_at: created,
      expires_at: stillAhead(num(i.expires_at), created, now) ?? now + FALLBACK_LIFETIME_SECONDS,
      inviter_email: str(i.inviter_email) ?? null,
      inviter_user_id: inviterId && plan.users.has(inviterId) ? inviterId : null,
    });
  }
}

/** End-user API keys. The Validate API Key example's token starts with the id of the key it validates: that key is stored with the token's hash, so the example validates. */
function seedApiKeys({ project, plan, examples, now }: Seeding) {
  const exampleToken = str(examples.request("validateApiKey")?.api_key_token);
  const insertKey = (id: string, tokenHash: string, k: Obj, imported: boolean, archivedAt: number | null) => {
    const userId = str(k.user_id);
    const orgId = str(k.org_id);
    const created = num(k.created_at) ?? now;
    project.store.apiKeys.insert({
      apiKeyId: id,
      tokenHash,
      imported,
      userId: userId && plan.users.has(userId) ? userId : null,
      orgId: orgId && plan.orgs.has(orgId) ? orgId : null,
      expiresAt: archivedAt === null ? stillAhead(num(k.expires_at_seconds), created, now) : (num(k.expires_at_seconds) ?? null),
      metadata: json.text(k.metadata),
      displayName: str(k.display_name) ?? null,
      createdAt: created,
      archivedAt,
    });
  };
  for (const [id, k] of [...plan.apiKeys].sort(byCreation)) {
    const token = exampleToken && exampleToken.slice(0, 32).toLowerCase() === id ? exampleToken : `${id}${hex(32)}`;
    const archivedAt = plan.archivedApiKeyIds.has(id) ? (num(k.expires_at_seconds) ?? num(k.created_at) ?? now) : null;
    insertKey(id, hashToken(token), k, false, archivedAt);
  }
  // The imported key that the Validate Imported API Key example validates, owned as the Import
  // API Key example says when it imports the same token.
  const importedToken = str(examples.request("validateImportedApiKey")?.api_key_token);
  if (importedToken) {
    const importBody = examples.request("importApiKey");
    insertKey(hex(16), hashToken(importedToken), importBody?.imported_api_key === importedToken ? importBody : {}, true, null);
  }
  // The usage that Fetch API Key Usage answers for its example day and key.
  const usageKey = str(examples.param("fetchApiKeyUsage", "api_key_id"));
  const usageDay = str(examples.param("fetchApiKeyUsage", "date"));
  const usageCount = num(examples.responses("fetchApiKeyUsage").find(isObj)?.count);
  if (usageKey && usageDay && usageCount !== undefined && plan.apiKeys.has(usageKey)) {
    project.store.apiKeys.setUsage(usageKey, usageDay, usageCount);
  }
}

/** SCIM groups, with those of their members who are members of the organization. */
function seedScimGroups({ project, plan }: Seeding) {
  let groupSeq = 0;
  for (const [groupId, g] of plan.scimGroups) {
    if (!project.store.orgs.get(g.org_id)) continue;
    project.store.scim.insert(groupId, g.org_id, g.display_name as string, str(g.external_id_from_idp) ?? null);
    const members = Array.isArray(g.members) ? g.members.filter(isObj).map((m) => String(m.user_id)) : [];
    for (const userId of members) {
      if (!project.store.orgs.membership(userId, g.org_id)) continue;
      project.store.scim.addMember(groupId, userId, ++groupSeq);
    }
  }
}

/** Social login tokens: Fetch OAuth Tokens' example, then Fetch Fresh Token's for another provider. */
function seedSocialTokens({ project, plan, examples }: Seeding) {
  const storeToken = (userId: string | undefined, provider: string, t: Obj) => {
    if (!userId || !plan.users.has(userId) || !str(t.access_token)) return;
    project.store.oauth.keep({
      user_id: userId,
      provider,
      access_token: t.access_token as string,
      refresh_token: str(t.refresh_token) ?? null,
      token_expiration: num(t.token_expiration) ?? null,
      authorized_scopes: json.text(t.authorized_scopes),
    });
  };
  const tokensUser = str(examples.param("fetchUserOAuthTokens", "user_id"));
  for (const value of examples.responses("fetchUserOAuthTokens")) {
    if (isObj(value)) for (const [provider, t] of Object.entries(value)) if (isObj(t)) storeToken(tokensUser, provider, t);
  }
  const freshProvider = str(examples.param("fetchFreshOAuthToken", "provider"));
  const fresh = examples.responses("fetchFreshOAuthToken").find(isObj);
  if (freshProvider && fresh) storeToken(str(examples.param("fetchFreshOAuthToken", "user_id")), freshProvider, fresh);
}

/** The employee of Fetch Employee. */
function seedEmployee({ project, examples }: Seeding) {
  const employeeId = str(examples.param("fetchEmployee", "employee_id"));
  const employeeEmail = str(examples.responses("fetchEmployee").find(isObj)?.email);
  if (employeeId && employeeEmail) project.store.oauth.setEmployee(employeeId, employeeEmail);
}

/** The step-up grant of Verify Step-up Grant, of the type Verify TOTP's example asks for. */
function seedStepUp({ project, plan, examples, now }: Seeding, phonesOf: PhonesOf) {
  const grant = examples.request("verifyStepUpGrant");
  const totp = examples.request("verifyStepUpTotp");
  if (grant && str(grant.grant) && plan.users.has(String(grant.user_id))) {
    const sameAsTotp = totp?.user_id === grant.user_id && totp?.action_type === grant.action_type;
    project.store.stepUp.insertGrant(
      hashToken(String(grant.grant)),
      grant.user_id as string,
      String(grant.action_type),
      (sameAsTotp ? str(totp?.grant_type) : undefined) ?? DEFAULT_STEP_UP_GRANT_TYPE,
      now + STEP_UP_LIFETIME_SECONDS,
    );
  }

  // The SMS challenge of Verify SMS Code, sent as Send SMS Code's example asks.
  const verifySms = examples.request("verifyStepUpSmsCode");
  const sendSms = examples.request("sendStepUpSmsCode");
  const smsUser = str(verifySms?.user_id);
  if (verifySms && smsUser && str(verifySms.challenge_id) && plan.users.has(smsUser)) {
    const send = sendSms?.user_id === smsUser ? sendSms : undefined;
    const phoneId = str(send?.mfa_phone_id) ?? phonesOf.get(smsUser)?.[0]?.mfa_phone_id;
    if (phoneId) {
      project.store.stepUp.insertChallenge({
        challenge_id: verifySms.challenge_id as string,
        user_id: smsUser,
        mfa_phone_id: phoneId,
        action_type: str(send?.action_type) ?? String(grant?.action_type ?? "STEP_UP"),
        grant_type: str(send?.grant_type) ?? DEFAULT_STEP_UP_GRANT_TYPE,
        valid_for_seconds: num(send?.valid_for_seconds) ?? STEP_UP_LIFETIME_SECONDS,
        code: String(verifySms.code),
        expires_at: now + STEP_UP_LIFETIME_SECONDS,
      });
    }
  }
}

/** Writes a plan into an empty store, one kind of entity after the other (each step reads what the ones before wrote). */
export function applyPlan(project: Project, plan: ExamplePlan) {
  const c: Seeding = { project, plan, examples: plan.examples, now: project.now() };
  const phonesOf = seedUsers(c);
  seedOrgs(c);
  seedMemberships(c);
  seedInvites(c);
  seedApiKeys(c);
  seedScimGroups(c);
  seedSocialTokens(c);
  seedEmployee(c);
  seedStepUp(c, phonesOf);
}
