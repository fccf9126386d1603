import { describe, expect } from "vitest";
import { type ConformanceCase, conformance } from "./harness.js";

const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";

/** The SDK returns users keyed by camelCase; the example's user_id must come through. */
const returnsUser = (result: unknown, served: unknown) => {
  expect((result as { userId?: string }).userId).toBe((served as { user_id: string }).user_id);
};

const cases: ConformanceCase[] = [
  {
    fn: "fetchTokenVerificationMetadata",
    operationId: "fetchTokenVerificationMetadata",
    call: (api) => api.fetchTokenVerificationMetadata(),
    query: {},
    check: (result, served) => {
      const r = result as { verifierKey: string; issuer: string };
      expect(r.verifierKey).toBe((served as { verifier_key_pem: string }).verifier_key_pem);
      expect(r.issuer).toBe("https://1581439057.propelauthtest.com");
    },
  },
  {
    fn: "fetchUserMetadataByUserId",
    operationId: "fetchUserById",
    call: (api) => api.fetchUserMetadataByUserId(USER_ID, true),
    query: { include_orgs: "true" },
    check: returnsUser,
  },
  {
    fn: "fetchUserMetadataByEmail",
    operationId: "fetchUserByEmail",
    call: (api) => api.fetchUserMetadataByEmail("ada@example.com", false),
    query: { email: "ada@example.com", include_orgs: "false" },
    check: returnsUser,
  },
  {
    fn: "fetchUserMetadataByUsername",
    operationId: "fetchUserByUsername",
    call: (api) => api.fetchUserMetadataByUsername("ada", true),
    query: { username: "ada", include_orgs: "true" },
    check: returnsUser,
  },
  {
    fn: "fetchBatchUserMetadataByUserIds",
    operationId: "fetchUsersByIds",
    call: (api) => api.fetchBatchUserMetadataByUserIds([USER_ID], true),
    query: { include_orgs: "true" },
    body: { user_ids: [USER_ID] },
    check: (result, served) => expect(Object.keys(result as object)).toEqual((served as { user_id: string }[]).map((u) => u.user_id)),
  },
  {
    fn: "fetchBatchUserMetadataByEmails",
    operationId: "fetchUsersByEmails",
    call: (api) => api.fetchBatchUserMetadataByEmails(["ada@example.com", "grace@example.com"]),
    query: {},
    body: { emails: ["ada@example.com", "grace@example.com"] },
    check: (result, served) => expect(Object.keys(result as object)).toEqual((served as { email: string }[]).map((u) => u.email)),
  },
  {
    fn: "fetchBatchUserMetadataByUsernames",
    operationId: "fetchUsersByUsernames",
    call: (api) => api.fetchBatchUserMetadataByUsernames(["ada", "grace"]),
    query: {},
    body: { usernames: ["ada", "grace"] },
    check: (result) => expect(Object.keys(result as object)).toEqual(["ada", "grace"]),
  },
  {
    fn: "fetchUsersByQuery",
    operationId: "queryUsers",
    call: (api) =>
      api.fetchUsersByQuery({
        pageSize: 1,
        pageNumber: 0,
        orderBy: "CREATED_AT_DESC" as never,
        emailOrUsername: "ada",
        includeOrgs: true,
        legacyUserId: "usr_0193",
      }),
    query: {
      page_size: "1",
      page_number: "0",
      order_by: "CREATED_AT_DESC",
      email_or_username: "ada",
      include_orgs: "true",
      legacy_user_id: "usr_0193",
    },
    check: (result, served) => {
      const r = result as { totalUsers: number; users: { userId: string }[]; hasMoreResults: boolean };
      const s = served as { total_users: number; users: { user_id: string }[] };
      expect(r.totalUsers).toBe(s.total_users);
      expect(r.users.map((u) => u.userId)).toEqual(s.users.map((u) => u.user_id));
    },
  },
  {
    fn: "fetchUsersInOrg",
    operationId: "fetchUsersInOrg",
    call: (api) => api.fetchUsersInOrg({ orgId: ORG_ID, pageSize: 10, pageNumber: 0, includeOrgs: false, role: "Admin" }),
    query: { page_size: "10", page_number: "0", include_orgs: "false", role: "Admin" },
    check: (result, served) => {
      const r = result as { users: { userId: string; roleInOrg?: string }[] };
      const s = served as { users: { user_id: string; role_in_org: string }[] };
      expect(r.users.map((u) => [u.userId, u.roleInOrg])).toEqual(s.users.map((u) => [u.user_id, u.role_in_org]));
    },
  },
  {
    fn: "fetchUserSignupQueryParams",
    operationId: "fetchUserSignupQueryParameters",
    call: (api) => api.fetchUserSignupQueryParams(USER_ID),
    query: {},
    check: (result, served) =>
      expect((result as { userSignupQueryParameters: unknown }).userSignupQueryParameters).toEqual(
        (served as { user_signup_query_parameters: unknown }).user_signup_query_parameters,
      ),
  },
];

describe("official Node SDK conformance: token verification and user reads", () => {
  conformance(cases);
});
