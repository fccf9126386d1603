// Writes a plan of the examples' entities into an empty store, one kind after the other.
import { hex } from "./crypto.js";
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
  sql: Project["sql"];
}

/** Users, with what other operations' examples say about them. */
function seedUsers({ plan, examples, now, sql }: Seeding): PhonesOf {
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
    sql(
      `INSERT INTO users (user_id, email, email_confirmed, username, first_name, last_name, picture_url, properties, metadata,
        password_hash, locked, enabled, mfa_phones, can_create_orgs, created_at, last_active_at, update_password_required,
        legacy_user_id, signup_query_parameters)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      userId,
      u.email,
      bit(u.email_confirmed),
      str(u.username) ?? null,
      str(u.first_name) ?? null,
      str(u.last_name) ?? null,
      str(u.picture_url) ?? null,
      isObj(u.properties) ? JSON.stringify(u.properties) : null,
      isObj(u.metadata) ? JSON.stringify(u.metadata) : null,
      u.has_password === true ? (passwordHash ? `imported$${passwordHash}` : FALLBACK_PASSWORD_HASH) : null,
      bit(u.locked),
      u.enabled === false ? 0 : 1,
      JSON.stringify(phonesOf.get(userId) ?? []),
      bit(u.can_create_orgs),
      created,
      num(u.last_active_at) ?? created,
      bit(u.update_password_required),
      str(u.legacy_user_id) ?? null,
      JSON.stringify(userId === signupUser && isObj(signupParams) ? signupParams : {}),
    );
  }
  return phonesOf;
}

/** Organizations, with their SSO connection when the example says SAML is configured. */
function seedOrgs({ project, plan, examples, now, sql }: Seeding) {
  const samlConfig = examples.request("setSamlIdpMetadata");
  for (const [orgId, o] of [...plan.orgs].sort(byCreation)) {
    const mapping = str(o.custom_role_mapping_name);
    sql(
      `INSERT INTO orgs (org_id, name, url_safe_org_slug, can_setup_saml, domain, extra_domains, domain_autojoin, domain_restrict,
        max_users, metadata, custom_role_mapping_name, legacy_org_id, password_rotation_enabled, password_rotation_history_size,
        password_rotation_period, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      orgId,
      str(o.name) ?? orgId,
      str(o.url_safe_org_slug) ?? orgId,
      bit(o.can_setup_saml),
      str(o.domain) ?? null,
      JSON.stringify(strings(o.extra_domains)),
      bit(o.domain_autojoin),
      bit(o.domain_restrict),
      num(o.max_users) ?? null,
      JSON.stringify(isObj(o.metadata) ? o.metadata : {}),
      mapping && project.store.roles.exists(mapping) ? mapping : null,
      str(o.legacy_org_id) ?? null,
      bit(o.password_rotation_enabled),
      num(o.password_rotation_history_size) ?? 0,
      num(o.password_rotation_period) ?? 0,
      num(o.created_at) ?? now,
    );
    if (o.is_saml_configured === true || o.is_saml_in_test_mode === true) {
      const { org_id: _, ...config } = samlConfig ?? {};
      sql("INSERT INTO sso_connections (org_id, kind, config, live, updated_at) VALUES (?, 'saml', ?, ?, ?)").run(
        orgId,
        JSON.stringify(config),
        o.is_saml_in_test_mode === true ? 0 : 1,
        now,
      );
    }
  }
}

/** Memberships, in roles the organization has. */
function seedMemberships({ project, plan, now, sql }: Seeding) {
  let seq = 0;
  for (const m of plan.memberships) {
    const user = plan.users.get(m.userId);
    const org = project.store.orgs.get(m.orgId);
    if (!user || !org) continue;
    const roles = project.store.roles.setOf(org);
    if (!roles.roles.some((r) => r.name === m.role)) continue;
    const additional =
      roles.structure === "multi_role" ? m.additional.filter((r) => r !== m.role && roles.roles.some((x) => x.name === r)) : [];
    const joined = Math.max(num(user.created_at) ?? now, num(org.created_at) ?? now);
    sql("INSERT INTO memberships (user_id, org_id, role, additional_roles, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)").run(
      m.userId,
      m.orgId,
      m.role,
      JSON.stringify(additional),
      joined,
      ++seq,
    );
    sql("INSERT INTO membership_events (org_id, user_id, kind, at) VALUES (?, ?, 'joined', ?)").run(m.orgId, m.userId, joined);
  }
  project.invalidate();
}

/** Pending invitations to organizations that exist, of people who are not members yet. */
function seedInvites({ project, plan, now, sql }: Seeding) {
  for (const i of plan.invites) {
    const org = project.store.orgs.get(String(i.org_id));
    const invitee = project.store.users.byEmail(String(i.invitee_email));
    if (!org || (invitee && project.store.orgs.membership(String(invitee.user_id), String(org.org_id)))) continue;
    const created = num(i.created_at) ?? now;
    const inviterId = str(i.inviter_user_id);
    sql(
      `INSERT INTO invites (org_id, invitee_email, role, additional_roles, created_at, expires_at, inviter_email, inviter_user_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      org.org_id,
      i.invitee_email,
      i.role_in_org,
      JSON.stringify(strings(i.additional_roles_in_org)),
      created,
      stillAhead(num(i.expires_at), created, now) ?? now + FALLBACK_LIFETIME_SECONDS,
      str(i.inviter_email) ?? null,
      inviterId && plan.users.has(inviterId) ? inviterId : null,
    );
  }
}

/** End-user API keys. The Validate API Key example's token starts with the id of the key it validates: that key is stored with the token's hash, so the example validates. */
function seedApiKeys({ project, plan, examples, now, sql }: Seeding) {
  const exampleToken = str(examples.request("validateApiKey")?.api_key_token);
  const insertKey = (id: string, tokenHash: string, k: Obj, imported: boolean, archivedAt: number | null) => {
    const userId = str(k.user_id);
    const orgId = str(k.org_id);
    const created = num(k.created_at) ?? now;
    sql(
      `INSERT INTO api_keys (api_key_id, token_hash, imported, user_id, org_id, expires_at_seconds, metadata, display_name, created_at,
        archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      tokenHash,
      imported ? 1 : 0,
      userId && plan.users.has(userId) ? userId : null,
      orgId && plan.orgs.has(orgId) ? orgId : null,
      archivedAt === null ? stillAhead(num(k.expires_at_seconds), created, now) : (num(k.expires_at_seconds) ?? null),
      json.text(k.metadata),
      str(k.display_name) ?? null,
      created,
      archivedAt,
    );
  };
  for (const [id, k] of [...plan.apiKeys].sort(byCreation)) {
    const token = exampleToken && exampleToken.slice(0, 32).toLowerCase() === id ? exampleToken : `${id}${hex(32)}`;
    const archivedAt = plan.archivedApiKeyIds.has(id) ? (num(k.expires_at_seconds) ?? num(k.created_at) ?? now) : null;
    insertKey(id, project.hashToken(token), k, false, archivedAt);
  }
  // The imported key that the Validate Imported API Key example validates, owned as the Import
  // API Key example says when it imports the same token.
  const importedToken = str(examples.request("validateImportedApiKey")?.api_key_token);
  if (importedToken) {
    const importBody = examples.request("importApiKey");
    insertKey(hex(16), project.hashToken(importedToken), importBody?.imported_api_key === importedToken ? importBody : {}, true, null);
  }
  // The usage that Fetch API Key Usage answers for its example day and key.
  const usageKey = str(examples.param("fetchApiKeyUsage", "api_key_id"));
  const usageDay = str(examples.param("fetchApiKeyUsage", "date"));
  const usageCount = num(examples.responses("fetchApiKeyUsage").find(isObj)?.count);
  if (usageKey && usageDay && usageCount !== undefined && plan.apiKeys.has(usageKey)) {
    sql("INSERT INTO api_key_usage (api_key_id, day, count) VALUES (?, ?, ?)").run(usageKey, usageDay, usageCount);
  }
}

/** SCIM groups, with those of their members who are members of the organization. */
function seedScimGroups({ project, plan, sql }: Seeding) {
  let groupSeq = 0;
  for (const [groupId, g] of plan.scimGroups) {
    if (!project.store.orgs.get(g.org_id)) continue;
    sql("INSERT INTO scim_groups (group_id, org_id, display_name, external_id_from_idp) VALUES (?, ?, ?, ?)").run(
      groupId,
      g.org_id,
      g.display_name,
      str(g.external_id_from_idp) ?? null,
    );
    const members = Array.isArray(g.members) ? g.members.filter(isObj).map((m) => String(m.user_id)) : [];
    for (const userId of members) {
      if (!project.store.orgs.membership(userId, g.org_id)) continue;
      sql("INSERT OR IGNORE INTO scim_group_members (group_id, user_id, seq) VALUES (?, ?, ?)").run(groupId, userId, ++groupSeq);
    }
  }
}

/** Social login tokens: Fetch OAuth Tokens' example, then Fetch Fresh Token's for another provider. */
function seedSocialTokens({ plan, examples, sql }: Seeding) {
  const storeToken = (userId: string | undefined, provider: string, t: Obj) => {
    if (!userId || !plan.users.has(userId) || !str(t.access_token)) return;
    sql(
      `INSERT OR IGNORE INTO oauth_tokens (user_id, provider, access_token, refresh_token, token_expiration, authorized_scopes)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(userId, provider, t.access_token, str(t.refresh_token) ?? null, num(t.token_expiration) ?? null, json.text(t.authorized_scopes));
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
function seedEmployee({ examples, sql }: Seeding) {
  const employeeId = str(examples.param("fetchEmployee", "employee_id"));
  const employeeEmail = str(examples.responses("fetchEmployee").find(isObj)?.email);
  if (employeeId && employeeEmail) sql("INSERT INTO employees (employee_id, email) VALUES (?, ?)").run(employeeId, employeeEmail);
}

/** The step-up grant of Verify Step-up Grant, of the type Verify TOTP's example asks for. */
function seedStepUp({ project, plan, examples, now, sql }: Seeding, phonesOf: PhonesOf) {
  const grant = examples.request("verifyStepUpGrant");
  const totp = examples.request("verifyStepUpTotp");
  if (grant && str(grant.grant) && plan.users.has(String(grant.user_id))) {
    const sameAsTotp = totp?.user_id === grant.user_id && totp?.action_type === grant.action_type;
    sql("INSERT INTO step_up_grants (grant, user_id, action_type, grant_type, expires_at) VALUES (?, ?, ?, ?, ?)").run(
      project.hashToken(String(grant.grant)),
      grant.user_id,
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
      sql(
        `INSERT INTO sms_challenges (challenge_id, user_id, mfa_phone_id, action_type, grant_type, valid_for_seconds, code, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        verifySms.challenge_id,
        smsUser,
        phoneId,
        str(send?.action_type) ?? String(grant?.action_type ?? "STEP_UP"),
        str(send?.grant_type) ?? DEFAULT_STEP_UP_GRANT_TYPE,
        num(send?.valid_for_seconds) ?? STEP_UP_LIFETIME_SECONDS,
        String(verifySms.code),
        now + STEP_UP_LIFETIME_SECONDS,
      );
    }
  }
}

/** Writes a plan into an empty store, one kind of entity after the other (each step reads what the ones before wrote). */
export function applyPlan(project: Project, plan: ExamplePlan) {
  const c: Seeding = { project, plan, examples: plan.examples, now: project.now(), sql: project.sql };
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
