// The JSON shapes of stored rows as the API answers them: users, organizations, memberships and
// end-user API keys.
import { json } from "./db.js";
import { badRequest } from "./errors.js";
import type { Project } from "./project.js";
import { effectiveRolesIn } from "./roles.js";
import type { ApiKeyRow } from "./store/api-keys.js";
import type { OrgRow } from "./store/orgs.js";
import type { UserRow } from "./store/users.js";

/** SQLite stores booleans as 0/1. */
export const bool = (v: unknown) => v === 1 || v === true;
const opt = <T>(v: T | null | undefined) => (v === null || v === undefined ? undefined : v);

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "org"
  );
}

/**
 * How much organization metadata one answer may repeat with include_orgs (bytes of its JSON).
 * Every membership repeats its organization's metadata, and the emulator takes metadata up to its
 * body limit (5 MiB), so 100 users (PropelAuth's largest page) in a few such organizations would
 * make an answer of gigabytes. PropelAuth documents no metadata size limit; it bounds its answers
 * by paging (page_size at most 100), and so does the emulator: past this bound, the answer is a 400
 * that asks for a smaller page.
 */
export const MAX_REPEATED_ORG_METADATA = 64 * 1024 * 1024;

/** What the answer being built has repeated so far (reset by `newAnswer` before each handler). */
let repeated = 0;

/** Starts counting the organization metadata of a new answer. */
export function newAnswer() {
  repeated = 0;
}

/** UserOrgInfo of each of the user's organizations, by org id; throws 400 past the answer's bound. */
export function orgInfoOf(project: Project, userId: string): Record<string, unknown> {
  const { info, bytes } = project.store.cache.get("orgInfo", userId, () => computeOrgInfo(project, userId));
  repeated += bytes;
  if (repeated > MAX_REPEATED_ORG_METADATA) {
    throw badRequest(
      "include_orgs",
      `this answer would repeat more than ${MAX_REPEATED_ORG_METADATA / 1024 / 1024} MiB of org_metadata (once per membership): ask for fewer users per page (page_size) or send include_orgs=false`,
    );
  }
  return info;
}

function computeOrgInfo(project: Project, userId: string): { info: Record<string, unknown>; bytes: number } {
  const rows = project.store.orgs.membershipsOf(userId);
  const info: Record<string, unknown> = {};
  let bytes = 0;
  for (const row of rows) {
    bytes += String(row.metadata ?? "").length;
    info[String(row.org_id)] = membershipJson(project, row, String(row.role), json.parse<string[]>(row.additional_roles, []));
  }
  return { info, bytes };
}

/** An organization's metadata, parsed once until the next write (memberships share it). */
const orgMetadata = (project: Project, org: OrgRow) =>
  project.store.cache.get("orgMetadata", String(org.org_id), () => json.parse<object>(org.metadata, {}));

export function membershipJson(project: Project, org: OrgRow, role: string, additional: string[]) {
  const roles = effectiveRolesIn(project.store.roles.setOf(org), role, additional);
  return {
    org_id: org.org_id,
    org_name: org.name,
    org_metadata: orgMetadata(project, org),
    url_safe_org_name: slugify(String(org.name)),
    user_role: role,
    inherited_user_roles_plus_current_role: roles.held,
    user_permissions: roles.permissions,
    org_role_structure: roles.structure,
    additional_roles: roles.structure === "multi_role" ? additional : [],
    ...(org.legacy_org_id ? { legacy_org_id: org.legacy_org_id } : {}),
  };
}

export function userJson(project: Project, row: UserRow, includeOrgs = false): Record<string, unknown> {
  const phones = json.parse<unknown[]>(row.mfa_phones, []);
  return {
    user_id: row.user_id,
    email: row.email,
    email_confirmed: bool(row.email_confirmed),
    has_password: row.password_hash !== null,
    username: opt(row.username),
    first_name: opt(row.first_name),
    last_name: opt(row.last_name),
    picture_url: opt(row.picture_url),
    properties: json.parse<object | undefined>(row.properties, undefined),
    metadata: json.parse<object | null>(row.metadata, null),
    locked: bool(row.locked),
    enabled: bool(row.enabled),
    mfa_enabled: row.mfa_totp_secret !== null || phones.length > 0,
    can_create_orgs: bool(row.can_create_orgs),
    created_at: row.created_at,
    last_active_at: row.last_active_at,
    update_password_required: bool(row.update_password_required),
    legacy_user_id: opt(row.legacy_user_id),
    ...(includeOrgs ? { org_id_to_org_info: orgInfoOf(project, String(row.user_id)) } : {}),
  };
}

export function orgJson(project: Project, row: OrgRow): Record<string, unknown> {
  const sso = project.store.sso.get(String(row.org_id));
  return {
    org_id: row.org_id,
    name: row.name,
    url_safe_org_slug: row.url_safe_org_slug,
    can_setup_saml: bool(row.can_setup_saml),
    is_saml_configured: sso !== undefined && bool(sso.live),
    is_saml_in_test_mode: sso !== undefined && !bool(sso.live),
    domain: opt(row.domain),
    extra_domains: json.parse<string[]>(row.extra_domains, []),
    domain_autojoin: bool(row.domain_autojoin),
    domain_restrict: bool(row.domain_restrict),
    max_users: opt(row.max_users),
    metadata: json.parse<object>(row.metadata, {}),
    custom_role_mapping_name: opt(row.custom_role_mapping_name),
    legacy_org_id: opt(row.legacy_org_id),
    password_rotation_enabled: bool(row.password_rotation_enabled),
    password_rotation_history_size: row.password_rotation_history_size,
    password_rotation_period: row.password_rotation_period,
  };
}

export function orgSummaryJson(project: Project, row: OrgRow): Record<string, unknown> {
  const sso = project.store.sso.get(String(row.org_id));
  return {
    org_id: row.org_id,
    name: row.name,
    is_saml_configured: sso !== undefined && bool(sso.live),
    max_users: opt(row.max_users),
    metadata: json.parse<object>(row.metadata, {}),
    custom_role_mapping_name: opt(row.custom_role_mapping_name),
    legacy_org_id: opt(row.legacy_org_id),
    created_at: row.created_at,
  };
}

export function apiKeyJson(row: ApiKeyRow): Record<string, unknown> {
  return {
    api_key_id: row.api_key_id,
    created_at: row.created_at,
    expires_at_seconds: row.expires_at_seconds ?? null,
    metadata: json.parse<object | null>(row.metadata, null),
    user_id: row.user_id ?? null,
    org_id: row.org_id ?? null,
    ...(row.display_name !== null ? { display_name: row.display_name } : {}),
  };
}
