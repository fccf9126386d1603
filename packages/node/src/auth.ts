// initBaseAuth and handleError: the entry points of @propelauth/node 2.1.36.
import { createOperationClient, type OperationClient } from "@propelauth-openapi/client";
import { createTokenVerifier, type TokenVerifier } from "@propelauth-openapi/client/verify";
import { apiKeyApis } from "./apis/api-keys.js";
import { mfaApis } from "./apis/mfa.js";
import { miscApis } from "./apis/misc.js";
import { orgApis } from "./apis/orgs.js";
import { userApis } from "./apis/users.js";
import { ForbiddenException, UnauthorizedException } from "./exceptions.js";
import { verifiedUser } from "./tokens.js";
import type { TokenVerificationMetadata, User, UserAndOrgMemberInfo } from "./types.js";
import { type OrgMemberInfo, UserClass } from "./user.js";

export type BaseAuthOptions = {
  authUrl: string;
  apiKey: string;
  /**
   * The verifier key and issuer, to skip fetching them (serverless, edge). By default the key
   * is fetched with your API key when the first token is validated, and again after a rotation.
   */
  manualTokenVerificationMetadata?: TokenVerificationMetadata;
  /** Not in @propelauth/node: refuse access tokens without `exp` (default false, as @propelauth/node). */
  requireExpiry?: boolean;
  /** Not in @propelauth/node: seconds of clock skew allowed on `exp` and `nbf` (default 0, as @propelauth/node). */
  clockToleranceSeconds?: number;
};

export type RequiredOrgInfo = { orgId?: string; orgName?: string };
export type HandleErrorOptions = { logError?: boolean; returnDetailedErrorToUser?: boolean };
export type HandleErrorResponse = { status: number; message: string };

function validateAuthUrl(authUrl: string): URL {
  try {
    return new URL(authUrl);
  } catch (e) {
    console.error("Invalid authUrl", e);
    throw new Error("Unable to initialize auth client");
  }
}

/**
 * The client for the API calls: PropelAuth's API host with the Auth URL in a header, as the
 * official SDK sends them. A key that cannot be valid (empty, with spaces) is answered 401 without
 * a request, where the official SDK sends it and gets the 401 back.
 */
function clientFor(url: URL, apiKey: string): OperationClient {
  const options = { authUrl: url.origin, routing: "propelauth-api" as const, allowInsecureHttp: true };
  if (typeof apiKey === "string" && /^[\x21-\x7e]+$/.test(apiKey)) return createOperationClient({ ...options, apiKey });
  return createOperationClient({ ...options, apiKey: "invalid", fetch: async () => new Response("", { status: 401 }) });
}

function verifierFor(client: OperationClient, url: URL, opts: BaseAuthOptions): TokenVerifier {
  const manual = opts.manualTokenVerificationMetadata;
  const common = { requireExpiry: opts.requireExpiry ?? false, clockToleranceSeconds: opts.clockToleranceSeconds };
  return manual
    ? createTokenVerifier({ ...common, verifierKeyPem: manual.verifierKey, issuer: manual.issuer, authUrl: url })
    : createTokenVerifier({ ...common, client });
}

const member = (requiredOrgInfo: RequiredOrgInfo) => `User is not a member of org ${JSON.stringify(requiredOrgInfo)}`;

function orgInfo(user: User, required: RequiredOrgInfo): OrgMemberInfo {
  const orgs = user.orgIdToOrgMemberInfo;
  const matches = (info: OrgMemberInfo) => required.orgName === info.orgName || required.orgName === info.urlSafeOrgName;
  let found: OrgMemberInfo | undefined;
  if (!orgs) found = undefined;
  else if (required.orgId) {
    const info = Object.hasOwn(orgs, required.orgId) ? orgs[required.orgId] : undefined;
    found = info && (!required.orgName || matches(info)) ? info : undefined;
  } else if (required.orgName) found = Object.values(orgs).find(matches);
  if (!found) throw new ForbiddenException(member(required));
  return found;
}

/** Initializes the library: the token validators and every API function, for one environment. */
export function initBaseAuth(opts: BaseAuthOptions) {
  const url = validateAuthUrl(opts.authUrl);
  const client = clientFor(url, opts.apiKey);
  const verifier = verifierFor(client, url, opts);

  type Check = (info: OrgMemberInfo, arg: never) => string | undefined;
  const withOrg =
    (check?: Check) =>
    async (authorizationHeader: string | undefined, requiredOrgInfo: RequiredOrgInfo, arg?: unknown): Promise<UserAndOrgMemberInfo> => {
      const user = await verifiedUser(verifier, authorizationHeader);
      const orgMemberInfo = orgInfo(user, requiredOrgInfo);
      const refused = check?.(orgMemberInfo, arg as never);
      if (refused) throw new ForbiddenException(refused);
      return { user, orgMemberInfo };
    };

  const validators = {
    validateAccessTokenAndGetUserClass: async (authorizationHeader?: string): Promise<UserClass> =>
      new UserClass(await verifiedUser(verifier, authorizationHeader, true)),
    validateAccessTokenAndGetUser: (authorizationHeader?: string): Promise<User> => verifiedUser(verifier, authorizationHeader),
    validateAccessTokenAndGetUserWithOrgInfo: withOrg() as (h: string | undefined, r: RequiredOrgInfo) => Promise<UserAndOrgMemberInfo>,
    validateAccessTokenAndGetUserWithOrgInfoWithMinimumRole: withOrg((info, role: string) =>
      info.isAtLeastRole(role) ? undefined : `User's roles don't contain the minimum role (${role})`,
    ) as (h: string | undefined, r: RequiredOrgInfo, minimumRole: string) => Promise<UserAndOrgMemberInfo>,
    validateAccessTokenAndGetUserWithOrgInfoWithExactRole: withOrg((info, role: string) =>
      info.isRole(role) ? undefined : `User's assigned role isn't the required role (${role})`,
    ) as (h: string | undefined, r: RequiredOrgInfo, exactRole: string) => Promise<UserAndOrgMemberInfo>,
    validateAccessTokenAndGetUserWithOrgInfoWithPermission: withOrg((info, permission: string) =>
      info.hasPermission(permission) ? undefined : `User's permissions don't contain the required permission (${permission})`,
    ) as (h: string | undefined, r: RequiredOrgInfo, permission: string) => Promise<UserAndOrgMemberInfo>,
    validateAccessTokenAndGetUserWithOrgInfoWithAllPermissions: withOrg((info, permissions: string[]) =>
      info.hasAllPermissions(permissions) ? undefined : `User's permissions don't contain all the required permissions (${permissions})`,
    ) as (h: string | undefined, r: RequiredOrgInfo, permissions: string[]) => Promise<UserAndOrgMemberInfo>,
  };
  return { ...validators, ...apisInOfficialOrder(client) };
}

// The API functions, in the order the official object lists them (so `Object.keys` agrees).
const ORDER =
  "fetchUserMetadataByUserId fetchUserMetadataByEmail fetchUserMetadataByUsername fetchBatchUserMetadataByUserIds " +
  "fetchBatchUserMetadataByEmails fetchBatchUserMetadataByUsernames fetchOrg fetchOrgByQuery fetchCustomRoleMappings " +
  "fetchUsersByQuery fetchUsersInOrg fetchUserSignupQueryParams createUser updateUserMetadata updateUserEmail " +
  "updateUserPassword clearUserPassword createMagicLink createAccessToken migrateUserFromExternalSource migrateUserPassword " +
  "deleteUser disableUser enableUser disableUser2fa resendEmailConfirmation enableUserCanCreateOrgs disableUserCanCreateOrgs " +
  "logoutAllUserSessions fetchUserMfaMethods fetchUserOAuthTokens fetchFreshTokenFromProvider createOrg addUserToOrg " +
  "changeUserRoleInOrg removeUserFromOrg updateOrg subscribeOrgToRoleMapping deleteOrg allowOrgToSetupSamlConnection " +
  "disallowOrgToSetupSamlConnection createOrgSamlConnectionLink inviteUserToOrg inviteUserToOrgByUserId fetchPendingInvites " +
  "revokePendingOrgInvite fetchSamlSpMetadata setSamlIdpMetadata setOidcIdpMetadata samlGoLive deleteSamlConnection " +
  "fetchApiKey fetchCurrentApiKeys fetchArchivedApiKeys createApiKey updateApiKey deleteApiKey validateApiKey " +
  "validatePersonalApiKey validateOrgApiKey fetchApiKeyUsage importApiKey validateImportedApiKey verifyStepUpTotpChallenge " +
  "verifyStepUpGrant sendSmsMfaCode verifySmsChallenge fetchEmployeeById fetchUserTopInviterReport fetchUserChampionReport " +
  "fetchUserReengagementReport fetchUserChurnReport fetchOrgReengagementReport fetchOrgChurnReport fetchOrgGrowthReport " +
  "fetchOrgAttritionReport fetchChartMetricData fetchScimGroup fetchOrgScimGroups";

type Apis = ReturnType<typeof userApis> &
  ReturnType<typeof orgApis> &
  ReturnType<typeof apiKeyApis> &
  ReturnType<typeof mfaApis> &
  ReturnType<typeof miscApis>;

function apisInOfficialOrder(client: OperationClient): Apis {
  const all: Record<string, unknown> = {
    ...userApis(client),
    ...orgApis(client),
    ...apiKeyApis(client),
    ...mfaApis(client),
    ...miscApis(client),
  };
  return Object.fromEntries(ORDER.split(" ").map((name) => [name, all[name]])) as Apis;
}

/** The status and message to answer for an error a validator threw: 401, 403, or 401 for anything else. */
export function handleError(e: unknown, opts?: HandleErrorOptions): HandleErrorResponse {
  if (opts?.logError) console.error(e);
  const detailed = opts?.returnDetailedErrorToUser;
  if (e instanceof UnauthorizedException) return { status: 401, message: detailed ? e.message : "Unauthorized" };
  if (e instanceof ForbiddenException) return { status: 403, message: detailed ? e.message : "Forbidden" };
  return { status: 401, message: "Unauthorized" };
}
