import { apiKeyValidationHandlers } from "./api-key-validation.js";
import { employeesHandlers } from "./employees.js";
import { endUserApiKeysHandlers } from "./end-user-api-keys.js";
import { enterpriseSsoHandlers } from "./enterprise-sso.js";
import { insightsHandlers } from "./insights.js";
import { invitesHandlers } from "./invites.js";
import { magicLinksAndAccessTokensHandlers } from "./magic-links-and-access-tokens.js";
import { organizationMembershipHandlers } from "./organization-membership.js";
import { organizationsHandlers } from "./organizations.js";
import { roleMappingsHandlers } from "./role-mappings.js";
import { scimHandlers } from "./scim.js";
import { sessionsHandlers } from "./sessions.js";
import { socialLoginTokensHandlers } from "./social-login-tokens.js";
import { stepUpMfaHandlers } from "./step-up-mfa.js";
import { tokenVerificationHandlers } from "./token-verification.js";
import type { Handler } from "./types.js";
import { userMigrationHandlers } from "./user-migration.js";
import { usersHandlers } from "./users.js";

/**
 * Every operation's handler, by the document's operationId: one file per tag of the document,
 * named for the tag ("End-user API keys" → end-user-api-keys.ts), in the document's order.
 */
export const handlers: Readonly<Record<string, Handler>> = Object.freeze({
  ...tokenVerificationHandlers,
  ...usersHandlers,
  ...magicLinksAndAccessTokensHandlers,
  ...sessionsHandlers,
  ...userMigrationHandlers,
  ...stepUpMfaHandlers,
  ...socialLoginTokensHandlers,
  ...employeesHandlers,
  ...organizationsHandlers,
  ...organizationMembershipHandlers,
  ...invitesHandlers,
  ...roleMappingsHandlers,
  ...enterpriseSsoHandlers,
  ...scimHandlers,
  ...endUserApiKeysHandlers,
  ...apiKeyValidationHandlers,
  ...insightsHandlers,
});
