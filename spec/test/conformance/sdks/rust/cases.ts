// Every backend request of the Rust crate 0.23.3, as its request builders in src/apis/*.rs make
// it: requests go to https://propelauth-api.com; query pairs are added one `.query(&[..])` call at
// a time, in source order, form-encoded by reqwest (serde_urlencoded); bodies are serde_json of
// the request models in src/models/*.rs: fields with skip_serializing_if = "Option::is_none" are
// left out when None, other Option fields are sent as null.
import type { ReplayCase, SdkSource } from "../../replay/types.js";
import { API_KEY_ID, API_KEY_TOKEN, CERTIFICATE, ORG_ID, OTHER_USER_ID, USER_ID } from "../ids.js";
import { RUST_REPO, RUST_VERSION } from "./inventory.js";

const V1 = "/api/backend/v1";
const HASH = "$2b$12$WApznUOJfkEGSmYRfnkrPOr7vJo0pTq5D9gVJcdKJ4T5NNbnbP2l6";

function rust(service: "UserService" | "OrgService" | "ApiKeyService" | "AccessTokenService", fn: string, file: string): SdkSource {
  return { repo: RUST_REPO, file: `src/apis/${file}`, fn: `${service}::${fn}`, version: RUST_VERSION };
}
const user = (fn: string) => rust("UserService", fn, "user_service_api.rs");
const org = (fn: string) => rust("OrgService", fn, "org_service_api.rs");
const key = (fn: string) => rust("ApiKeyService", fn, "api_key_service_api.rs");
const token = (fn: string) => rust("AccessTokenService", fn, "access_token_service_api.rs");

const userCases: ReplayCase[] = [
  {
    source: { repo: RUST_REPO, file: "src/apis/auth_service_api.rs", fn: "PropelAuth::fetch_and_init", version: RUST_VERSION },
    operationId: "fetchTokenVerificationMetadataLegacy",
    method: "GET",
    path: `${V1}/token_verification_metadata`,
  },
  {
    source: user("fetch_user_by_email"),
    operationId: "fetchUserByEmail",
    method: "GET",
    path: `${V1}/user/email`,
    query: "email=ada%40example.com&include_orgs=true",
  },
  {
    source: user("fetch_user_by_id"),
    variant: "include_orgs",
    operationId: "fetchUserById",
    method: "GET",
    path: `${V1}/user/${USER_ID}`,
    query: "include_orgs=false",
  },
  {
    source: user("fetch_user_by_id"),
    variant: "include_orgs None",
    operationId: "fetchUserById",
    method: "GET",
    path: `${V1}/user/${USER_ID}`,
  },
  // include_orgs is added before username in fetch_user_by_username.
  {
    source: user("fetch_user_by_username"),
    operationId: "fetchUserByUsername",
    method: "GET",
    path: `${V1}/user/username`,
    query: "include_orgs=true&username=ada_l",
  },
  {
    source: user("fetch_users_by_ids"),
    operationId: "fetchUsersByIds",
    method: "POST",
    path: `${V1}/user/user_ids`,
    query: "include_orgs=true",
    body: { user_ids: [USER_ID, OTHER_USER_ID] },
  },
  {
    source: user("fetch_users_by_emails"),
    operationId: "fetchUsersByEmails",
    method: "POST",
    path: `${V1}/user/emails`,
    body: { emails: ["ada@example.com"] },
  },
  {
    source: user("fetch_users_by_usernames"),
    operationId: "fetchUsersByUsernames",
    method: "POST",
    path: `${V1}/user/usernames`,
    query: "include_orgs=false",
    body: { usernames: ["ada_l"] },
  },
  {
    source: user("fetch_users_by_query"),
    variant: "every filter",
    operationId: "queryUsers",
    method: "GET",
    path: `${V1}/user/query`,
    query: "page_size=20&page_number=1&order_by=CREATED_AT_DESC&email_or_username=ada&include_orgs=true&legacy_user_id=usr_1815",
  },
  { source: user("fetch_users_by_query"), variant: "no filters", operationId: "queryUsers", method: "GET", path: `${V1}/user/query` },
  {
    source: user("create_user"),
    variant: "CreateUserRequest::new (the two booleans are always sent)",
    operationId: "createUser",
    method: "POST",
    path: `${V1}/user/`,
    body: { email: "grace@example.com", email_confirmed: false, send_email_to_confirm_email_address: true },
  },
  {
    source: user("create_user"),
    variant: "every field",
    operationId: "createUser",
    method: "POST",
    path: `${V1}/user/`,
    body: {
      email: "grace@example.com",
      email_confirmed: true,
      send_email_to_confirm_email_address: false,
      password: "correct-horse-battery-staple",
      username: "grace_h",
      first_name: "Grace",
      last_name: "Hopper",
      properties: { favorite_language: "COBOL" },
      ignore_domain_restrictions: true,
    },
  },
  { source: user("delete_user"), operationId: "deleteUser", method: "DELETE", path: `${V1}/user/${USER_ID}` },
  { source: user("disable_user"), operationId: "disableUser", method: "POST", path: `${V1}/user/${USER_ID}/disable` },
  {
    source: user("logout_all_user_sessions"),
    operationId: "logoutAllUserSessions",
    method: "POST",
    path: `${V1}/user/${USER_ID}/logout_all_sessions`,
  },
  { source: user("enable_user"), operationId: "enableUser", method: "POST", path: `${V1}/user/${USER_ID}/enable` },
  {
    source: user("update_user_metadata"),
    operationId: "updateUserMetadata",
    method: "PUT",
    path: `${V1}/user/${USER_ID}`,
    body: {
      username: "ada_l",
      first_name: "Ada",
      last_name: "Lovelace",
      picture_url: "https://img.example.com/ada.png",
      metadata: { plan: "pro" },
      properties: { favorite_language: "Analytical Engine" },
      update_password_required: false,
      legacy_user_id: "usr_1815",
    },
  },
  {
    source: user("update_user_email"),
    operationId: "updateUserEmail",
    method: "PUT",
    path: `${V1}/user/${USER_ID}/email`,
    body: { new_email: "ada.lovelace@example.com", require_email_confirmation: false },
  },
  {
    source: user("update_user_password"),
    operationId: "updateUserPassword",
    method: "PUT",
    path: `${V1}/user/${USER_ID}/password`,
    body: { password: "correct-horse-battery-staple" },
  },
  { source: user("clear_user_password"), operationId: "clearUserPassword", method: "PUT", path: `${V1}/user/${USER_ID}/clear_password` },
  { source: user("disable_user_2fa"), operationId: "disableUser2fa", method: "POST", path: `${V1}/user/${USER_ID}/disable_2fa` },
  {
    source: user("resend_email_confirmation"),
    operationId: "resendEmailConfirmation",
    method: "POST",
    path: `${V1}/resend_email_confirmation`,
    body: { user_id: USER_ID },
  },
  {
    source: user("migrate_user"),
    variant: "MigrateUserRequest::new",
    operationId: "migrateUser",
    method: "POST",
    path: `${V1}/migrate_user/`,
    body: { email: "ada@example.com", email_confirmed: true },
  },
  {
    source: user("migrate_user"),
    variant: "every field",
    operationId: "migrateUser",
    method: "POST",
    path: `${V1}/migrate_user/`,
    body: {
      email: "ada@example.com",
      email_confirmed: true,
      existing_user_id: "usr_1815",
      existing_password_hash: HASH,
      existing_mfa_base32_encoded_secret: "JBSWY3DPEHPK3PXP",
      enabled: true,
      username: "ada_l",
      first_name: "Ada",
      last_name: "Lovelace",
      picture_url: "https://img.example.com/ada.png",
      properties: { favorite_language: "Analytical Engine" },
      update_password_required: true,
    },
  },
  {
    source: user("migrate_user_password"),
    operationId: "migrateUserPassword",
    method: "POST",
    path: `${V1}/migrate_user/password`,
    body: { user_id: USER_ID, password_hash: HASH },
  },
  {
    source: user("create_magic_link"),
    operationId: "createMagicLink",
    method: "POST",
    path: `${V1}/magic_link`,
    body: {
      email: "ada@example.com",
      redirect_to_url: "https://app.example.com/welcome",
      expires_in_hours: 24,
      create_new_user_if_one_doesnt_exist: false,
    },
  },
  ...(["enable", "disable"] as const).map(
    (which): ReplayCase => ({
      source: user(`${which}_user_can_create_orgs`),
      operationId: `${which}UserCanCreateOrgs`,
      method: "POST",
      path: `${V1}/user/${USER_ID}/can_create_orgs/${which}`,
      deviation: {
        summary: "sends POST where every other SDK sends PUT",
        evidence: `src/apis/user_service_api.rs ${which}_user_can_create_orgs: reqwest::Method::POST. Node (${which}UserCanCreateOrgs), Go (${which === "enable" ? "Enable" : "Disable"}UserCanCreateOrgs, queryHelper.Put), Python, Cloudflare Worker (httpRequest(..., "PUT")) and PropelAuth's API reference send PUT.`,
      },
    }),
  ),
];

const orgCases: ReplayCase[] = [
  { source: org("fetch_org"), operationId: "fetchOrg", method: "GET", path: `${V1}/org/${ORG_ID}` },
  {
    source: org("fetch_orgs_by_query"),
    variant: "every filter",
    operationId: "queryOrgs",
    method: "GET",
    path: `${V1}/org/query`,
    query: "page_size=10&page_number=0&order_by=NAME&name=ac&legacy_org_id=org_4411&domain=acme.com",
  },
  { source: org("fetch_orgs_by_query"), variant: "no filters", operationId: "queryOrgs", method: "GET", path: `${V1}/org/query` },
  {
    source: org("fetch_users_in_org"),
    operationId: "fetchUsersInOrg",
    method: "GET",
    path: `${V1}/user/org/${ORG_ID}`,
    query: "page_size=50&page_number=0&include_orgs=true&role=Admin",
  },
  { source: org("fetch_custom_role_mappings"), operationId: "fetchCustomRoleMappings", method: "GET", path: `${V1}/custom_role_mappings` },
  {
    source: org("fetch_pending_invites"),
    operationId: "fetchPendingInvites",
    method: "GET",
    path: `${V1}/pending_org_invites`,
    query: `page_size=10&page_number=0&org_id=${ORG_ID}`,
  },
  {
    // AddUserToOrgRequest::new sets additional_roles to vec![]; it has no skip_serializing_if.
    source: org("add_user_to_org"),
    operationId: "addUserToOrg",
    method: "POST",
    path: `${V1}/org/add_user`,
    body: { user_id: USER_ID, org_id: ORG_ID, role: "Member", additional_roles: [] },
  },
  {
    source: org("change_user_role_in_org"),
    operationId: "changeUserRoleInOrg",
    method: "POST",
    path: `${V1}/org/change_role`,
    body: { user_id: USER_ID, org_id: ORG_ID, role: "Owner", additional_roles: ["Billing"] },
  },
  {
    source: org("remove_user_from_org"),
    operationId: "removeUserFromOrg",
    method: "POST",
    path: `${V1}/org/remove_user`,
    body: { user_id: USER_ID, org_id: ORG_ID },
  },
  {
    source: org("create_org"),
    operationId: "createOrg",
    method: "POST",
    path: `${V1}/org/`,
    body: {
      name: "Acme",
      domain: "acme.com",
      enable_auto_joining_by_domain: true,
      members_must_have_matching_domain: false,
      max_users: 50,
      custom_role_mapping_name: "Enterprise roles",
      legacy_org_id: "org_4411",
    },
  },
  {
    source: org("update_org"),
    operationId: "updateOrg",
    method: "PUT",
    path: `${V1}/org/${ORG_ID}`,
    body: {
      name: "Acme Corp",
      can_setup_saml: true,
      max_users: 100,
      metadata: { tier: "enterprise" },
      domain: "acme.com",
      autojoin_by_domain: true,
      restrict_to_domain: false,
      legacy_org_id: "org_4411",
      require_2fa_by: "2027-01-01T00:00:00Z",
      extra_domains: ["acme.io"],
    },
  },
  {
    source: org("subscribe_org_to_role_mapping"),
    operationId: "updateOrg",
    method: "PUT",
    path: `${V1}/org/${ORG_ID}`,
    body: { custom_role_mapping_name: "Enterprise roles" },
  },
  { source: org("allow_org_to_enable_saml"), operationId: "allowOrgToSetupSaml", method: "POST", path: `${V1}/org/${ORG_ID}/allow_saml` },
  { source: org("disallow_saml"), operationId: "disallowOrgToSetupSaml", method: "POST", path: `${V1}/org/${ORG_ID}/disallow_saml` },
  {
    source: org("create_saml_connection_link"),
    variant: "with an expiry",
    operationId: "createSamlConnectionLink",
    method: "POST",
    path: `${V1}/org/${ORG_ID}/create_saml_connection_link`,
    body: { expires_in_seconds: 86400 },
  },
  {
    // The body is serde_json::json!({"expires_in_seconds": expires_in_seconds}): None is null.
    source: org("create_saml_connection_link"),
    variant: "expires_in_seconds None",
    operationId: "createSamlConnectionLink",
    method: "POST",
    path: `${V1}/org/${ORG_ID}/create_saml_connection_link`,
    body: { expires_in_seconds: null },
  },
  { source: org("fetch_saml_sp_metadata"), operationId: "fetchSamlSpMetadata", method: "GET", path: `${V1}/saml_sp_metadata/${ORG_ID}` },
  {
    source: org("set_saml_idp_metadata"),
    operationId: "setSamlIdpMetadata",
    method: "POST",
    path: `${V1}/saml_idp_metadata`,
    body: {
      org_id: ORG_ID,
      idp_entity_id: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9",
      idp_sso_url: "https://acme.okta.com/app/acme_app/exk1a2b3c4d5e6f7g8h9/sso/saml",
      idp_certificate: CERTIFICATE,
      provider: "JumpCloud",
    },
  },
  { source: org("saml_go_live"), operationId: "takeSamlConnectionLive", method: "POST", path: `${V1}/saml_idp_metadata/go_live/${ORG_ID}` },
  {
    source: org("delete_saml_connection"),
    operationId: "deleteSamlConnection",
    method: "DELETE",
    path: `${V1}/saml_idp_metadata/${ORG_ID}`,
  },
  { source: org("delete_org"), operationId: "deleteOrg", method: "DELETE", path: `${V1}/org/${ORG_ID}` },
  {
    source: { ...org("invite_user_to_org"), file: "src/apis/user_service_api.rs" },
    operationId: "inviteUserToOrg",
    method: "POST",
    path: `${V1}/invite_user`,
    body: { org_id: ORG_ID, email: "grace@example.com", role: "Member", additional_roles: [] },
  },
  {
    source: org("revoke_pending_org_invite"),
    operationId: "revokePendingInvite",
    method: "DELETE",
    path: `${V1}/pending_org_invites`,
    body: { org_id: ORG_ID, invitee_email: "grace@example.com" },
  },
];

const keyCases: ReplayCase[] = [
  {
    source: key("fetch_current_api_keys"),
    variant: "every filter",
    operationId: "fetchCurrentApiKeys",
    method: "GET",
    path: `${V1}/end_user_api_keys`,
    query: `user_id=${USER_ID}&user_email=ada%40example.com&org_id=${ORG_ID}&page_size=10&page_number=0`,
  },
  {
    source: key("fetch_current_api_keys"),
    variant: "no filters",
    operationId: "fetchCurrentApiKeys",
    method: "GET",
    path: `${V1}/end_user_api_keys`,
  },
  {
    source: key("fetch_archived_api_keys"),
    operationId: "fetchArchivedApiKeys",
    method: "GET",
    path: `${V1}/end_user_api_keys/archived`,
    query: `org_id=${ORG_ID}&page_size=10`,
  },
  { source: key("fetch_api_key"), operationId: "fetchApiKey", method: "GET", path: `${V1}/end_user_api_keys/${API_KEY_ID}` },
  {
    // CreateApiKeyParams derives Serialize without skip_serializing_if: every None goes as null.
    source: key("create_api_key"),
    variant: "a personal key: the unset fields go as null",
    operationId: "createApiKey",
    method: "POST",
    path: `${V1}/end_user_api_keys`,
    body: { expires_at_seconds: null, metadata: null, user_id: USER_ID, org_id: null },
  },
  {
    source: key("create_api_key"),
    variant: "every field",
    operationId: "createApiKey",
    method: "POST",
    path: `${V1}/end_user_api_keys`,
    body: { expires_at_seconds: 1798761600, metadata: { purpose: "ci" }, user_id: USER_ID, org_id: ORG_ID },
  },
  {
    source: key("update_api_key"),
    variant: "never expire: the unset fields go as null",
    operationId: "updateApiKey",
    method: "PATCH",
    path: `${V1}/end_user_api_keys/${API_KEY_ID}`,
    body: { expires_at_seconds: null, metadata: null, set_to_never_expire: true },
  },
  {
    source: key("update_api_key"),
    variant: "expiry and metadata",
    operationId: "updateApiKey",
    method: "PATCH",
    path: `${V1}/end_user_api_keys/${API_KEY_ID}`,
    body: { expires_at_seconds: 1798761600, metadata: { purpose: "ci" }, set_to_never_expire: null },
  },
  { source: key("delete_api_key"), operationId: "deleteApiKey", method: "DELETE", path: `${V1}/end_user_api_keys/${API_KEY_ID}` },
  ...["validate_api_key", "validate_personal_api_key", "validate_org_api_key"].map(
    (fn): ReplayCase => ({
      source: key(fn),
      operationId: "validateApiKey",
      method: "POST",
      path: `${V1}/end_user_api_keys/validate`,
      body: { api_key_token: API_KEY_TOKEN },
    }),
  ),
  {
    source: token("create_access_token"),
    operationId: "createAccessToken",
    method: "POST",
    path: `${V1}/access_token`,
    body: { user_id: USER_ID, duration_in_minutes: 60 },
  },
  {
    source: token("create_access_token_v2"),
    operationId: "createAccessToken",
    method: "POST",
    path: `${V1}/access_token`,
    body: { user_id: USER_ID, duration_in_minutes: 60, active_org_id: ORG_ID },
  },
];

export const rustCases: ReplayCase[] = [...userCases, ...orgCases, ...keyCases];
