// Every backend request of the Cloudflare Worker SDK (PropelAuth/cloudflare-worker), as capture.ts
// recorded it from the released code (captured.json).
import { casesOf, loadCapture } from "../../replay/captured.js";
import type { ReplayCase } from "../../replay/types.js";

export const captured = loadCapture(new URL("./captured.json", import.meta.url));

/** The operation each function means; by `fn (variant)` where one function serves several. */
export const OPERATION: Record<string, string> = {
  fetchUserMetadataByUserIdWithIdCheck: "fetchUserById",
  "fetchUserMetadataByQuery (by email, as fetchUserMetadataByEmail)": "fetchUserByEmail",
  "fetchUserMetadataByQuery (by username, as fetchUserMetadataByUsername)": "fetchUserByUsername",
  "fetchBatchUserMetadata (user ids)": "fetchUsersByIds",
  "fetchBatchUserMetadata (emails, include_orgs)": "fetchUsersByEmails",
  "fetchBatchUserMetadata (usernames)": "fetchUsersByUsernames",
  fetchOrg: "fetchOrg",
  fetchUsersByQuery: "queryUsers",
  fetchUsersInOrg: "fetchUsersInOrg",
  createUser: "createUser",
  updateUserMetadata: "updateUserMetadata",
  deleteUser: "deleteUser",
  disableUser: "disableUser",
  enableUser: "enableUser",
  disableUser2fa: "disableUser2fa",
  updateUserEmail: "updateUserEmail",
  updateUserPassword: "updateUserPassword",
  enableUserCanCreateOrgs: "enableUserCanCreateOrgs",
  disableUserCanCreateOrgs: "disableUserCanCreateOrgs",
  createMagicLink: "createMagicLink",
  createAccessToken: "createAccessToken",
  migrateUserFromExternalSource: "migrateUser",
  createOrg: "createOrg",
  addUserToOrg: "addUserToOrg",
  changeUserRoleInOrg: "changeUserRoleInOrg",
  removeUserFromOrg: "removeUserFromOrg",
  updateOrg: "updateOrg",
  deleteOrg: "deleteOrg",
  allowOrgToSetupSamlConnection: "allowOrgToSetupSaml",
  disallowOrgToSetupSamlConnection: "disallowOrgToSetupSaml",
  fetchApiKey: "fetchApiKey",
  fetchCurrentApiKeys: "fetchCurrentApiKeys",
  fetchArchivedApiKeys: "fetchArchivedApiKeys",
  createApiKey: "createApiKey",
  updateApiKey: "updateApiKey",
  deleteApiKey: "deleteApiKey",
  validateApiKey: "validateApiKey",
  validatePersonalApiKey: "validateApiKey",
  validateOrgApiKey: "validateApiKey",
};

/** Functions with no request to replay. */
export const exempt: Record<string, string> = {
  fetchOrgByQuery:
    "src/api.ts sends GET /api/backend/v1/org/query with a JSON body; fetch refuses a GET with a body (TypeError) before anything is sent, in Workers as in every Fetch implementation",
};

export const cases: ReplayCase[] = casesOf("PropelAuth/cloudflare-worker", captured, OPERATION);
