// Every function of the official Rust crate (PropelAuth/rust, crate `propelauth` 0.23.3, tag v0.23.3)
// that sends a backend request: the `pub async fn`s of the services in src/propelauth/{user,org,
// api_key,access_token}.rs, read with
//   git show v0.23.3:src/propelauth/user.rs | grep 'pub async fn'
// and PropelAuth::fetch_and_init in src/propelauth/auth.rs. (PropelAuth::init and the token
// verification in token.rs send nothing.)
export const RUST_VERSION = "v0.23.3";
export const RUST_REPO = "PropelAuth/rust";

export const rustInventory = [
  "PropelAuth::fetch_and_init",
  // src/propelauth/user.rs
  ...[
    "fetch_user_by_email",
    "fetch_user_by_id",
    "fetch_user_by_username",
    "fetch_users_by_ids",
    "fetch_users_by_emails",
    "fetch_users_by_usernames",
    "fetch_users_by_query",
    "create_user",
    "delete_user",
    "disable_user",
    "logout_all_user_sessions",
    "enable_user",
    "update_user_metadata",
    "update_user_email",
    "update_user_password",
    "clear_user_password",
    "disable_user_2fa",
    "resend_email_confirmation",
    "migrate_user",
    "migrate_user_password",
    "create_magic_link",
    "enable_user_can_create_orgs",
    "disable_user_can_create_orgs",
  ].map((fn) => `UserService::${fn}`),
  // src/propelauth/org.rs
  ...[
    "fetch_org",
    "fetch_orgs_by_query",
    "fetch_users_in_org",
    "fetch_custom_role_mappings",
    "fetch_pending_invites",
    "add_user_to_org",
    "change_user_role_in_org",
    "remove_user_from_org",
    "create_org",
    "update_org",
    "subscribe_org_to_role_mapping",
    "allow_org_to_enable_saml",
    "disallow_saml",
    "create_saml_connection_link",
    "fetch_saml_sp_metadata",
    "set_saml_idp_metadata",
    "saml_go_live",
    "delete_saml_connection",
    "delete_org",
    "invite_user_to_org",
    "revoke_pending_org_invite",
  ].map((fn) => `OrgService::${fn}`),
  // src/propelauth/api_key.rs
  ...[
    "fetch_current_api_keys",
    "fetch_archived_api_keys",
    "fetch_api_key",
    "create_api_key",
    "update_api_key",
    "delete_api_key",
    "validate_api_key",
    "validate_personal_api_key",
    "validate_org_api_key",
  ].map((fn) => `ApiKeyService::${fn}`),
  // src/propelauth/access_token.rs
  ...["create_access_token", "create_access_token_v2"].map((fn) => `AccessTokenService::${fn}`),
];
