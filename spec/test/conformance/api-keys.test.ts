import { ApiKeyValidateException, OrgMemberInfo } from "@propelauth/node-apis";
import { describe, expect } from "vitest";
import { type ConformanceCase, conformance } from "./harness.js";

const BASE = "/api/backend/v1/end_user_api_keys";
const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
const API_KEY_ID = "85b90f382257db0ef057982725997fe1";
const TOKEN = `${API_KEY_ID}60b76516d72335f2c8658e160bab4031b6d4e02201973ef908aeec32af3b9aa9`;
const IMPORTED = "legacy-key-example-0193";

interface WireKey {
  api_key_id: string;
  created_at: number;
  expires_at_seconds?: number | null;
  metadata?: unknown;
  user_id?: string | null;
  org_id?: string | null;
}
interface WireValidation {
  metadata?: unknown;
  user?: { user_id: string } | null;
  org?: { org_id: string; org_name: string } | null;
  user_in_org?: { org_id: string; user_role: string } | null;
}
interface Validation {
  metadata?: unknown;
  user?: { userId: string } | null;
  org?: { orgId: string; orgName: string } | null;
  userInOrg?: OrgMemberInfo | null;
}

/** The SDK returns the key camelCased, with metadata untouched. */
const sameKey = (key: unknown, wire: WireKey) => {
  const k = key as { apiKeyId: string; createdAt: number; expiresAtSeconds: unknown; metadata: unknown; userId: unknown; orgId: unknown };
  expect([k.apiKeyId, k.createdAt, k.expiresAtSeconds, k.metadata, k.userId, k.orgId]).toEqual([
    wire.api_key_id,
    wire.created_at,
    wire.expires_at_seconds,
    wire.metadata,
    wire.user_id,
    wire.org_id,
  ]);
};

const returnsPage = (result: unknown, served: unknown) => {
  const r = result as { apiKeys: unknown[]; totalApiKeys: number; currentPage: number; pageSize: number; hasMoreResults: boolean };
  const s = served as { api_keys: WireKey[]; total_api_keys: number; current_page: number; page_size: number; has_more_results: boolean };
  expect([r.totalApiKeys, r.currentPage, r.pageSize, r.hasMoreResults]).toEqual([
    s.total_api_keys,
    s.current_page,
    s.page_size,
    s.has_more_results,
  ]);
  expect(r.apiKeys).toHaveLength(s.api_keys.length);
  for (const [i, wire] of s.api_keys.entries()) sameKey(r.apiKeys[i], wire);
};

/** Whatever kind of key the served example is, validateApiKey hands back its owner camelCased. */
const returnsValidation = (result: unknown, served: unknown) => {
  const r = result as Validation;
  const s = served as WireValidation;
  expect(r.metadata ?? null).toEqual(s.metadata ?? null);
  expect(r.user?.userId ?? null).toBe(s.user?.user_id ?? null);
  expect(r.org ? [r.org.orgId, r.org.orgName] : null).toEqual(s.org ? [s.org.org_id, s.org.org_name] : null);
  if (s.user_in_org) {
    expect(r.userInOrg).toBeInstanceOf(OrgMemberInfo);
    expect([r.userInOrg!.orgId, r.userInOrg!.assignedRole]).toEqual([s.user_in_org.org_id, s.user_in_org.user_role]);
  } else expect(r.userInOrg ?? null).toBeNull();
};

/** Calls a wrapper that must refuse the served key, and returns what it threw. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    (accepted) => {
      throw new Error(`the wrapper accepted ${JSON.stringify(accepted)}`);
    },
    (error: unknown) => error,
  );

const cases: ConformanceCase[] = [
  {
    fn: "fetchApiKey",
    operationId: "fetchApiKey",
    call: (api) => api.fetchApiKey(API_KEY_ID),
    path: `${BASE}/${API_KEY_ID}`,
    query: {},
    check: (result, served) => sameKey(result, served as WireKey),
  },
  {
    fn: "fetchCurrentApiKeys",
    operationId: "fetchCurrentApiKeys",
    call: (api) => api.fetchCurrentApiKeys({ orgId: ORG_ID, userId: USER_ID, userEmail: "ada@example.com", pageSize: 10, pageNumber: 0 }),
    path: BASE,
    query: { org_id: ORG_ID, user_id: USER_ID, user_email: "ada@example.com", page_size: "10", page_number: "0" },
    check: returnsPage,
  },
  {
    fn: "fetchArchivedApiKeys",
    operationId: "fetchArchivedApiKeys",
    call: (api) => api.fetchArchivedApiKeys({ orgId: ORG_ID, pageNumber: 1 }),
    path: `${BASE}/archived`,
    query: { org_id: ORG_ID, page_number: "1" },
    check: returnsPage,
  },
  {
    fn: "createApiKey",
    variant: "every field",
    operationId: "createApiKey",
    call: (api) =>
      api.createApiKey({
        orgId: ORG_ID,
        userId: USER_ID,
        expiresAtSeconds: 1746365153,
        metadata: { scopes: ["reports:read"] },
        displayName: "Ada's CI key",
      }),
    path: BASE,
    query: {},
    body: {
      org_id: ORG_ID,
      user_id: USER_ID,
      expires_at_seconds: 1746365153,
      metadata: { scopes: ["reports:read"] },
      display_name: "Ada's CI key",
    },
    check: (result, served) => {
      const s = served as { api_key_id: string; api_key_token: string };
      expect(result).toEqual({ apiKeyId: s.api_key_id, apiKeyToken: s.api_key_token });
    },
  },
  {
    fn: "createApiKey",
    variant: "generic key, no fields",
    operationId: "createApiKey",
    call: (api) => api.createApiKey({}),
    path: BASE,
    body: {},
    check: (result, served) =>
      expect((result as { apiKeyToken: string }).apiKeyToken).toBe((served as { api_key_token: string }).api_key_token),
  },
  {
    fn: "updateApiKey",
    operationId: "updateApiKey",
    // The SDK's type says metadata is a string; the API takes an object, and the SDK sends what it is given.
    call: (api) =>
      api.updateApiKey(API_KEY_ID, {
        expiresAtSeconds: 1777901153,
        metadata: { scopes: ["reports:write"] } as never,
        setToNeverExpire: false,
      }),
    path: `${BASE}/${API_KEY_ID}`,
    query: {},
    body: { expires_at_seconds: 1777901153, metadata: { scopes: ["reports:write"] }, set_to_never_expire: false },
    check: (result) => expect(result).toBe(true),
  },
  {
    fn: "updateApiKey",
    variant: "never expire",
    operationId: "updateApiKey",
    call: (api) => api.updateApiKey(API_KEY_ID, { setToNeverExpire: true }),
    body: { set_to_never_expire: true },
    check: (result) => expect(result).toBe(true),
  },
  {
    fn: "deleteApiKey",
    operationId: "deleteApiKey",
    call: (api) => api.deleteApiKey(API_KEY_ID),
    path: `${BASE}/${API_KEY_ID}`,
    query: {},
    check: (result) => expect(result).toBe(true),
  },
  {
    fn: "validateApiKey",
    operationId: "validateApiKey",
    // The SDK strips a leading "Bearer " (any case) before sending.
    call: (api) => api.validateApiKey(`bearer ${TOKEN}`),
    path: `${BASE}/validate`,
    query: {},
    body: { api_key_token: TOKEN },
    check: returnsValidation,
  },
  {
    fn: "validatePersonalApiKey",
    operationId: "validateApiKey",
    examples: ["personal"],
    call: (api) => api.validatePersonalApiKey(TOKEN),
    path: `${BASE}/validate`,
    body: { api_key_token: TOKEN },
    check: (result, served) => {
      const r = result as { user: { userId: string }; metadata: unknown };
      const s = served as WireValidation;
      expect(Object.keys(r).sort()).toEqual(["metadata", "user"]);
      expect([r.user.userId, r.metadata]).toEqual([s.user!.user_id, s.metadata]);
    },
  },
  {
    fn: "validatePersonalApiKey",
    variant: "refuses a key of an organization or of nobody",
    operationId: "validateApiKey",
    examples: ["org", "orgMember", "generic"],
    call: (api) => refusal(api.validatePersonalApiKey(TOKEN)),
    body: { api_key_token: TOKEN },
    check: (error) => {
      expect(error).toBeInstanceOf(ApiKeyValidateException);
      expect((error as ApiKeyValidateException).fieldToErrors).toEqual({ api_key_token: ["Not a personal API Key"] });
    },
  },
  {
    fn: "validateOrgApiKey",
    operationId: "validateApiKey",
    examples: ["org", "orgMember"],
    call: (api) => api.validateOrgApiKey(TOKEN),
    path: `${BASE}/validate`,
    body: { api_key_token: TOKEN },
    check: (result, served) => {
      const r = result as Validation;
      const s = served as WireValidation;
      expect([r.org!.orgId, r.org!.orgName]).toEqual([s.org!.org_id, s.org!.org_name]);
      expect(r.user?.userId ?? null).toBe(s.user?.user_id ?? null);
      if (s.user_in_org) expect(r.userInOrg).toBeInstanceOf(OrgMemberInfo);
      else expect(r.userInOrg ?? null).toBeNull();
    },
  },
  {
    fn: "validateOrgApiKey",
    variant: "refuses a key without an organization",
    operationId: "validateApiKey",
    examples: ["personal", "generic"],
    call: (api) => refusal(api.validateOrgApiKey(TOKEN)),
    body: { api_key_token: TOKEN },
    check: (error) => {
      expect(error).toBeInstanceOf(ApiKeyValidateException);
      expect((error as ApiKeyValidateException).fieldToErrors).toEqual({ api_key_token: ["Not an org API Key"] });
    },
  },
  {
    fn: "fetchApiKeyUsage",
    operationId: "fetchApiKeyUsage",
    call: (api) => api.fetchApiKeyUsage({ date: "2024-05-04", orgId: ORG_ID, userId: USER_ID, api_key_id: API_KEY_ID }),
    path: `${BASE}/usage`,
    query: { date: "2024-05-04", org_id: ORG_ID, user_id: USER_ID, api_key_id: API_KEY_ID },
    check: (result, served) => expect(result).toEqual({ count: (served as { count: number }).count }),
  },
  {
    fn: "importApiKey",
    operationId: "importApiKey",
    call: (api) =>
      api.importApiKey({
        importedApiKey: IMPORTED,
        orgId: ORG_ID,
        userId: USER_ID,
        expiresAtSeconds: 1746365153,
        metadata: { source: "legacy-billing" },
        displayName: "Acme (migrated)",
      }),
    path: `${BASE}/import`,
    query: {},
    body: {
      imported_api_key: IMPORTED,
      org_id: ORG_ID,
      user_id: USER_ID,
      expires_at_seconds: 1746365153,
      metadata: { source: "legacy-billing" },
      display_name: "Acme (migrated)",
    },
    // The SDK's type says `api_key_id`, but it camelCases the answer like every other.
    check: (result, served) => expect(result).toEqual({ apiKeyId: (served as { api_key_id: string }).api_key_id }),
  },
  {
    fn: "validateImportedApiKey",
    operationId: "validateImportedApiKey",
    call: (api) => api.validateImportedApiKey(`Bearer ${IMPORTED}`),
    path: `${BASE}/validate_imported`,
    query: {},
    body: { api_key_token: IMPORTED },
    check: returnsValidation,
  },
];

describe("official Node SDK conformance: end-user API keys and validation", () => {
  conformance(cases);
});
