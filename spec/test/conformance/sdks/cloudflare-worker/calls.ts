// How capture.ts and parse-examples.ts call each function of the Cloudflare Worker SDK's src/api.ts:
// with its required arguments only ("minimal") and with every option given ("all options").
const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
const API_KEY_ID = "9d3f8c1a2b7e4f60a5c8d1e2f3a4b5c6";
export const KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";
export const AUTH = new URL("https://auth.example.com");

export type Call = [variant: string, args: unknown[]];
export const CALLS: Record<string, Call[]> = {
  fetchUserMetadataByUserIdWithIdCheck: [
    ["minimal", [USER_ID]],
    ["all options", [USER_ID, true]],
  ],
  fetchUserMetadataByQuery: [
    ["by email, as fetchUserMetadataByEmail", ["email", { email: "ada@example.com", include_orgs: false }]],
    ["by username, as fetchUserMetadataByUsername", ["username", { username: "ada", include_orgs: true }]],
  ],
  fetchBatchUserMetadata: [
    ["user ids", ["user_ids", [USER_ID], (x: { userId: string }) => x.userId, false]],
    ["emails, include_orgs", ["emails", ["ada@example.com"], (x: { email: string }) => x.email, true]],
    ["usernames", ["usernames", ["ada"], (x: { username: string }) => x.username, false]],
  ],
  fetchOrg: [["minimal", [ORG_ID]]],
  fetchOrgByQuery: [
    ["minimal", [{}]],
    ["all options", [{ pageSize: 10, pageNumber: 1, orderBy: "NAME" }]],
  ],
  fetchUsersByQuery: [
    ["minimal", [{}]],
    ["all options", [{ pageSize: 10, pageNumber: 1, orderBy: "EMAIL", emailOrUsername: "ada", includeOrgs: true }]],
  ],
  fetchUsersInOrg: [
    ["minimal", [{ orgId: ORG_ID }]],
    ["all options", [{ orgId: ORG_ID, pageSize: 10, pageNumber: 1, includeOrgs: true }]],
  ],
  createUser: [
    ["minimal", [{ email: "ada@example.com" }]],
    [
      "all options",
      [
        {
          email: "ada@example.com",
          emailConfirmed: true,
          sendEmailToConfirmEmailAddress: false,
          password: "correct horse battery staple",
          askUserToUpdatePasswordOnLogin: true,
          username: "ada",
          firstName: "Ada",
          lastName: "Lovelace",
          properties: { favorite_language: "Rust" },
        },
      ],
    ],
  ],
  updateUserMetadata: [
    ["minimal", [USER_ID, {}]],
    [
      "all options",
      [
        USER_ID,
        {
          username: "ada",
          firstName: "Ada",
          lastName: "Lovelace",
          pictureUrl: "https://example.com/ada.png",
          metadata: { plan: "pro" },
          properties: { favorite_language: "Rust" },
        },
      ],
    ],
  ],
  deleteUser: [["minimal", [USER_ID]]],
  disableUser: [["minimal", [USER_ID]]],
  enableUser: [["minimal", [USER_ID]]],
  disableUser2fa: [["minimal", [USER_ID]]],
  updateUserEmail: [["minimal", [USER_ID, { newEmail: "ada@new.example.com", requireEmailConfirmation: true }]]],
  updateUserPassword: [
    ["minimal", [USER_ID, { password: "correct horse battery staple" }]],
    ["all options", [USER_ID, { password: "correct horse battery staple", askUserToUpdatePasswordOnLogin: true }]],
  ],
  enableUserCanCreateOrgs: [["minimal", [USER_ID]]],
  disableUserCanCreateOrgs: [["minimal", [USER_ID]]],
  createMagicLink: [
    ["minimal", [{ email: "ada@example.com" }]],
    [
      "all options",
      [
        {
          email: "ada@example.com",
          redirectToUrl: "https://app.example.com/welcome",
          expiresInHours: 24,
          createNewUserIfOneDoesntExist: true,
        },
      ],
    ],
  ],
  createAccessToken: [["minimal", [{ userId: USER_ID, durationInMinutes: 15 }]]],
  migrateUserFromExternalSource: [
    ["minimal", [{ email: "ada@example.com", emailConfirmed: true }]],
    [
      "all options",
      [
        {
          email: "ada@example.com",
          emailConfirmed: true,
          existingUserId: "legacy-42",
          existingPasswordHash: "$2b$12$abcdefghijklmnopqrstuv",
          existingMfaBase32EncodedSecret: "JBSWY3DPEHPK3PXP",
          askUserToUpdatePasswordOnLogin: true,
          enabled: true,
          firstName: "Ada",
          lastName: "Lovelace",
          username: "ada",
          properties: { favorite_language: "Rust" },
        },
      ],
    ],
  ],
  createOrg: [["minimal", [{ name: "Acme" }]]],
  addUserToOrg: [["minimal", [{ userId: USER_ID, orgId: ORG_ID, role: "Admin" }]]],
  changeUserRoleInOrg: [["minimal", [{ userId: USER_ID, orgId: ORG_ID, role: "Member" }]]],
  removeUserFromOrg: [["minimal", [{ userId: USER_ID, orgId: ORG_ID }]]],
  updateOrg: [
    ["minimal", [{ orgId: ORG_ID, metadata: {} }]],
    ["all options", [{ orgId: ORG_ID, name: "Acme", canSetupSaml: true, metadata: { plan: "pro" } }]],
  ],
  deleteOrg: [["minimal", [ORG_ID]]],
  allowOrgToSetupSamlConnection: [["minimal", [ORG_ID]]],
  disallowOrgToSetupSamlConnection: [["minimal", [ORG_ID]]],
  fetchApiKey: [["minimal", [API_KEY_ID]]],
  fetchCurrentApiKeys: [
    ["minimal", [{}]],
    ["all options", [{ orgId: ORG_ID, userId: USER_ID, userEmail: "ada@example.com", pageSize: 10, pageNumber: 1 }]],
  ],
  fetchArchivedApiKeys: [
    ["minimal", [{}]],
    ["all options", [{ orgId: ORG_ID, userId: USER_ID, userEmail: "ada@example.com", pageSize: 10, pageNumber: 1 }]],
  ],
  createApiKey: [
    ["minimal", [{}]],
    ["all options", [{ orgId: ORG_ID, userId: USER_ID, expiresAtSeconds: 1767225600, metadata: { plan: "pro" } }]],
  ],
  updateApiKey: [
    ["minimal", [API_KEY_ID, {}]],
    ["all options", [API_KEY_ID, { expiresAtSeconds: 1767225600, metadata: { plan: "pro" } }]],
  ],
  deleteApiKey: [["minimal", [API_KEY_ID]]],
  validateApiKey: [["minimal", ["Bearer 4f7e2b1c"]]],
  validatePersonalApiKey: [["minimal", ["Bearer 4f7e2b1c"]]],
  validateOrgApiKey: [["minimal", ["Bearer 4f7e2b1c"]]],
};
