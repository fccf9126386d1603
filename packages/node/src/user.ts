// The user and org-membership model of @propelauth/node 2.1.36: what the validators return.
import type { InternalOrgMemberInfo, InternalUser, LoginMethod, OrgIdToOrgMemberInfo, User } from "./types.js";

/** How an org assigns roles: one role in a hierarchy, or several roles. */
export enum OrgRoleStructure {
  SingleRole = "single_role_in_hierarchy",
  MultiRole = "multi_role",
}

/** A user's membership in one organization, with role and permission checks. */
export class OrgMemberInfo {
  public orgId: string;
  public orgName: string;
  public orgMetadata: { [key: string]: unknown };
  public urlSafeOrgName: string;
  public orgRoleStructure: OrgRoleStructure;
  public userAssignedRole: string;
  public userInheritedRolesPlusCurrentRole: string[];
  public userPermissions: string[];
  public userAssignedAdditionalRoles: string[];
  public legacyOrgId?: string;

  constructor(
    orgId: string,
    orgName: string,
    orgMetadata: { [key: string]: unknown },
    urlSafeOrgName: string,
    userAssignedRole: string,
    userInheritedRolesPlusCurrentRole: string[],
    userPermissions: string[],
    orgRoleStructure?: OrgRoleStructure,
    userAssignedAdditionalRoles?: string[],
    legacyOrgId?: string,
  ) {
    this.orgId = orgId;
    this.orgName = orgName;
    this.orgMetadata = orgMetadata;
    this.urlSafeOrgName = urlSafeOrgName;
    this.orgRoleStructure = orgRoleStructure ?? OrgRoleStructure.SingleRole;
    this.userAssignedRole = userAssignedRole;
    this.userInheritedRolesPlusCurrentRole = userInheritedRolesPlusCurrentRole;
    this.userPermissions = userPermissions;
    this.userAssignedAdditionalRoles = userAssignedAdditionalRoles ?? [];
    this.legacyOrgId = legacyOrgId;
  }

  get assignedRole(): string {
    return this.userAssignedRole;
  }
  get permissions(): string[] {
    return this.userPermissions;
  }
  get inheritedRolesPlusCurrentRole(): string[] {
    return this.userInheritedRolesPlusCurrentRole;
  }

  isRole(role: string): boolean {
    const multi = this.orgRoleStructure === OrgRoleStructure.MultiRole;
    return this.userAssignedRole === role || (multi && this.userAssignedAdditionalRoles.includes(role));
  }
  isAtLeastRole(role: string): boolean {
    if (this.orgRoleStructure === OrgRoleStructure.MultiRole) return this.isRole(role);
    return this.userInheritedRolesPlusCurrentRole.includes(role);
  }
  hasPermission(permission: string): boolean {
    return this.userPermissions.includes(permission);
  }
  hasAllPermissions(permissions: string[]): boolean {
    return permissions.every((permission) => this.hasPermission(permission));
  }

  static fromJSON(json: string): OrgMemberInfo {
    const o = JSON.parse(json);
    return new OrgMemberInfo(
      o.orgId,
      o.orgName,
      o.orgMetadata,
      o.urlSafeOrgName,
      o.userAssignedRole,
      o.userInheritedRolesPlusCurrentRole,
      o.userPermissions,
      o.orgRoleStructure,
      o.userAssignedAdditionalRoles,
      o.legacyOrgId,
    );
  }
}

/** A validated user as a class, with helpers for orgs, roles and properties. */
export class UserClass {
  public userId: string;
  public orgIdToUserOrgInfo?: OrgIdToOrgMemberInfo;
  public email: string;
  public firstName?: string;
  public lastName?: string;
  public username?: string;
  public legacyUserId?: string;
  public impersonatorUserId?: string;
  public properties?: { [key: string]: unknown };
  public loginMethod?: LoginMethod;
  public activeOrgId?: string;

  constructor(user: User) {
    this.userId = user.userId;
    this.orgIdToUserOrgInfo = user.orgIdToOrgMemberInfo;
    this.email = user.email;
    this.firstName = user.firstName;
    this.lastName = user.lastName;
    this.username = user.username;
    this.legacyUserId = user.legacyUserId;
    this.impersonatorUserId = user.impersonatorUserId;
    this.properties = user.properties;
    this.loginMethod = user.loginMethod;
    this.activeOrgId = user.activeOrgId;
  }

  getActiveOrg(): OrgMemberInfo | undefined {
    return this.activeOrgId ? this.getOrg(this.activeOrgId) : undefined;
  }
  getActiveOrgId(): string | undefined {
    return this.activeOrgId;
  }
  getOrg(orgId: string): OrgMemberInfo | undefined {
    const orgs = this.orgIdToUserOrgInfo;
    return orgs && Object.hasOwn(orgs, orgId) ? orgs[orgId] : undefined;
  }
  getOrgByName(orgName: string): OrgMemberInfo | undefined {
    const urlSafeOrgName = orgName.toLowerCase().replace(/ /g, "-");
    for (const orgId in this.orgIdToUserOrgInfo ?? {}) {
      const info = this.getOrg(orgId);
      if (info?.urlSafeOrgName === urlSafeOrgName) return info;
    }
    return undefined;
  }
  getUserProperty(key: string): unknown | undefined {
    return this.properties && Object.hasOwn(this.properties, key) ? this.properties[key] : undefined;
  }
  getOrgs(): OrgMemberInfo[] {
    return this.orgIdToUserOrgInfo ? Object.values(this.orgIdToUserOrgInfo) : [];
  }
  isImpersonating(): boolean {
    return !!this.impersonatorUserId;
  }
  isRole(orgId: string, role: string): boolean {
    return this.getOrg(orgId)?.isRole(role) ?? false;
  }
  isAtLeastRole(orgId: string, role: string): boolean {
    return this.getOrg(orgId)?.isAtLeastRole(role) ?? false;
  }
  hasPermission(orgId: string, permission: string): boolean {
    return this.getOrg(orgId)?.hasPermission(permission) ?? false;
  }
  hasAllPermissions(orgId: string, permissions: string[]): boolean {
    return this.getOrg(orgId)?.hasAllPermissions(permissions) ?? false;
  }
  static fromUser(user: User): UserClass {
    return new UserClass(user);
  }
}

const PLAIN_METHODS = ["password", "magic_link", "email_confirmation_link", "impersonation", "generated_from_backend_api"];

function toLoginMethod(raw: InternalUser["login_method"]): LoginMethod {
  const method = raw?.login_method;
  if (method === "social_sso") return { loginMethod: method, provider: raw?.provider } as LoginMethod;
  if (method === "saml_sso") return { loginMethod: method, provider: raw?.provider, orgId: raw?.org_id } as LoginMethod;
  return { loginMethod: PLAIN_METHODS.includes(method as string) ? method : "unknown" } as LoginMethod;
}

/** Converts the org memberships of an access token's payload. */
export function toOrgIdToOrgMemberInfo(snake: { [orgId: string]: InternalOrgMemberInfo } | undefined): OrgIdToOrgMemberInfo | undefined {
  if (snake === undefined) return undefined;
  const out: OrgIdToOrgMemberInfo = {};
  for (const key of Object.keys(snake)) {
    const v = snake[key];
    if (v)
      out[key] = new OrgMemberInfo(
        v.org_id,
        v.org_name,
        v.org_metadata,
        v.url_safe_org_name,
        v.user_role,
        v.inherited_user_roles_plus_current_role,
        v.user_permissions,
        v.org_role_structure as OrgRoleStructure | undefined,
        v.additional_roles,
        v.legacy_org_id,
      );
  }
  return out;
}

/** Converts an access token's payload into a `User`. */
export function toUser(snake: InternalUser): User {
  const active = snake.org_member_info;
  return {
    userId: snake.user_id,
    orgIdToOrgMemberInfo: toOrgIdToOrgMemberInfo(active ? { [active.org_id]: active } : snake.org_id_to_org_member_info),
    activeOrgId: active ? active.org_id : undefined,
    email: snake.email,
    firstName: snake.first_name,
    lastName: snake.last_name,
    username: snake.username,
    legacyUserId: snake.legacy_user_id,
    impersonatorUserId: snake.impersonator_user_id,
    metadata: snake.metadata,
    properties: snake.properties,
    loginMethod: toLoginMethod(snake.login_method),
  };
}
