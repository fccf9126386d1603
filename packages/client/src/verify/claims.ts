// The payload of a PropelAuth access token as the API mints it (snake_case, as signed). Fields
// that are absent from a token are absent here too: nothing is renamed or filled in.

/** `single_role_in_hierarchy` (one role, inheriting those below), `multi_role` or `single_role_no_hierarchy`. */
export type OrgRoleStructure = "single_role_in_hierarchy" | "multi_role" | "single_role_no_hierarchy" | (string & {});

/** The user's membership of one organization, as the token carries it. */
export interface OrgMemberInfoClaims {
  org_id: string;
  org_name: string;
  org_metadata: Record<string, unknown>;
  url_safe_org_name: string;
  /** The role assigned to the user in this org. */
  user_role: string;
  /** The assigned role and every role below it in the hierarchy. */
  inherited_user_roles_plus_current_role: string[];
  user_permissions: string[];
  org_role_structure?: OrgRoleStructure;
  /** Further roles, with `multi_role`. */
  additional_roles?: string[];
  legacy_org_id?: string;
}

/** How the user logged in: `{ login_method: "password" }`, `{ login_method: "saml_sso", provider, org_id }`, … */
export interface LoginMethodClaims {
  login_method: string;
  provider?: string;
  org_id?: string;
}

/** The claims of a verified access token. */
export interface AccessTokenClaims {
  user_id: string;
  /** The same as `user_id`. */
  sub?: string;
  email: string;
  first_name?: string;
  last_name?: string;
  username?: string;
  legacy_user_id?: string;
  /** Set when an employee is impersonating the user. */
  impersonator_user_id?: string;
  metadata?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  login_method?: LoginMethodClaims;
  /** Every org of the user, by id (tokens without an active org). */
  org_id_to_org_member_info?: Record<string, OrgMemberInfoClaims>;
  /** The active org, for tokens minted for one: then `org_id_to_org_member_info` is absent. */
  org_member_info?: OrgMemberInfoClaims;
  /** The Auth URL's origin. */
  iss: string;
  /** Expiry, seconds since the epoch. */
  exp?: number;
  /** Issued at, seconds since the epoch. */
  iat?: number;
  /** Not before, seconds since the epoch. */
  nbf?: number;
  [claim: string]: unknown;
}
