// The response models of the Rust crate 0.23.3 (src/models/*.rs, OrgRoleStructure in
// src/propelauth/token_models.rs), copied field by field with their serde attributes, and what
// each request builder in src/apis/*.rs decodes a success answer into. Every builder treats any
// status that is not 4xx or 5xx as success and runs serde_json::from_str on the body (an empty
// body is an error), except invite_user_to_org, which returns the text.
import type { SuccessHandling, UndefinedField } from "../models/responses.js";
import { list, type Models, opt, ref, type Shape } from "../models/shape.js";

const valueMap: Shape = { map: "any" };

export const rustModels: Models = {
  UserMetadata: {
    user_id: "string",
    email: "string",
    email_confirmed: "bool",
    has_password: "bool",
    username: opt("string"),
    first_name: opt("string"),
    last_name: opt("string"),
    picture_url: opt("string"),
    locked: "bool",
    enabled: "bool",
    mfa_enabled: "bool",
    created_at: "i64",
    last_active_at: "i64",
    org_id_to_org_info: opt({ map: ref("UserInOrg") }),
    legacy_user_id: opt("string"),
    metadata: opt(valueMap),
    properties: opt(valueMap),
    role_in_org: opt("string"),
    additional_roles_in_org: opt(list("string")),
  },
  UserInOrg: {
    org_id: "string",
    org_name: "string",
    org_metadata: valueMap,
    // token_models.rs: #[serde(rename = "single_role_in_hierarchy")], #[serde(rename = "multi_role")]
    org_role_structure: { enum: ["single_role_in_hierarchy", "multi_role"] },
    user_role: "string",
    inherited_user_roles_plus_current_role: list("string"),
    user_permissions: list("string"),
    additional_roles: list("string"),
  },
  UserPagedResponse: {
    users: list(ref("UserMetadata")),
    total_users: "i64",
    current_page: "i64",
    page_size: "i64",
    has_more_results: "bool",
  },
  CreatedUserResponse: { user_id: "string" },
  MagicLink: { url: "string" },
  CreateAccessTokenResponse: { access_token: "string" },
  // fetch_org_response.rs: metadata is #[serde(default)] OrgMetadata, a struct around a flattened map.
  FetchOrgResponse: {
    org_id: "string",
    name: "string",
    is_saml_configured: "bool",
    metadata: { default: valueMap },
    max_users: opt("i32"),
    custom_role_mapping_name: opt("string"),
    legacy_org_id: opt("string"),
    url_safe_org_slug: "string",
    can_setup_saml: "bool",
    is_saml_in_test_mode: "bool",
    domain: opt("string"),
    extra_domains: list("string"),
    domain_autojoin: "bool",
    domain_restrict: "bool",
  },
  FetchOrgBasicResponse: {
    org_id: "string",
    name: "string",
    is_saml_configured: "bool",
    metadata: { default: valueMap },
    max_users: opt("i32"),
    custom_role_mapping_name: opt("string"),
    legacy_org_id: opt("string"),
  },
  FetchOrgsResponse: {
    orgs: list(ref("FetchOrgBasicResponse")),
    total_orgs: "i64",
    current_page: "i64",
    page_size: "i64",
    has_more_results: "bool",
  },
  CreateOrgResponse: { org_id: "string", name: "string" },
  CustomRoleMappingResponse: { custom_role_mapping_name: "string", num_orgs_subscribed: "i32" },
  FetchCustomRoleMappingsResponse: { custom_role_mappings: { default: list(ref("CustomRoleMappingResponse")) } },
  PendingInviteResponse: {
    invitee_email: "string",
    org_id: "string",
    org_name: "string",
    role_in_org: "string",
    additional_roles_in_org: list("string"),
    created_at: "i64",
    expires_at: "i64",
    inviter_email: opt("string"),
    inviter_user_id: opt("string"),
  },
  FetchPendingInvitesResponse: {
    total_invites: "i64",
    current_page: "i64",
    page_size: "i64",
    has_more_results: "bool",
    invites: list(ref("PendingInviteResponse")),
  },
  CreateSamlConnectionLinkResponse: { url: "string" },
  FetchSamlSpMetadataResponse: { entity_id: "string", acs_url: "string", logout_url: "string" },
  FetchApiKeyResponse: {
    api_key_id: "string",
    created_at: "i32",
    expires_at_seconds: opt("i64"),
    metadata: opt("any"),
    user_id: opt("string"),
    org_id: opt("string"),
  },
  FetchApiKeysPagedResponse: {
    api_keys: list(ref("FetchApiKeyResponse")),
    total_api_keys: "i64",
    current_page: "i64",
    page_size: "i64",
    has_more_results: "bool",
  },
  CreateApiKeyResponse: { api_key_id: "string", api_key_token: "string" },
  // validate_api_key_response.rs: OrgMetadata (org_id is a uuid::Uuid)
  ValidateOrgMetadata: { org_id: "uuid", org_name: "string", can_setup_saml: "bool", max_users: opt("i32"), metadata: valueMap },
  ValidateApiKeyResponse: {
    metadata: opt("any"),
    user: opt(ref("UserMetadata")),
    org: opt(ref("ValidateOrgMetadata")),
    user_in_org: opt(ref("UserInOrg")),
    user_id: opt("string"),
    org_id: opt("string"),
  },
  AuthTokenVerificationMetadata: { public_key_pem: "string" },
  SuccessfulResponse: { message: opt("string") },
};

/** Any status below 400 is success for the generated builders. */
const ANY_2XX = Array.from({ length: 100 }, (_, i) => 200 + i);
const ok = (fns: string[], model: string): SuccessHandling => ({ fns, statuses: ANY_2XX, model: ref(model) });
const done = (...fns: string[]) => ok(fns, "SuccessfulResponse");
const u = (fn: string) => `UserService::${fn}`;
const o = (fn: string) => `OrgService::${fn}`;
const k = (fn: string) => `ApiKeyService::${fn}`;

export const rustSuccess: Record<string, SuccessHandling> = {
  fetchTokenVerificationMetadataLegacy: ok(["PropelAuth::fetch_and_init"], "AuthTokenVerificationMetadata"),
  fetchUserByEmail: ok([u("fetch_user_by_email")], "UserMetadata"),
  fetchUserById: ok([u("fetch_user_by_id")], "UserMetadata"),
  fetchUserByUsername: ok([u("fetch_user_by_username")], "UserMetadata"),
  fetchUsersByIds: { fns: [u("fetch_users_by_ids")], statuses: ANY_2XX, model: list(ref("UserMetadata")) },
  fetchUsersByEmails: { fns: [u("fetch_users_by_emails")], statuses: ANY_2XX, model: list(ref("UserMetadata")) },
  fetchUsersByUsernames: { fns: [u("fetch_users_by_usernames")], statuses: ANY_2XX, model: list(ref("UserMetadata")) },
  queryUsers: ok([u("fetch_users_by_query")], "UserPagedResponse"),
  createUser: ok([u("create_user")], "CreatedUserResponse"),
  deleteUser: done(u("delete_user")),
  disableUser: done(u("disable_user")),
  // serde_json::from_str("") fails: a 204 without a body is UnexpectedException in the crate.
  logoutAllUserSessions: { ...done(u("logout_all_user_sessions")), unreadable: [204] },
  enableUser: done(u("enable_user")),
  updateUserMetadata: done(u("update_user_metadata")),
  updateUserEmail: done(u("update_user_email")),
  updateUserPassword: done(u("update_user_password")),
  clearUserPassword: done(u("clear_user_password")),
  disableUser2fa: done(u("disable_user_2fa")),
  resendEmailConfirmation: { ...done(u("resend_email_confirmation")), unreadable: [204] },
  migrateUser: ok([u("migrate_user")], "CreatedUserResponse"),
  migrateUserPassword: done(u("migrate_user_password")),
  createMagicLink: ok([u("create_magic_link")], "MagicLink"),
  enableUserCanCreateOrgs: done(u("enable_user_can_create_orgs")),
  disableUserCanCreateOrgs: done(u("disable_user_can_create_orgs")),
  fetchOrg: ok([o("fetch_org")], "FetchOrgResponse"),
  queryOrgs: ok([o("fetch_orgs_by_query")], "FetchOrgsResponse"),
  fetchUsersInOrg: ok([o("fetch_users_in_org")], "UserPagedResponse"),
  fetchCustomRoleMappings: ok([o("fetch_custom_role_mappings")], "FetchCustomRoleMappingsResponse"),
  fetchPendingInvites: ok([o("fetch_pending_invites")], "FetchPendingInvitesResponse"),
  addUserToOrg: done(o("add_user_to_org")),
  changeUserRoleInOrg: done(o("change_user_role_in_org")),
  removeUserFromOrg: done(o("remove_user_from_org")),
  createOrg: ok([o("create_org")], "CreateOrgResponse"),
  updateOrg: done(o("update_org"), o("subscribe_org_to_role_mapping")),
  allowOrgToSetupSaml: done(o("allow_org_to_enable_saml")),
  disallowOrgToSetupSaml: done(o("disallow_saml")),
  createSamlConnectionLink: ok([o("create_saml_connection_link")], "CreateSamlConnectionLinkResponse"),
  fetchSamlSpMetadata: ok([o("fetch_saml_sp_metadata")], "FetchSamlSpMetadataResponse"),
  setSamlIdpMetadata: done(o("set_saml_idp_metadata")),
  takeSamlConnectionLive: done(o("saml_go_live")),
  deleteSamlConnection: done(o("delete_saml_connection")),
  deleteOrg: done(o("delete_org")),
  // invite_user_to_org returns the body as a String without decoding it.
  inviteUserToOrg: { fns: [o("invite_user_to_org")], statuses: ANY_2XX },
  revokePendingInvite: done(o("revoke_pending_org_invite")),
  fetchCurrentApiKeys: ok([k("fetch_current_api_keys")], "FetchApiKeysPagedResponse"),
  fetchArchivedApiKeys: ok([k("fetch_archived_api_keys")], "FetchApiKeysPagedResponse"),
  fetchApiKey: ok([k("fetch_api_key")], "FetchApiKeyResponse"),
  createApiKey: ok([k("create_api_key")], "CreateApiKeyResponse"),
  updateApiKey: done(k("update_api_key")),
  deleteApiKey: done(k("delete_api_key")),
  validateApiKey: ok([k("validate_api_key"), k("validate_personal_api_key"), k("validate_org_api_key")], "ValidateApiKeyResponse"),
  createAccessToken: ok(
    ["AccessTokenService::create_access_token", "AccessTokenService::create_access_token_v2"],
    "CreateAccessTokenResponse",
  ),
};

/** Fields the Rust models read that the document does not define; all are Option, none misreads. */
export const rustUndefinedFields: UndefinedField[] = [
  ...["role_in_org", "additional_roles_in_org"].map(
    (field): UndefinedField => ({
      field,
      evidence:
        "models/user_metadata.rs: #[serde(default)] Option fields of UserMetadata, filled only by fetch_users_in_org answers (where the document has them); the other user answers leave them None.",
    }),
  ),
  {
    field: "message",
    evidence: "models/successful_response.rs: SuccessfulResponse { message: Option<String> }; the API answers {} and it stays None.",
  },
];
