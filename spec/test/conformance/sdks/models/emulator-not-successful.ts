// The Go and Rust replay cases that the seeded emulator answers with another status than success
// (emulator-answers.test.ts checks this list, so that a change in it is seen). They are the cases
// whose values the seeded data cannot satisfy, not misreadings: the email, username or migration id
// is taken by a seeded user (400), the user is already a member (400), no seeded user has the
// username "ada" or a token of that provider (404), the email is already confirmed, the TOTP code,
// SMS code, step-up grant or imported key is the case's made-up one (400).
export const notSuccessful: Record<"go" | "rust", Record<string, number>> = {
  go: {
    "AddUserToOrg (one role (additional_roles omitempty)) -> addUserToOrg": 400,
    "AddUserToOrg (with additional roles) -> addUserToOrg": 400,
    "ChangeUserRoleInOrg -> changeUserRoleInOrg": 400,
    "CreateUser (email only (every other field omitempty)) -> createUser": 400,
    "CreateUser (the fields the document describes) -> createUser": 400,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider apple) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider atlassian) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider gitlab) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider linkedin) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider microsoft) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider outreach) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider quickbooks) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider salesforce) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider salesloft) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider slack) -> fetchFreshOAuthToken": 404,
    "FetchFreshTokenFromProvider (SocialLoginTokenProvider xero) -> fetchFreshOAuthToken": 404,
    "FetchUserMetadataByUsername -> fetchUserByUsername": 404,
    "InviteUserToOrgByUserID -> inviteUserToOrgByUserId": 400,
    "MigrateUserFromExternalSource (every field) -> migrateUser": 400,
    "ResendEmailConfirmation -> resendEmailConfirmation": 400,
    "ValidateImportedAPIKey -> validateImportedApiKey": 400,
    "VerifySmsChallenge -> verifyStepUpSmsCode": 400,
    "VerifyStepUpGrant -> verifyStepUpGrant": 400,
    "VerifyStepUpTotpChallenge (StepUpMfaGrantType ONE_TIME_USE) -> verifyStepUpTotp": 400,
    "VerifyStepUpTotpChallenge (StepUpMfaGrantType TIME_BASED) -> verifyStepUpTotp": 400,
    "VerifyStepUpTotpChallenge -> verifyStepUpTotp": 400,
  },
  rust: {
    "OrgService::add_user_to_org -> addUserToOrg": 400,
    "OrgService::change_user_role_in_org -> changeUserRoleInOrg": 400,
    "UserService::create_user (CreateUserRequest::new (the two booleans are always sent)) -> createUser": 400,
    "UserService::create_user (every field) -> createUser": 400,
    "UserService::fetch_user_by_username -> fetchUserByUsername": 404,
    "UserService::migrate_user (MigrateUserRequest::new) -> migrateUser": 400,
    "UserService::migrate_user (every field) -> migrateUser": 400,
    "UserService::resend_email_confirmation -> resendEmailConfirmation": 400,
  },
};
