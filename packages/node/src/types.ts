// The types @propelauth/node 2.1.36 exports, by the same names. The user and token types are
// exact; request and answer types describe the fields this package reads or writes, and let
// the rest through (answers are the API's JSON with keys in camelCase).
import type { OrgMemberInfo } from "./user.js";

// biome-ignore lint/suspicious/noExplicitAny: answers carry fields this package does not list
type Loose = { [key: string]: any };

export type LoginMethod =
  | { loginMethod: "password" | "magic_link" | "email_confirmation_link" | "impersonation" | "generated_from_backend_api" | "unknown" }
  | { loginMethod: "social_sso"; provider: SocialLoginProvider }
  | { loginMethod: "saml_sso"; provider: SamlLoginProvider; orgId: string };
export type SocialLoginProvider = string;
export type SamlLoginProvider = string;

export type OrgIdToOrgMemberInfo = { [orgId: string]: OrgMemberInfo };

export type User = {
  userId: string;
  orgIdToOrgMemberInfo?: OrgIdToOrgMemberInfo;
  activeOrgId?: string;
  email: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  legacyUserId?: string;
  impersonatorUserId?: string;
  metadata?: { [key: string]: unknown };
  properties?: { [key: string]: unknown };
  loginMethod?: LoginMethod;
};

export type InternalOrgMemberInfo = {
  org_id: string;
  org_name: string;
  org_metadata: { [key: string]: unknown };
  url_safe_org_name: string;
  user_role: string;
  inherited_user_roles_plus_current_role: string[];
  user_permissions: string[];
  org_role_structure?: string;
  additional_roles?: string[];
  legacy_org_id?: string;
};

export type InternalUser = {
  user_id: string;
  org_member_info?: InternalOrgMemberInfo;
  org_id_to_org_member_info?: { [org_id: string]: InternalOrgMemberInfo };
  email: string;
  first_name?: string;
  last_name?: string;
  username?: string;
  legacy_user_id?: string;
  impersonator_user_id?: string;
  metadata?: { [key: string]: unknown };
  properties?: { [key: string]: unknown };
  login_method?: { login_method?: string; provider?: string; org_id?: string };
};

export type UserAndOrgMemberInfo = { user: User; orgMemberInfo: OrgMemberInfo };
export type TokenVerificationMetadata = { verifierKey: string; issuer: string };

export type UserProperties = { [key: string]: unknown };
export type UserMetadata = Loose & {
  userId: string;
  email: string;
  emailConfirmed: boolean;
  firstName?: string;
  lastName?: string;
  username?: string;
  orgIdToOrgInfo?: { [orgId: string]: UserInOrgMetadata };
  metadata?: { [key: string]: unknown };
  properties?: UserProperties;
};
export type UserInOrgMetadata = Loose & { orgId: string; orgName: string; userAssignedRole: string };
export type Org = Loose & { orgId: string; name: string };
export type Organization = Loose & { orgId: string; name: string };
export type CreatedUser = { userId: string };
export type CreatedOrg = { orgId: string; name: string };
export type AccessToken = { access_token: string };
export type MagicLink = { url: string };
export type Employee = { email: string };
export type CreateSamlConnectionLinkResponse = { url: string };

export type CreateUserRequest = {
  email: string;
  emailConfirmed?: boolean;
  sendEmailToConfirmEmailAddress?: boolean;
  askUserToUpdatePasswordOnLogin?: boolean;
  ignoreDomainRestrictions?: boolean;
  password?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  properties?: UserProperties;
};
export type UpdateUserMetadataRequest = {
  username?: string;
  firstName?: string;
  lastName?: string;
  pictureUrl?: string;
  metadata?: { [key: string]: unknown };
  properties?: UserProperties;
  updatePasswordRequired?: boolean;
  legacyUserId?: string;
};
export type UpdateUserEmailRequest = { newEmail: string; requireEmailConfirmation: boolean };
export type UpdateUserPasswordRequest = { password: string; askUserToUpdatePasswordOnLogin?: boolean };
export type CreateMagicLinkRequest = {
  email: string;
  redirectToUrl?: string;
  expiresInHours?: number;
  createNewUserIfOneDoesntExist?: boolean;
  expiresAfterFirstUse?: boolean;
  requiresInterstitial?: boolean;
  userSignupQueryParameters?: { [key: string]: string };
};
export type CreateAccessTokenRequest = { userId: string; durationInMinutes: number; activeOrgId?: string };
export type MigrateUserFromExternalSourceRequest = {
  email: string;
  emailConfirmed: boolean;
  existingUserId?: string;
  existingPasswordHash?: string;
  existingMfaBase32EncodedSecret?: string;
  askUserToUpdatePasswordOnLogin?: boolean;
  enabled?: boolean;
  firstName?: string;
  lastName?: string;
  username?: string;
  pictureUrl?: string;
  properties?: UserProperties;
};
export type MigrateUserPasswordRequest = { userId: string; passwordHash: string };
export type CreateOrgRequest = {
  name: string;
  domain?: string;
  enableAutoJoiningByDomain?: boolean;
  membersMustHaveMatchingDomain?: boolean;
  maxUsers?: number;
  customRoleMappingName?: string;
  legacyOrgId?: string;
};
export type AddUserToOrgRequest = { userId: string; orgId: string; role: string; additionalRoles?: string[] };
export type ChangeUserRoleInOrgRequest = AddUserToOrgRequest;
export type RemoveUserFromOrgRequest = { userId: string; orgId: string };
export type UpdateOrgRequest = {
  orgId: string;
  name?: string;
  canSetupSaml?: boolean;
  metadata?: { [key: string]: unknown };
  maxUsers?: number;
  canJoinOnEmailDomainMatch?: boolean;
  membersMustHaveEmailDomainMatch?: boolean;
  domain?: string;
  legacyOrgId?: string;
  require2faBy?: string;
  extraDomains?: string[];
  passwordRotationEnabled?: boolean;
  passwordRotationHistorySize?: number;
  passwordRotationPeriod?: number;
};
export type InviteUserToOrgRequest = { orgId: string; email: string; role: string; additionalRoles?: string[] };
export type InviteUserToOrgByUserIdRequest = { orgId: string; userId: string; role: string; additionalRoles?: string[] };
export type RevokePendingOrgInviteRequest = { orgId: string; inviteeEmail: string };
export type FetchPendingInvitesParams = { orgId?: string; pageSize?: number; pageNumber?: number };
export type PendingInvite = Loose;
export type PendingInvitesPage = Loose & { invites: PendingInvite[] };
export type OrgQuery = { pageSize?: number; pageNumber?: number; orderBy?: string; name?: string; legacyOrgId?: string; domain?: string };
export type OrgQueryResponse = Loose & { orgs: Org[]; totalOrgs: number; currentPage: number; pageSize: number; hasMoreResults: boolean };
export type UsersQuery = {
  pageSize?: number;
  pageNumber?: number;
  orderBy?: string;
  emailOrUsername?: string;
  includeOrgs?: boolean;
  legacyUserId?: string;
};
export type UsersInOrgQuery = { orgId: string; pageSize?: number; pageNumber?: number; includeOrgs?: boolean; role?: string };
export type UsersPagedResponse = Loose & {
  users: UserMetadata[];
  totalUsers: number;
  currentPage: number;
  pageSize: number;
  hasMoreResults: boolean;
};
export type UsersInOrgPagedResponse = UsersPagedResponse;
export type UserSignupQueryParams = { userSignupQueryParameters: { [key: string]: string } };
export type CustomRoleMapping = { customRoleMappingName: string; numOrgsSubscribed: number };
export type CustomRoleMappings = { customRoleMappings: CustomRoleMapping[] };
export type FetchSamlSpMetadataResponse = Loose;
export type IdpProvider = string;
export type SetSamlIdpMetadataRequest = { idpEntityId: string; idpSsoUrl: string; idpCertificate: string; provider: IdpProvider };
export type SetOidcIdpMetadataRequestBase = { orgId: string; clientId: string; clientSecret: string; usesPkce: boolean };
export type SetGenericOidcMetadataRequest = SetOidcIdpMetadataRequestBase & {
  idpType: "Generic";
  authUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
};
export type SetOktaOidcMetadataRequest = SetOidcIdpMetadataRequestBase & { idpType: "Okta"; oktaSsoDomain: string };
export type SetAzureOidcMetadataRequest = SetOidcIdpMetadataRequestBase & { idpType: "Azure"; entraTenantId: string };
export type SetOidcIdpMetadataRequest = SetGenericOidcMetadataRequest | SetOktaOidcMetadataRequest | SetAzureOidcMetadataRequest;

export type ApiKeyFull = Loose & {
  apiKeyId: string;
  createdAt: number;
  expiresAtSeconds?: number;
  metadata?: unknown;
  userId?: string;
  orgId?: string;
};
export type ApiKeyNew = { apiKeyId: string; apiKeyToken: string };
export type ApiKeyResultPage = Loose & {
  apiKeys: ApiKeyFull[];
  totalApiKeys: number;
  currentPage: number;
  pageSize: number;
  hasMoreResults: boolean;
};
export type ApiKeysQueryRequest = { orgId?: string; userId?: string; userEmail?: string; pageSize?: number; pageNumber?: number };
export type ApiKeysCreateRequest = { orgId?: string; userId?: string; expiresAtSeconds?: number; metadata?: unknown; displayName?: string };
export type ApiKeysImportRequest = ApiKeysCreateRequest & { importedApiKey: string };
export type ApiKeysImportResponse = { apiKeyId: string };
export type ApiKeyUpdateRequest = { expiresAtSeconds?: number; metadata?: unknown; setToNeverExpire?: boolean };
export type ApiKeyValidation = Loose & { metadata?: unknown; user?: UserMetadata; org?: Org; userInOrg?: OrgMemberInfo };
export type PersonalApiKeyValidation = { user: UserMetadata; metadata?: unknown };
export type OrgApiKeyValidation = { org: Org; metadata?: unknown; user?: UserMetadata; userInOrg?: OrgMemberInfo };
export type ApiKeyUsageQueryRequest = { date: string; orgId?: string; userId?: string; api_key_id?: string };
export type ApiKeyUsageQueryResponse = Loose;

/** How long a step-up grant lasts (an enum in @propelauth/node, exported there as a type only). */
export type StepUpMfaGrantType = "ONE_TIME_USE" | "TIME_BASED";
export type VerifyTotpChallengeRequest = {
  actionType: string;
  userId: string;
  code: string;
  grantType: StepUpMfaGrantType;
  validForSeconds: number;
};
export type StepUpMfaVerifyTotpResponse = { stepUpGrant: string };
export type VerifyStepUpGrantRequest = { actionType: string; userId: string; grant: string };
export type StepUpMfaVerifyGrantResponse = { success: boolean };
export type SendSmsMfaCodeRequest = {
  actionType: string;
  userId: string;
  mfaPhoneId: string;
  grantType: StepUpMfaGrantType;
  validForSeconds: number;
};
export type SendSmsMfaCodeRequestResponse = { challengeId: string };
export type VerifySmsChallengeRequest = { challengeId: string; userId: string; code: string };
export type VerifySmsChallengeResponse = { stepUpGrant: string };
export type MfaPhoneType = Loose;
export type MfaPhones = Loose;
export type MfaTotpType = Loose;
export type FetchUserMfaMethodsResponse = Loose;

export type SocialLoginTokenProvider = string;
export type SocialLoginToken = Loose;
export type SocialLoginTokensResponse = Loose;

export type ScimGroupMember = Loose;
export type ScimGroup = Loose;
export type ScimGroupResult = Loose;
export type ScimGroupResultPage = Loose;
export type FetchOrgScimGroupsRequest = { orgId: string; userId?: string; pageSize?: number; pageNumber?: number };
export type FetchScimGroupRequest = { orgId: string; groupId: string; membersPageSize?: number; membersPageNumber?: number };

export type ReportPagination = { pageSize?: number; pageNumber?: number };
export type UserReportRecord = Loose;
export type UserReport = Loose;
export type OrgReportRecord = Loose;
export type OrgReport = Loose;
export type UserOrgMembershipForReport = Loose;
export type ChartDataPoint = Loose;
export type ChartData = Loose;
