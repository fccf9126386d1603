// The task workflows, described once: which request runs in which folder of the Postman
// collection, in which order, with which values, and the Arazzo workflows (TASKS, at the end) made
// of the same steps. Ids never come from the document's examples: a create step captures them from
// the answer into a variable, and later steps send `{{thatVariable}}`. Placing a new operation is
// one entry below; an operation without an entry fails the Postman build and the tests. Plain data:
// @propelauth-openapi/postman builds its collection from it, scripts/arazzo.ts the Arazzo file.

/** The folders, in run order: writes nothing first, deletes last. */
export const FOLDERS = [
  {
    name: "Validation Only checks",
    description:
      'What a backend that only validates frontend requests does, and all a **Validation Only** key may do: fetch the token verification metadata (the public key that verifies your users\' access tokens) and validate end-user API keys (a token no key has is refused with 400, naming `api_key_token`; a backend key that may not validate is refused with 401). Writes nothing; passes with any kind of backend key (`--folder "Validation Only checks"`).',
  },
  {
    name: "Read-only checks",
    description:
      'Reads that need no entity of their own and write nothing (with *Validation Only checks*). Safe against production: run this folder alone with a **Read and Validate** key (`--folder "Read-only checks"`).',
  },
  {
    name: "Create",
    description:
      "Creates what the run needs: two users (one with a confirmed email, one without), a migrated user, an organization with a member and two pending invitations, an end-user API key and an imported one, a magic link and an access token. Every id and token is captured into a collection variable; nothing uses a fixed id.",
  },
  {
    name: "Read",
    description:
      "Reads back what *Create* made, by id, email, username and organization, validates the end-user API keys, and fetches the insights reports (which a Read and Validate key may not).",
  },
  {
    name: "Update",
    description: "Changes what *Create* made: metadata, email, password, user flags, the organization, roles, the API key, SAML set-up.",
  },
  {
    name: "Needs a live person",
    description:
      "Requests that need something only a person or an identity provider has: an authenticator code, an SMS code, a social login, a PropelAuth employee, an SSO identity provider, a SCIM connection. Each request is **skipped** (not failed) until the environment variables it names are filled in; its description says what to fill in. Fill them, then run this folder (it uses the organization of *Create*, so run *Create* first and *Delete* after).",
  },
  {
    name: "Delete",
    description:
      "Undoes the run: revokes the invitations, removes the membership, deletes the API keys, the organization and the users, and clears the collection variables. After it the environment holds what it held before the run (see the README for the history PropelAuth keeps: archived API keys, sent emails).",
  },
] as const;

export type FolderName = (typeof FOLDERS)[number]["name"];

/** One request of the workflow. */
export interface Step {
  /** The operationId it calls. */
  operation: string;
  /** Unique among steps that call the same operation (the item id is `operation#variant`). */
  variant?: string;
  /** The request's name when it differs from the operation's summary (steps calling one operation twice). */
  name?: string;
  folder: FolderName;
  /** The one status that means success here; the lowest documented 2xx when not given. */
  status?: number;
  path?: Record<string, string>;
  /** Query parameters sent (the others are listed, disabled). */
  query?: Record<string, string>;
  body?: unknown;
  /** Collection variables set from the answer's body: variable name -> top-level field. */
  capture?: Record<string, string>;
  /** Variables a person fills in: the request is skipped until each has a value. */
  needs?: string[];
  /** What the step does and why, shown in its description. */
  note?: string;
}

/** Variables the collection's pre-request script sets (unquoted in bodies when numeric). */
export const COMPUTED_VARIABLES = {
  runId: "A value unique to this run, set on the first request and cleared at the end: it makes emails, usernames and names unique.",
  inOneDay: "Unix seconds one day from now (API key expiry).",
  inTwoDays: "Unix seconds two days from now (API key expiry after Update).",
  today: "Today's date, YYYY-MM-DD (UTC), for usage counts.",
} as const;

export const NUMERIC_VARIABLES = ["inOneDay", "inTwoDays"];

/** Variables a person fills in, in the environment, for the *Needs a live person* folder. */
export const LIVE_VARIABLES: Record<string, string> = {
  stepUpUserId: "Id of a user with an authenticator app or SMS MFA (step-up MFA requests).",
  stepUpTotpCode: "The 6-digit code the user's authenticator app shows now (Verify step-up TOTP).",
  stepUpMfaPhoneId: "Id of one of the user's MFA phones (`mfa_phone_id` from Fetch MFA methods).",
  stepUpSmsCode: "The code the user received by SMS after *Send a step-up SMS code* ran.",
  socialLoginUserId: "Id of a user who logged in with a social provider that keeps tokens.",
  socialLoginProvider: "That provider, in lower case (for example `google`).",
  employeeId: "Id of a PropelAuth employee (PropelAuth support gives it).",
  samlIdpEntityId: "Your SAML identity provider's entity id.",
  samlIdpSsoUrl: "Your SAML identity provider's single sign-on URL.",
  samlIdpCertificate: "Your SAML identity provider's signing certificate (PEM, one line with \\n).",
  oidcClientId: "The client id your OIDC identity provider issued.",
  oidcClientSecret: "Its client secret.",
  oidcAuthUrl: "The identity provider's authorization URL.",
  oidcTokenUrl: "Its token URL.",
  oidcUserinfoUrl: "Its userinfo URL.",
  scimOrgId: "Id of an organization connected to a SCIM identity provider.",
  sessionRefreshToken:
    "The refresh token of a user's login session, as PropelAuth's hosted login gave it to your server (the session is logged out at the end).",
  scimGroupId: "Id of a SCIM group that identity provider pushed.",
};

/** What each captured variable holds (declared on the collection, empty until a run sets it). */
export const CAPTURED_VARIABLES: Record<string, string> = {
  userId: "The user *Create a user* made.",
  secondUserId: "The user with an unconfirmed email *Create a user (unconfirmed email)* made.",
  migratedUserId: "The user *Migrate a user* made.",
  orgId: "The organization *Create an organization* made.",
  apiKeyId: "The end-user API key *Create an API key* made.",
  apiKeyToken: "Its token (answered once, by Create).",
  importedApiKeyId: "The key *Import an API key* made.",
  stepUpGrant: "The grant Verify step-up TOTP answered (used by Verify a step-up grant).",
  smsChallengeId: "The challenge Send a step-up SMS code answered.",
  refreshedToken: "The refresh token Refresh a session answered (Log out a session ends that session).",
};

const EMAIL = "postman-{{runId}}@example.com";
const SECOND_EMAIL = "postman-{{runId}}-b@example.com";
const INVITEE_EMAIL = "postman-{{runId}}-invitee@example.com";
const USERNAME = "postman{{runId}}";
const IMPORTED_KEY = "postman-imported-{{runId}}";
// A token no end-user API key has (shaped like one: 48 hex digits would be a plausible key).
const UNKNOWN_KEY = "postman-no-such-key-{{runId}}";
// A bcrypt hash of a password nobody uses; PropelAuth only stores it.
const BCRYPT = "$2b$12$KIXQJQ1bK0f6o5s0sRz7UeXh9n0r0FvYc0eZ3b1Yy2m3n4o5p6q7r";
const member = (userId: string, role: string) => ({ user_id: userId, org_id: "{{orgId}}", role, additional_roles: [] });

export const STEPS: Step[] = [
  // Validation Only checks
  { operation: "fetchTokenVerificationMetadata", folder: "Validation Only checks" },
  { operation: "fetchTokenVerificationMetadataLegacy", folder: "Validation Only checks" },
  {
    operation: "validateApiKey",
    variant: "unknown",
    name: "Validate an end-user API key that does not exist",
    folder: "Validation Only checks",
    status: 400,
    body: { api_key_token: UNKNOWN_KEY },
    note: "No key has this token: PropelAuth refuses it with 400 and a field-error map naming `api_key_token`, which is how your backend tells a bad end-user key from a backend key that may not validate (401).",
  },
  {
    operation: "validateImportedApiKey",
    variant: "unknown",
    name: "Validate an imported API key that does not exist",
    folder: "Validation Only checks",
    status: 400,
    body: { api_key_token: UNKNOWN_KEY },
    note: "The same check for keys imported from another system.",
  },

  // Read-only checks
  { operation: "queryUsers", folder: "Read-only checks", query: { page_size: "10", page_number: "0" } },
  { operation: "queryOrgs", folder: "Read-only checks", query: { page_size: "10", page_number: "0" } },
  { operation: "queryOrgsByPost", folder: "Read-only checks", body: { page_size: 10, page_number: 0 } },
  { operation: "fetchCustomRoleMappings", folder: "Read-only checks" },
  { operation: "fetchCurrentApiKeys", folder: "Read-only checks", query: { page_size: "10" } },
  { operation: "fetchArchivedApiKeys", folder: "Read-only checks", query: { page_size: "10" } },
  { operation: "fetchPendingInvites", folder: "Read-only checks", query: { page_size: "10" } },
  { operation: "fetchApiKeyUsage", folder: "Read-only checks", query: { date: "{{today}}" } },

  // Create
  {
    operation: "createUser",
    folder: "Create",
    body: {
      email: EMAIL,
      email_confirmed: true,
      send_email_to_confirm_email_address: false,
      password: "Postman-{{runId}}-pass",
      ask_user_to_update_password_on_login: false,
      username: USERNAME,
      first_name: "Postman",
      last_name: "Run",
    },
    capture: { userId: "user_id" },
  },
  {
    operation: "createUser",
    variant: "unconfirmed",
    name: "Create a user (unconfirmed email)",
    folder: "Create",
    body: { email: SECOND_EMAIL, email_confirmed: false, send_email_to_confirm_email_address: false },
    capture: { secondUserId: "user_id" },
  },
  {
    operation: "migrateUser",
    folder: "Create",
    body: {
      email: "postman-{{runId}}-migrated@example.com",
      email_confirmed: true,
      existing_user_id: "legacy-{{runId}}",
      existing_password_hash: BCRYPT,
      update_password_required: false,
      enabled: true,
      first_name: "Migrated",
    },
    capture: { migratedUserId: "user_id" },
  },
  { operation: "createOrg", folder: "Create", body: { name: "Postman run {{runId}}", max_users: 50 }, capture: { orgId: "org_id" } },
  { operation: "addUserToOrg", folder: "Create", body: member("{{userId}}", "Member") },
  {
    operation: "inviteUserToOrg",
    folder: "Create",
    body: { email: INVITEE_EMAIL, org_id: "{{orgId}}", role: "Member", additional_roles: [] },
  },
  { operation: "inviteUserToOrgByUserId", folder: "Create", body: member("{{secondUserId}}", "Member") },
  {
    operation: "createApiKey",
    folder: "Create",
    body: {
      user_id: "{{userId}}",
      org_id: "{{orgId}}",
      expires_at_seconds: "{{inOneDay}}",
      metadata: { created_by: "postman" },
      display_name: "Postman run {{runId}}",
    },
    capture: { apiKeyId: "api_key_id", apiKeyToken: "api_key_token" },
  },
  {
    operation: "importApiKey",
    folder: "Create",
    body: { imported_api_key: IMPORTED_KEY, org_id: "{{orgId}}", display_name: "Postman import {{runId}}" },
    capture: { importedApiKeyId: "api_key_id" },
  },
  {
    operation: "createMagicLink",
    folder: "Create",
    body: { email: EMAIL, expires_in_hours: 1, create_new_user_if_one_doesnt_exist: false, expire_after_first_use: true },
    note: "The link is answered, not emailed; it expires in an hour.",
  },
  {
    operation: "createAccessToken",
    folder: "Create",
    body: { user_id: "{{userId}}", duration_in_minutes: 5, active_org_id: "{{orgId}}" },
    note: "The token expires in five minutes.",
  },

  // Read
  { operation: "fetchUserById", folder: "Read", path: { user_id: "{{userId}}" }, query: { include_orgs: "true" } },
  { operation: "fetchUserByEmail", folder: "Read", query: { email: EMAIL, include_orgs: "true" } },
  { operation: "fetchUserByUsername", folder: "Read", query: { username: USERNAME } },
  { operation: "fetchUsersByIds", folder: "Read", body: { user_ids: ["{{userId}}", "{{secondUserId}}"] } },
  { operation: "fetchUsersByEmails", folder: "Read", body: { emails: [EMAIL, SECOND_EMAIL] } },
  { operation: "fetchUsersByUsernames", folder: "Read", body: { usernames: [USERNAME] } },
  { operation: "fetchUsersInOrg", folder: "Read", path: { org_id: "{{orgId}}" } },
  { operation: "fetchUserSignupQueryParameters", folder: "Read", path: { user_id: "{{userId}}" } },
  { operation: "fetchUserMfaMethods", folder: "Read", path: { user_id: "{{userId}}" } },
  { operation: "fetchUserOAuthTokens", folder: "Read", path: { user_id: "{{userId}}" } },
  { operation: "fetchOrg", folder: "Read", path: { org_id: "{{orgId}}" } },
  {
    operation: "fetchPendingInvites",
    variant: "org",
    name: "Fetch the organization's pending invitations",
    folder: "Read",
    query: { org_id: "{{orgId}}" },
  },
  { operation: "fetchOrgScimGroups", folder: "Read", path: { org_id: "{{orgId}}" } },
  { operation: "fetchApiKey", folder: "Read", path: { api_key_id: "{{apiKeyId}}" } },
  {
    operation: "fetchCurrentApiKeys",
    variant: "org",
    name: "Fetch the organization's API keys",
    folder: "Read",
    query: { org_id: "{{orgId}}" },
  },
  { operation: "validateApiKey", folder: "Read", body: { api_key_token: "{{apiKeyToken}}" } },
  { operation: "validateImportedApiKey", folder: "Read", body: { api_key_token: IMPORTED_KEY } },
  // Insights need a Full Access key (or Custom with Read Insights): not in Read-only checks.
  { operation: "fetchUserReport", folder: "Read" },
  { operation: "fetchOrgReport", folder: "Read" },
  { operation: "fetchChartMetrics", folder: "Read" },
  {
    operation: "fetchApiKeyUsage",
    variant: "key",
    name: "Fetch the API key's usage today",
    folder: "Read",
    query: { date: "{{today}}", api_key_id: "{{apiKeyId}}" },
  },

  // Update
  {
    operation: "updateUserMetadata",
    folder: "Update",
    path: { user_id: "{{userId}}" },
    body: { first_name: "Postman", last_name: "Updated", metadata: { run: "{{runId}}" } },
  },
  {
    operation: "updateUserPassword",
    folder: "Update",
    path: { user_id: "{{userId}}" },
    body: { password: "Postman-{{runId}}-new", ask_user_to_update_password_on_login: false },
  },
  { operation: "clearUserPassword", folder: "Update", path: { user_id: "{{userId}}" } },
  { operation: "migrateUserPassword", folder: "Update", body: { user_id: "{{migratedUserId}}", password_hash: BCRYPT } },
  { operation: "enableUserCanCreateOrgs", folder: "Update", path: { user_id: "{{userId}}" } },
  { operation: "disableUserCanCreateOrgs", folder: "Update", path: { user_id: "{{userId}}" } },
  { operation: "disableUser", folder: "Update", path: { user_id: "{{userId}}" } },
  { operation: "enableUser", folder: "Update", path: { user_id: "{{userId}}" } },
  { operation: "disableUser2fa", folder: "Update", path: { user_id: "{{userId}}" } },
  { operation: "logoutAllUserSessions", folder: "Update", path: { user_id: "{{userId}}" } },
  {
    operation: "resendEmailConfirmation",
    folder: "Update",
    body: { user_id: "{{secondUserId}}" },
    note: "Sends a confirmation email to the unconfirmed user's address (an example.com address nobody reads).",
  },
  {
    operation: "updateUserEmail",
    folder: "Update",
    path: { user_id: "{{userId}}" },
    body: { new_email: "postman-{{runId}}-renamed@example.com", require_email_confirmation: false },
  },
  {
    operation: "updateOrg",
    folder: "Update",
    path: { org_id: "{{orgId}}" },
    body: { name: "Postman run {{runId}} (renamed)", metadata: { run: "{{runId}}" }, max_users: 100 },
  },
  { operation: "changeUserRoleInOrg", folder: "Update", body: member("{{userId}}", "Admin") },
  {
    operation: "updateApiKey",
    folder: "Update",
    path: { api_key_id: "{{apiKeyId}}" },
    body: { expires_at_seconds: "{{inTwoDays}}", metadata: { created_by: "postman", updated: true } },
  },
  { operation: "allowOrgToSetupSaml", folder: "Update", path: { org_id: "{{orgId}}" } },
  { operation: "createSamlConnectionLink", folder: "Update", path: { org_id: "{{orgId}}" }, body: { expires_in_seconds: 3600 } },
  { operation: "fetchSamlSpMetadata", folder: "Update", path: { org_id: "{{orgId}}" } },

  // Needs a live person
  {
    operation: "verifyStepUpTotp",
    folder: "Needs a live person",
    body: {
      action_type: "POSTMAN_CHECK",
      user_id: "{{stepUpUserId}}",
      code: "{{stepUpTotpCode}}",
      grant_type: "ONE_TIME_USE",
      valid_for_seconds: 300,
    },
    capture: { stepUpGrant: "step_up_grant" },
    needs: ["stepUpUserId", "stepUpTotpCode"],
  },
  {
    operation: "verifyStepUpGrant",
    folder: "Needs a live person",
    body: { action_type: "POSTMAN_CHECK", user_id: "{{stepUpUserId}}", grant: "{{stepUpGrant}}" },
    needs: ["stepUpUserId", "stepUpGrant"],
    note: "Uses the grant Verify step-up TOTP answered just before.",
  },
  {
    operation: "sendStepUpSmsCode",
    folder: "Needs a live person",
    body: {
      action_type: "POSTMAN_CHECK",
      user_id: "{{stepUpUserId}}",
      mfa_phone_id: "{{stepUpMfaPhoneId}}",
      grant_type: "ONE_TIME_USE",
      valid_for_seconds: 300,
    },
    capture: { smsChallengeId: "challenge_id" },
    needs: ["stepUpUserId", "stepUpMfaPhoneId"],
  },
  {
    operation: "verifyStepUpSmsCode",
    folder: "Needs a live person",
    body: { challenge_id: "{{smsChallengeId}}", user_id: "{{stepUpUserId}}", code: "{{stepUpSmsCode}}" },
    needs: ["stepUpUserId", "smsChallengeId", "stepUpSmsCode"],
    note: "Run Send a step-up SMS code first, put the code the user received into `stepUpSmsCode`, then send this request.",
  },
  {
    operation: "fetchFreshOAuthToken",
    folder: "Needs a live person",
    path: { user_id: "{{socialLoginUserId}}", provider: "{{socialLoginProvider}}" },
    needs: ["socialLoginUserId", "socialLoginProvider"],
  },
  { operation: "fetchEmployee", folder: "Needs a live person", path: { employee_id: "{{employeeId}}" }, needs: ["employeeId"] },
  {
    operation: "setSamlIdpMetadata",
    folder: "Needs a live person",
    body: {
      org_id: "{{orgId}}",
      idp_entity_id: "{{samlIdpEntityId}}",
      idp_sso_url: "{{samlIdpSsoUrl}}",
      idp_certificate: "{{samlIdpCertificate}}",
      provider: "Generic",
    },
    needs: ["orgId", "samlIdpEntityId", "samlIdpSsoUrl", "samlIdpCertificate"],
  },
  {
    operation: "takeSamlConnectionLive",
    folder: "Needs a live person",
    path: { org_id: "{{orgId}}" },
    needs: ["orgId", "samlIdpEntityId"],
  },
  {
    operation: "deleteSamlConnection",
    folder: "Needs a live person",
    path: { org_id: "{{orgId}}" },
    needs: ["orgId", "samlIdpEntityId"],
    note: "Removes the connection the two requests before set up.",
  },
  {
    operation: "setOidcIdpMetadata",
    folder: "Needs a live person",
    body: {
      org_id: "{{orgId}}",
      client_id: "{{oidcClientId}}",
      client_secret: "{{oidcClientSecret}}",
      uses_pkce: true,
      idp_type: "Generic",
      auth_url: "{{oidcAuthUrl}}",
      token_url: "{{oidcTokenUrl}}",
      userinfo_url: "{{oidcUserinfoUrl}}",
    },
    needs: ["orgId", "oidcClientId", "oidcClientSecret", "oidcAuthUrl", "oidcTokenUrl", "oidcUserinfoUrl"],
    note: "The organization of the run is deleted in *Delete*, and its SSO connection with it.",
  },
  {
    operation: "refreshSession",
    folder: "Needs a live person",
    body: { refresh_token: "{{sessionRefreshToken}}" },
    capture: { refreshedToken: "refresh_token" },
    needs: ["sessionRefreshToken"],
  },
  {
    operation: "logoutSession",
    folder: "Needs a live person",
    body: { refresh_token: "{{refreshedToken}}" },
    needs: ["sessionRefreshToken", "refreshedToken"],
    note: "Ends the session Refresh a session refreshed: its refresh token no longer refreshes.",
  },
  {
    operation: "fetchScimGroup",
    folder: "Needs a live person",
    path: { org_id: "{{scimOrgId}}", group_id: "{{scimGroupId}}" },
    needs: ["scimOrgId", "scimGroupId"],
  },

  // Delete
  { operation: "revokePendingInvite", folder: "Delete", body: { org_id: "{{orgId}}", invitee_email: INVITEE_EMAIL } },
  {
    operation: "revokePendingInvite",
    variant: "byUserId",
    name: "Revoke the unconfirmed user's invitation",
    folder: "Delete",
    body: { org_id: "{{orgId}}", invitee_email: SECOND_EMAIL },
  },
  { operation: "removeUserFromOrg", folder: "Delete", body: { user_id: "{{userId}}", org_id: "{{orgId}}" } },
  { operation: "disallowOrgToSetupSaml", folder: "Delete", path: { org_id: "{{orgId}}" } },
  { operation: "deleteApiKey", folder: "Delete", path: { api_key_id: "{{apiKeyId}}" } },
  {
    operation: "deleteApiKey",
    variant: "imported",
    name: "Delete the imported API key",
    folder: "Delete",
    path: { api_key_id: "{{importedApiKeyId}}" },
  },
  { operation: "deleteOrg", folder: "Delete", path: { org_id: "{{orgId}}" } },
  { operation: "deleteUser", folder: "Delete", path: { user_id: "{{userId}}" } },
  {
    operation: "deleteUser",
    variant: "unconfirmed",
    name: "Delete the unconfirmed user",
    folder: "Delete",
    path: { user_id: "{{secondUserId}}" },
  },
  {
    operation: "deleteUser",
    variant: "migrated",
    name: "Delete the migrated user",
    folder: "Delete",
    path: { user_id: "{{migratedUserId}}" },
  },
];

/** The item id of a step: its operationId, with `#variant` when it has one. */
export const stepId = (step: Step): string => (step.variant ? `${step.operation}#${step.variant}` : step.operation);

/** A step of a task: a step of the run above by its id, or with what differs in this task. */
export type TaskStep =
  | string
  | {
      /** The step of the run (`stepId`). */
      step: string;
      /** Its Arazzo stepId when the task runs the step twice. */
      id?: string;
      /** The status that means success here, when it is not the run's (a refusal the task expects). */
      status?: number;
      /** Why, shown after the step's own description. */
      note?: string;
    };

/** A task a backend does with the API, published as an Arazzo workflow: steps of the run above. */
export interface Task {
  /** The Arazzo `workflowId`. */
  id: string;
  summary: string;
  description: string;
  /**
   * The permissions of the Custom key the task runs with (its `apiKey` input), when it needs one:
   * each step succeeding with 2xx needs only these, each step expecting 401 needs one the key
   * lacks (checked against the document's `x-propelauth-access` when the Arazzo file is built).
   */
  customKey?: string[];
  /** Inputs beyond the computed and live-person variables: name -> what to give (a value another run answered). */
  inputs?: Record<string, string>;
  /** Variables a step saves that the workflow answers, for a later run. */
  outputs?: string[];
  /** In order; the last ones undo what the first ones made. */
  steps: TaskStep[];
}

/** A task's step with its defaults filled in: the Arazzo stepId is the step id with `#` written `_`. */
export const taskStep = (entry: TaskStep): { step: string; id: string; status?: number; note?: string } => {
  const e = typeof entry === "string" ? { step: entry } : entry;
  return { ...e, id: e.id ?? e.step.replace(/[^A-Za-z0-9_-]/g, "_") };
};

export const TASKS: Task[] = [
  {
    id: "validateFrontendRequests",
    summary: "Validate frontend requests (a Validation Only key is enough)",
    description:
      "What a backend that only validates requests does: fetch the token verification metadata (the public key that verifies users' access tokens, RS256) and validate an end-user API key. A token no key has is refused with 400, naming `api_key_token`; a backend key that may not validate gets 401.",
    steps: ["fetchTokenVerificationMetadata", "validateApiKey#unknown"],
  },
  {
    id: "readOnlyChecks",
    summary: "Read-only checks: queries that write nothing (a Read and Validate key is enough)",
    description:
      "Queries users, organizations, role mappings, end-user API keys and their usage: the Read-only checks folder of the Postman collection. Writes nothing; safe against production.",
    steps: STEPS.filter((s) => s.folder === "Read-only checks").map(stepId),
  },
  {
    id: "onboardCustomer",
    summary: "Onboard a customer: a user, their organization, a teammate invited",
    description:
      "Creates a user and an organization, makes the user a member, invites a teammate by email, reads the user back with their organizations and the organization's members and invitations, sends the user a magic link, then undoes it all.",
    steps: [
      "createUser",
      "createOrg",
      "addUserToOrg",
      "inviteUserToOrg",
      "fetchUserById",
      "fetchUsersInOrg",
      "fetchPendingInvites#org",
      "createMagicLink",
      "revokePendingInvite",
      "removeUserFromOrg",
      "deleteOrg",
      "deleteUser",
    ],
  },
  {
    id: "endUserApiKeyLifecycle",
    summary: "The end-user API key lifecycle: create, validate, update, delete",
    description:
      "Creates a user and an organization, an API key for the user in that organization, validates the key's token as a request carrying it would be validated, reads the key and its usage, extends its expiry, deletes it (it is archived), then deletes the organization and the user.",
    steps: [
      "createUser",
      "createOrg",
      "addUserToOrg",
      "createApiKey",
      "validateApiKey",
      "fetchApiKey",
      "updateApiKey",
      "fetchApiKeyUsage#key",
      "deleteApiKey",
      "deleteOrg",
      "deleteUser",
    ],
  },
  {
    id: "manageUser",
    summary: "Manage a user: look up, update, disable and enable, delete",
    description:
      "Creates a user, finds them by email and username, updates their name and metadata, disables and enables them, logs them out of every session, then deletes them.",
    steps: [
      "createUser",
      "fetchUserByEmail",
      "fetchUserByUsername",
      "updateUserMetadata",
      "disableUser",
      "enableUser",
      "logoutAllUserSessions",
      "deleteUser",
    ],
  },
  {
    id: "customKeyRefused",
    summary: "A Custom key refused: an operation needing a permission the key was not given",
    description:
      "Run with a Custom key holding Read Users (`read-users`) and not Read API Keys (`read-api-keys`): it queries users (200), then is refused the end-user API key reads with 401, the status of a wrong key, since a key lacking a permission the operation needs is refused as unauthorized (the Unauthorized response). Writes nothing. Run with a key that holds Read API Keys (Full Access, Read and Validate), it fails at `fetchCurrentApiKeys`, where a refusal was expected.",
    customKey: ["read-users"],
    steps: [
      "queryUsers",
      {
        step: "fetchCurrentApiKeys",
        status: 401,
        note: "The key lacks Read API Keys (`read-api-keys`): refused with 401, and nothing is answered.",
      },
      { step: "fetchApiKeyUsage", status: 401, note: "Refused for the same permission." },
    ],
  },
  {
    id: "stepUpMfa",
    summary: "Step-up MFA: check a user's authenticator code before a sensitive action, then send an SMS code",
    description:
      "Before a sensitive action your backend checks the code the user's authenticator app shows (`stepUpUserId`, `stepUpTotpCode`: only the person has the code, so both are inputs), which answers a one-time grant; right before the action it verifies the grant, which spends it, so the same grant is then refused with 400 (`grant_not_found`). Then it sends a step-up SMS code to one of the user's MFA phones (`stepUpMfaPhoneId`) and answers the challenge (`smsChallengeId`). The SMS reaches the person only after that step, and an Arazzo run takes its inputs when it starts, so checking the code they received is a second workflow, stepUpMfaSmsCode, run with it.",
    outputs: ["smsChallengeId"],
    steps: [
      "verifyStepUpTotp",
      "verifyStepUpGrant",
      {
        step: "verifyStepUpGrant",
        id: "verifyStepUpGrant_spent",
        status: 400,
        note: 'The grant was `ONE_TIME_USE` and is spent: the same grant is refused with 400 and `field_errors: {"grant": "grant_not_found"}`.',
      },
      "sendStepUpSmsCode",
    ],
  },
  {
    id: "stepUpMfaSmsCode",
    summary: "Step-up MFA by SMS: check the code the user received",
    description:
      "The second half of stepUpMfa: checks the code the person received by SMS (`stepUpSmsCode`) against the challenge stepUpMfa answered (`smsChallengeId`), which answers a step-up grant for the challenge's action.",
    inputs: { smsChallengeId: "The `smsChallengeId` output of the stepUpMfa workflow: the challenge Send a step-up SMS code answered." },
    steps: ["verifyStepUpSmsCode"],
  },
];
