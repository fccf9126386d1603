// @propelauth-openapi/client/verify: validating frontend requests (the user's access token, then
// their org, role and permissions). A separate entry point, so the API client's bundle does not
// carry it.
export type { AccessTokenClaims, LoginMethodClaims, OrgMemberInfoClaims, OrgRoleStructure } from "./claims.js";
export { OrgAccessError, type OrgAccessReason, TokenVerificationError, type TokenVerificationReason } from "./errors.js";
export {
  activeOrg,
  hasAllPermissions,
  hasExactRole,
  hasMinimumRole,
  hasPermission,
  type OrgRef,
  type OrgRequirement,
  orgMemberInfo,
  orgsOf,
  requireOrgMember,
} from "./orgs.js";
export {
  type AuthorizationHeaderOptions,
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
  tokenOfHeader,
} from "./verifier.js";
