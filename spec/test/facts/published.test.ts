// The document agrees with PropelAuth's published reference pages, guides and posts (issue 25):
// each test pins one settled fact to the bundled document, so undoing the fix turns it red.
import { readFileSync } from "node:fs";
import {
  AttritionReportInterval,
  ChampionReportInterval,
  ChurnReportInterval,
  GrowthReportInterval,
  ReengagementReportInterval,
  TopInviterReportInterval,
} from "@propelauth/node-apis";
import { describe, expect, it } from "vitest";
import { deref, listOperations, loadBundledDocument } from "../../src/index.js";
import type { JsonSchema, OperationObject, ParameterObject } from "../../src/types.js";

const doc = loadBundledDocument();
const operations = listOperations(doc);
const byId = new Map(operations.map((op) => [op.operationId, op.operation]));
const op = (id: string): OperationObject => byId.get(id) ?? expect.fail(`no operation ${id}`);
const schema = (name: string) => doc.components.schemas?.[name] as JsonSchema & { properties: Record<string, JsonSchema> };
const ref = (response: unknown) => (response as { $ref?: string } | undefined)?.$ref ?? "";
const text = (value: unknown) => JSON.stringify(value);
const description = doc.info.description;
const notDescribed = doc.info["x-propelauth-not-described"] ?? [];

const SCOPED_KEYS_POST = "https://www.propelauth.com/post/scoped-backend-api-keys";

describe("1. isolated organizations", () => {
  it("Fetch Org answers `isolated`, an optional boolean", () => {
    const organization = schema("Organization");
    expect(organization.properties.isolated?.type).toBe("boolean");
    expect(organization.required).not.toContain("isolated");
    expect(ref(op("fetchOrg").responses["200"]?.content?.["application/json"]?.schema)).toMatch(/Organization$/);
  });

  it("the operation that isolates an organization is listed as not described, with the reason", () => {
    const entry = notDescribed.find((e) => e.path === "/api/backend/v1/isolate_org");
    expect(entry?.why).toMatch(/no published reference page/);
  });

  it("the root README no longer calls isolated organizations unreleased", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    expect(readme).not.toMatch(/unreleased SDK branches/);
    expect(readme).toMatch(/`isolated`/);
  });
});

describe("2. password hashes for migration", () => {
  it.each([
    ["MigrateUserRequest", "existing_password_hash"],
    ["MigrateUserPasswordRequest", "password_hash"],
  ])("%s.%s names bcrypt, Argon2 and PBKDF2 (the migration guide)", (name, field) => {
    const said = String(schema(name).properties[field]?.description);
    for (const algorithm of [/bcrypt/i, /argon2/i, /pbkdf2/i]) expect(said).toMatch(algorithm);
  });
});

describe("3. 426 organizations not enabled", () => {
  const ORG_TAGS = new Set(["Organizations", "Organization membership", "Invites", "Role mappings", "Enterprise SSO", "SCIM"]);
  // Operations outside those tags that read organizations: users of an org, the user query
  // (which filters and answers memberships) and the organization reports.
  const ALSO = ["fetchUsersInOrg", "queryUsers", "fetchOrgReport"];
  const expected = operations
    .filter((o) => ORG_TAGS.has(o.operation.tags[0]!) || ALSO.includes(o.operationId))
    .map((o) => o.operationId)
    .sort();

  it("every operation that uses organizations declares 426 with the shared response, and no other does", () => {
    const declaring = operations.filter((o) => o.operation.responses["426"]).map((o) => o.operationId);
    expect(declaring.sort()).toEqual(expected);
    for (const id of expected) expect(ref(op(id).responses["426"]), id).toMatch(/OrgsNotEnabled$/);
  });

  it("covers the operations the issue found missing", () => {
    for (const id of ["addUserToOrg", "removeUserFromOrg", "changeUserRoleInOrg", "inviteUserToOrg", "revokePendingInvite"])
      expect(expected).toContain(id);
    for (const id of ["setSamlIdpMetadata", "setOidcIdpMetadata", "fetchOrgScimGroups", "fetchScimGroup"]) expect(expected).toContain(id);
  });
});

describe("4. end-user API key validation takes `Bearer <key>` or the bare key", () => {
  it("the request body says both are accepted, and an example sends the prefix", () => {
    expect(String(schema("ValidateApiKeyRequest").properties.api_key_token?.description)).toMatch(/both are accepted/);
    const examples = op("validateApiKey").requestBody?.content["application/json"]?.examples ?? {};
    const tokens = Object.values(examples).map((e) => String((deref(doc, e) as { value: { api_key_token?: string } }).value.api_key_token));
    expect(tokens.some((t) => /^Bearer /.test(t))).toBe(true);
  });

  it.each(["validateApiKey", "validateImportedApiKey"])("%s no longer tells callers to strip the prefix", (id) => {
    expect(op(id).description).not.toMatch(/without (a|a leading) `Bearer `/);
    expect(op(id).description).toMatch(/`Bearer <(token|key)>`/);
  });
});

describe("5. report intervals per report", () => {
  const table = (id: string) => {
    const param = (op(id).parameters ?? []).map((p) => deref(doc, p) as ParameterObject).find((p) => p.name === "report_interval");
    return (param as unknown as Record<string, Record<string, string[]>>)["x-propelauth-values-by-report-key"] ?? {};
  };
  const values = (e: object) => Object.values(e).sort();

  it("each report admits its own values, the Node SDK's enum for that report", () => {
    const users = table("fetchUserReport");
    const orgs = table("fetchOrgReport");
    expect([...users.top_inviter!].sort()).toEqual(values(TopInviterReportInterval));
    expect([...users.champion!].sort()).toEqual(values(ChampionReportInterval));
    expect([...users.churn!].sort()).toEqual(values(ChurnReportInterval));
    expect([...users.reengagement!].sort()).toEqual(values(ReengagementReportInterval));
    expect([...orgs.growth!].sort()).toEqual(values(GrowthReportInterval));
    expect([...orgs.attrition!].sort()).toEqual(values(AttritionReportInterval));
    expect([...orgs.churn!].sort()).toEqual(values(ChurnReportInterval));
    expect([...orgs.reengagement!].sort()).toEqual(values(ReengagementReportInterval));
  });

  it("the top inviter report takes only 30, 60 or 90 (PropelAuth's insights reference)", () => {
    expect(table("fetchUserReport").top_inviter).toEqual(["30", "60", "90"]);
  });

  it.each(["fetchUserReport", "fetchOrgReport"])("%s: the table names every report key, within the shared enum", (id) => {
    const params = [
      ...(doc.paths[id === "fetchUserReport" ? "/api/backend/v1/user_report/{report_key}" : "/api/backend/v1/org_report/{report_key}"]
        ?.parameters ?? []),
    ];
    const key = params.map((p) => deref(doc, p) as ParameterObject).find((p) => p.name === "report_key");
    expect(Object.keys(table(id)).sort()).toEqual([...((key?.schema?.enum as string[] | undefined) ?? [])].sort());
    const shared = schema("ReportInterval").enum as string[];
    for (const allowed of Object.values(table(id))) for (const v of allowed) expect(shared).toContain(v);
  });
});

describe("6. OAuth2 and MCP endpoints", () => {
  it.each([
    ["GET", "/propelauth/oauth/authorize", "https://docs.propelauth.com/reference/api/oauth2"],
    ["POST", "/propelauth/oauth/token", "https://docs.propelauth.com/reference/api/oauth2"],
    ["GET", "/oauth/2.1/authorize", "https://docs.propelauth.com/reference/api/mcp"],
    ["POST", "/oauth/2.1/token", "https://docs.propelauth.com/reference/api/mcp"],
  ])("%s %s is listed as not described, with its reference page and the reason", (method, path, page) => {
    const entry = notDescribed.find((e) => e.method === method && e.path === path);
    expect(entry?.docs).toBe(page);
    expect(entry?.why).toMatch(/backend key/);
    expect(description).toContain(path);
  });
});

describe("7. Read and Validate", () => {
  it.each(["fetchUserReport", "fetchOrgReport", "fetchChartMetrics", "fetchEmployee", "fetchUserOAuthTokens", "fetchFreshOAuthToken"])(
    "%s refuses Read and Validate keys and records the scoped-keys post that says otherwise",
    (id) => {
      const access = op(id)["x-propelauth-access"];
      expect(access["key-kinds"]).not.toContain("read-and-validate");
      const disagreement = access.disagreements?.find((d) => d.source === SCOPED_KEYS_POST);
      expect(disagreement?.says).toMatch(/can call APIs that read data/);
      expect(disagreement?.why).toContain("can read org, user, and API key data");
    },
  );

  it("every disagreement names a published PropelAuth page", () => {
    for (const o of operations)
      for (const d of o.operation["x-propelauth-access"].disagreements ?? [])
        expect(d.source).toMatch(/^https:\/\/(docs|www)\.propelauth\.com\//);
  });
});

describe("8. a key that lacks a permission", () => {
  it("is answered 401, as the shared response and the introduction say", () => {
    const unauthorized = doc.components.responses?.Unauthorized as { description: string };
    expect(unauthorized.description).toMatch(/lacks a permission/);
    expect(description).toMatch(/`401`, and so is a key whose kind or\s+permissions do not allow the operation/);
    expect(description).not.toMatch(/refused as well/);
  });

  it("no operation describes a 403 for a missing permission: 403 is only a refused user or a step-up MFA coded error", () => {
    for (const o of operations) {
      const forbidden = ref(o.operation.responses["403"]);
      if (forbidden) expect(forbidden, o.operationId).toMatch(/(StepUpMfaForbidden|AccessTokenUserNotFound)$/);
      expect(o.operation.responses["401"], o.operationId).toBeDefined();
    }
  });
});

describe("9. 429", () => {
  const tooMany = doc.components.responses?.TooManyRequests as {
    description: string;
    headers?: Record<string, { schema?: JsonSchema }>;
    content: Record<string, { examples?: Record<string, { value: unknown }> }>;
  };

  it("the shared response has Retry-After and an example body", () => {
    expect(tooMany.headers?.["Retry-After"]?.schema?.type).toBe("string");
    expect(Object.keys(tooMany.content["application/json"]?.examples ?? {})).not.toHaveLength(0);
  });

  it("the introduction's errors section says status, Retry-After and body, with an example", () => {
    const section = description.slice(description.indexOf("## Errors and rate limits"));
    expect(section).toMatch(/`429`/);
    expect(section).toMatch(/Retry-After/);
    expect(section).toMatch(/\{"error": "Too many requests"\}/);
  });

  it("every operation but the ones with their own rate-limit answer uses it", () => {
    for (const o of operations) {
      const r = ref(o.operation.responses["429"]);
      expect(r, o.operationId).toMatch(/(TooManyRequests|ApiKeyRateLimited|EmailConfirmationRateLimited)$/);
    }
    expect(text(tooMany)).not.toMatch(/treat it as text/);
  });
});
