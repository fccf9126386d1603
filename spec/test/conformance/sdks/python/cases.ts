// Every backend request of the Python SDK (PropelAuth/propelauth-py), sync and async, as
// capture.py recorded it from the released code (captured.json): each public method of Auth and
// AsyncAuth called with its required arguments only and with every option given.
import { casesOf, loadCapture } from "../../replay/captured.js";
import type { ReplayCase } from "../../replay/types.js";

export const captured = loadCapture(new URL("./captured.json", import.meta.url));

/** The operation each backend function means (the async copy means the same one). */
export const OPERATION: Record<string, string> = {
  _add_user_to_org: "addUserToOrg",
  _allow_org_to_setup_saml_connection: "allowOrgToSetupSaml",
  _change_user_role_in_org: "changeUserRoleInOrg",
  _clear_user_password: "clearUserPassword",
  _create_access_token: "createAccessToken",
  _create_api_key: "createApiKey",
  _create_magic_link: "createMagicLink",
  _create_org: "createOrg",
  _create_org_saml_connection_link: "createSamlConnectionLink",
  _create_user: "createUser",
  _delete_api_key: "deleteApiKey",
  _delete_org: "deleteOrg",
  _delete_saml_connection: "deleteSamlConnection",
  _delete_user: "deleteUser",
  _disable_user: "disableUser",
  _disable_user_2fa: "disableUser2fa",
  _disable_user_can_create_orgs: "disableUserCanCreateOrgs",
  _disallow_org_to_setup_saml_connection: "disallowOrgToSetupSaml",
  _enable_user: "enableUser",
  _enable_user_can_create_orgs: "enableUserCanCreateOrgs",
  _fetch_api_key: "fetchApiKey",
  _fetch_api_key_usage: "fetchApiKeyUsage",
  _fetch_archived_api_keys: "fetchArchivedApiKeys",
  _fetch_batch_user_metadata_by_emails: "fetchUsersByEmails",
  _fetch_batch_user_metadata_by_user_ids: "fetchUsersByIds",
  _fetch_batch_user_metadata_by_usernames: "fetchUsersByUsernames",
  _fetch_chart_metric_data: "fetchChartMetrics",
  _fetch_current_api_keys: "fetchCurrentApiKeys",
  _fetch_custom_role_mappings: "fetchCustomRoleMappings",
  _fetch_employee_by_id: "fetchEmployee",
  _fetch_fresh_token_from_provider: "fetchFreshOAuthToken",
  _fetch_org: "fetchOrg",
  _fetch_org_by_query: "queryOrgs",
  _fetch_org_report: "fetchOrgReport",
  _fetch_org_scim_groups: "fetchOrgScimGroups",
  _fetch_pending_invites: "fetchPendingInvites",
  _fetch_saml_sp_metadata: "fetchSamlSpMetadata",
  _fetch_scim_group: "fetchScimGroup",
  _fetch_token_verification_metadata: "fetchTokenVerificationMetadata",
  _fetch_user_metadata_by_email: "fetchUserByEmail",
  _fetch_user_metadata_by_user_id: "fetchUserById",
  _fetch_user_metadata_by_username: "fetchUserByUsername",
  _fetch_user_mfa_methods: "fetchUserMfaMethods",
  _fetch_user_oauth_tokens: "fetchUserOAuthTokens",
  _fetch_user_report: "fetchUserReport",
  _fetch_user_signup_query_params_by_user_id: "fetchUserSignupQueryParameters",
  _fetch_users_by_query: "queryUsers",
  _fetch_users_in_org: "fetchUsersInOrg",
  _import_api_key: "importApiKey",
  _invite_user_to_org: "inviteUserToOrg",
  _invite_user_to_org_by_user_id: "inviteUserToOrgByUserId",
  _logout_all_user_sessions: "logoutAllUserSessions",
  _migrate_user_from_external_source: "migrateUser",
  _migrate_user_password: "migrateUserPassword",
  _remove_user_from_org: "removeUserFromOrg",
  _resend_email_confirmation: "resendEmailConfirmation",
  _revoke_pending_org_invite: "revokePendingInvite",
  _saml_go_live: "takeSamlConnectionLive",
  _send_sms_mfa_code: "sendStepUpSmsCode",
  _set_oidc_idp_metadata: "setOidcIdpMetadata",
  _set_saml_idp_metadata: "setSamlIdpMetadata",
  _subscribe_org_to_role_mapping: "updateOrg",
  _update_api_key: "updateApiKey",
  _update_org_metadata: "updateOrg",
  _update_user_email: "updateUserEmail",
  _update_user_metadata: "updateUserMetadata",
  _update_user_password: "updateUserPassword",
  _validate_api_key: "validateApiKey",
  _validate_imported_api_key: "validateImportedApiKey",
  _validate_org_api_key: "validateApiKey",
  _validate_personal_api_key: "validateApiKey",
  _verify_sms_challenge: "verifyStepUpSmsCode",
  _verify_step_up_grant: "verifyStepUpGrant",
  _verify_step_up_totp_challenge: "verifyStepUpTotp",
};

/** Functions that raise before sending anything in the released version. */
export const exempt: Record<string, string> = {
  _fetch_api_key_usage:
    "propelauth_py/api/end_user_api_keys.py passes `params=_format_params(date)`, a string, so the sync call raises AttributeError before any request; the async copy sends correctly",
};

export const cases: ReplayCase[] = casesOf("PropelAuth/propelauth-py", captured, OPERATION);
