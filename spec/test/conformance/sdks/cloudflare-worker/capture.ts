// Records every backend request of the Cloudflare Worker SDK (PropelAuth/cloudflare-worker).
// Not run by the tests; its output is reviewed and committed as captured.json:
//   git -C <mirror> archive v2.1.3 | tar -x -C <dir>
//   npx tsx capture.ts <dir> v2.1.3 > captured.json
// Each function of src/api.ts that initAuth() wraps is called with its required arguments only
// ("minimal") and with every option given ("all options"); `fetch` is replaced by a recorder that
// builds the same Request the Workers runtime would (so a GET with a body fails as it does there).
const [dir, version] = process.argv.slice(2);
if (!dir || !version) throw new Error("usage: tsx capture.ts <cloudflare-worker checkout> <version>");

const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
const API_KEY_ID = "9d3f8c1a2b7e4f60a5c8d1e2f3a4b5c6";
const KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";
const AUTH = new URL("https://auth.example.com");

type Call = [variant: string, args: unknown[]];
const CALLS: Record<string, Call[]> = {
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

interface Sent {
  method: string;
  path: string;
  query: string;
  body?: string;
  contentType: string | null;
  auth: string | null;
}
let sent: Sent[] = [];
globalThis.fetch = (async (input: string | URL, init?: RequestInit) => {
  const request = new Request(input, init); // throws for a GET or HEAD with a body, as the runtime does
  const url = new URL(request.url);
  sent.push({
    method: request.method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ""),
    body: init?.body == null ? undefined : String(init.body),
    contentType: request.headers.get("content-type"),
    auth: request.headers.get("authorization"),
  });
  return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
}) as typeof fetch;

const api = (await import(`${dir}/src/api.ts`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
const out: unknown[] = [];
for (const [fn, calls] of Object.entries(CALLS)) {
  if (typeof api[fn] !== "function") throw new Error(`${fn} is not exported by src/api.ts`);
  for (const [variant, args] of calls) {
    sent = [];
    let error: string | undefined;
    try {
      await api[fn]!(AUTH, KEY, ...args);
    } catch (e) {
      error = `${(e as Error).name}: ${(e as Error).message}`;
    }
    if (sent.length === 0) out.push({ fn, file: "src/api.ts", variant, neverSent: error ?? "no request" });
    else if (sent.length !== 1) throw new Error(`${fn} (${variant}) sent ${sent.length} requests`);
    else out.push({ fn, file: "src/api.ts", variant, ...sent[0] });
  }
}
console.log(JSON.stringify({ version, cases: out }, null, 1));
