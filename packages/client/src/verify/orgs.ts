// What apps check once a token is verified: membership of an org, the user's role and
// permissions in it, and the active org. Same rules as @propelauth/node's OrgMemberInfo and
// validators (a token with an active org carries only that org).
import type { AccessTokenClaims, OrgMemberInfoClaims } from "./claims.js";
import { OrgAccessError } from "./errors.js";

/** Which org: by id, by name (its name or URL-safe name), or both (then both must match). */
export type OrgRef = { orgId: string; orgName?: string } | { orgId?: string; orgName: string };

/** What `requireOrgMember` checks besides membership. */
export interface OrgRequirement {
  /** The user's role is exactly this one (or, with `multi_role`, one of their roles). */
  exactRole?: string;
  /** The user's role is this one or above it (inherited roles count). */
  minimumRole?: string;
  /** The user has this permission in the org. */
  permission?: string;
  /** The user has every one of these permissions in the org. */
  allPermissions?: string[];
}

const own = (object: object, key: string) => Object.hasOwn(object, key);

/** The user's orgs by id: the active org alone for a token minted for one, else every org. */
export function orgsOf(claims: AccessTokenClaims): Record<string, OrgMemberInfoClaims> {
  const active = claims.org_member_info;
  return active ? { [active.org_id]: active } : (claims.org_id_to_org_member_info ?? {});
}

/** The active org of a token minted for one (`org_member_info`), else undefined. */
export function activeOrg(claims: AccessTokenClaims): OrgMemberInfoClaims | undefined {
  return claims.org_member_info;
}

const nameMatches = (name: string, info: OrgMemberInfoClaims) => name === info.org_name || name === info.url_safe_org_name;

/** The user's membership of an org, or undefined when they are not a member of it. */
export function orgMemberInfo(claims: AccessTokenClaims, org: OrgRef): OrgMemberInfoClaims | undefined {
  const orgs = orgsOf(claims);
  if (org.orgId) {
    const info = own(orgs, org.orgId) ? orgs[org.orgId] : undefined;
    return info && (!org.orgName || nameMatches(org.orgName, info)) ? info : undefined;
  }
  return org.orgName ? Object.values(orgs).find((info) => nameMatches(org.orgName as string, info)) : undefined;
}

const multi = (info: OrgMemberInfoClaims) => info.org_role_structure === "multi_role";
const heldRoles = (info: OrgMemberInfoClaims) => [info.user_role, ...(info.additional_roles ?? [])];

/** The user's role is exactly `role` (with `multi_role`: any of their roles). */
export function hasExactRole(info: OrgMemberInfoClaims, role: string): boolean {
  return multi(info) ? heldRoles(info).includes(role) : info.user_role === role;
}

/** The user's role is `role` or above it: `role` is among the inherited roles (with `multi_role`: any of their roles). */
export function hasMinimumRole(info: OrgMemberInfoClaims, role: string): boolean {
  return multi(info) ? heldRoles(info).includes(role) : (info.inherited_user_roles_plus_current_role ?? []).includes(role);
}

/** The user has `permission` in the org. */
export function hasPermission(info: OrgMemberInfoClaims, permission: string): boolean {
  return (info.user_permissions ?? []).includes(permission);
}

/** The user has every one of `permissions` in the org. */
export function hasAllPermissions(info: OrgMemberInfoClaims, permissions: readonly string[]): boolean {
  return permissions.every((permission) => hasPermission(info, permission));
}

/**
 * The user's membership of an org, checked: throws `OrgAccessError` (403) with reason
 * `not_in_org`, `role` or `permission` when the user is not a member or lacks what is required.
 */
export function requireOrgMember(claims: AccessTokenClaims, org: OrgRef, requirement: OrgRequirement = {}): OrgMemberInfoClaims {
  const info = orgMemberInfo(claims, org);
  if (!info) throw new OrgAccessError("not_in_org", `the user is not a member of org ${JSON.stringify(org)}`);
  const { exactRole, minimumRole, permission, allPermissions } = requirement;
  if (exactRole !== undefined && !hasExactRole(info, exactRole))
    throw new OrgAccessError("role", `the user's role in the org is not ${exactRole}`);
  if (minimumRole !== undefined && !hasMinimumRole(info, minimumRole))
    throw new OrgAccessError("role", `the user's role in the org is below ${minimumRole}`);
  if (permission !== undefined && !hasPermission(info, permission))
    throw new OrgAccessError("permission", `the user lacks the permission ${permission} in the org`);
  if (allPermissions !== undefined && !hasAllPermissions(info, allPermissions))
    throw new OrgAccessError("permission", `the user lacks some of the permissions ${allPermissions.join(", ")} in the org`);
  return info;
}
