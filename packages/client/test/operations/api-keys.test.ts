// Each end-user API key, validation and insights operation through the built client against the
// loopback example server: the request (method, exact path, query, body) and the typed result.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schemas } from "../../src/index.js";
import { API_KEY, builds, exampleOf, ORG_ID, USER_ID, useExampleServer } from "../support.js";

const V1 = "/api/backend/v1";
const API_KEY_ID = "85b90f382257db0ef057982725997fe1";
const TOKEN = `${API_KEY_ID}60b76516d72335f2c8658e160bab4031b6d4e02201973ef908aeec32af3b9aa9`;

describe.each(builds)("end-user API keys, validation and insights (%s build)", (_name, lib) => {
  const { server, lastRequest } = useExampleServer();
  const client = () => lib.createClient({ authUrl: server().url, apiKey: API_KEY });

  it("fetchApiKey: GET /end_user_api_keys/{api_key_id}", async () => {
    const { data, error } = await client().GET("/api/backend/v1/end_user_api_keys/{api_key_id}", {
      params: { path: { api_key_id: API_KEY_ID } },
    });
    const req = lastRequest();
    expect([req.method, req.path, [...req.query]]).toEqual(["GET", `${V1}/end_user_api_keys/${API_KEY_ID}`, []]);
    expect(error).toBeUndefined();
    expectTypeOf(data).toEqualTypeOf<Schemas["ApiKey"] | undefined>();
    expectTypeOf(data!.expires_at_seconds).toEqualTypeOf<number | null | undefined>();
    expect(data).toEqual(exampleOf("fetchApiKey"));
  });

  it("fetchCurrentApiKeys: GET /end_user_api_keys with filters and paging", async () => {
    const { data } = await client().GET("/api/backend/v1/end_user_api_keys", {
      params: { query: { org_id: ORG_ID, user_id: USER_ID, user_email: "ada@example.com", page_size: 10, page_number: 0 } },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      `${V1}/end_user_api_keys`,
      { org_id: ORG_ID, user_id: USER_ID, user_email: "ada@example.com", page_size: "10", page_number: "0" },
    ]);
    expectTypeOf(data!.total_api_keys).toEqualTypeOf<number>();
    expectTypeOf(data!.api_keys).toEqualTypeOf<Schemas["ApiKey"][]>();
    expect(data).toEqual(exampleOf("fetchCurrentApiKeys"));
  });

  it("fetchArchivedApiKeys: GET /end_user_api_keys/archived (not the {api_key_id} route)", async () => {
    const { data } = await client().GET("/api/backend/v1/end_user_api_keys/archived", {
      params: { query: { user_email: "ada@example.com" } },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query), req.operationId]).toEqual([
      "GET",
      `${V1}/end_user_api_keys/archived`,
      { user_email: "ada@example.com" },
      "fetchArchivedApiKeys",
    ]);
    expect(data).toEqual(exampleOf("fetchArchivedApiKeys"));
  });

  it("createApiKey: POST /end_user_api_keys, the token returned once", async () => {
    const body = { user_id: USER_ID, expires_at_seconds: 1746365153, metadata: { scopes: ["reports:read"] }, display_name: "Ada's CI key" };
    const { data } = await client().POST("/api/backend/v1/end_user_api_keys", { body });
    const req = lastRequest();
    expect([req.method, req.path, req.body]).toEqual(["POST", `${V1}/end_user_api_keys`, body]);
    expect(req.headers["content-type"]).toBe("application/json");
    expectTypeOf(data!.api_key_token).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("createApiKey"));
  });

  it("updateApiKey: PATCH /end_user_api_keys/{api_key_id}", async () => {
    const body = { expires_at_seconds: 1777901153, metadata: { scopes: ["reports:write"] }, set_to_never_expire: false };
    const { data, error } = await client().PATCH("/api/backend/v1/end_user_api_keys/{api_key_id}", {
      params: { path: { api_key_id: API_KEY_ID } },
      body,
    });
    const req = lastRequest();
    expect([req.method, req.path, req.body]).toEqual(["PATCH", `${V1}/end_user_api_keys/${API_KEY_ID}`, body]);
    expect(error).toBeUndefined();
    expect(data).toEqual({});
  });

  it("deleteApiKey: DELETE /end_user_api_keys/{api_key_id}", async () => {
    const { data, response } = await client().DELETE("/api/backend/v1/end_user_api_keys/{api_key_id}", {
      params: { path: { api_key_id: API_KEY_ID } },
    });
    const req = lastRequest();
    expect([req.method, req.path, req.body]).toEqual(["DELETE", `${V1}/end_user_api_keys/${API_KEY_ID}`, undefined]);
    expect(response.status).toBe(200);
    expect(data).toEqual({});
  });

  it("importApiKey: POST /end_user_api_keys/import", async () => {
    const body = { imported_api_key: "legacy-key-example-0193", org_id: ORG_ID, display_name: "Acme (migrated)" };
    const { data } = await client().POST("/api/backend/v1/end_user_api_keys/import", { body });
    const req = lastRequest();
    expect([req.method, req.path, req.body]).toEqual(["POST", `${V1}/end_user_api_keys/import`, body]);
    expectTypeOf(data!.api_key_id).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("importApiKey"));
  });

  it("fetchApiKeyUsage: GET /end_user_api_keys/usage?date", async () => {
    const { data } = await client().GET("/api/backend/v1/end_user_api_keys/usage", {
      params: { query: { date: "2024-05-04", api_key_id: API_KEY_ID } },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      `${V1}/end_user_api_keys/usage`,
      { date: "2024-05-04", api_key_id: API_KEY_ID },
    ]);
    expectTypeOf(data!.count).toEqualTypeOf<number>();
    expect(data).toEqual(exampleOf("fetchApiKeyUsage"));
  });

  it("validateApiKey: POST /end_user_api_keys/validate", async () => {
    const { data } = await client().POST("/api/backend/v1/end_user_api_keys/validate", { body: { api_key_token: TOKEN } });
    const req = lastRequest();
    expect([req.method, req.path, req.body]).toEqual(["POST", `${V1}/end_user_api_keys/validate`, { api_key_token: TOKEN }]);
    expectTypeOf(data).toEqualTypeOf<Schemas["ApiKeyValidation"] | undefined>();
    expectTypeOf(data!.user_in_org).toEqualTypeOf<Schemas["UserOrgInfo"] | null | undefined>();
    expect(data).toEqual(exampleOf("validateApiKey", "personal"));
  });

  it("validateApiKey: an invalid key is a 400 field-error map", async () => {
    server().respondOnce("validateApiKey", 400, { api_key_token: ["Invalid API key"] });
    const { data, error, response } = await client().POST("/api/backend/v1/end_user_api_keys/validate", { body: { api_key_token: TOKEN } });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error).toEqual({ api_key_token: ["Invalid API key"] });
  });

  it("validateApiKey: the key's own rate limit is a 429 with wait_seconds", async () => {
    const limited: Schemas["ApiKeyRateLimitError"] = {
      wait_seconds: 12.5,
      user_facing_error: "Too many requests. Please try again in 13 seconds.",
      error_code: "rate_limited",
    };
    server().respondOnce("validateApiKey", 429, limited);
    const { error, response } = await client().POST("/api/backend/v1/end_user_api_keys/validate", { body: { api_key_token: TOKEN } });
    expect(response.status).toBe(429);
    expect(error).toEqual(limited);
  });

  it("validateApiKey: the document refuses a request without api_key_token", async () => {
    const { error, response } = await client().POST("/api/backend/v1/end_user_api_keys/validate", { body: {} as never });
    expect(response.status).toBe(400);
    expect(error).toEqual({ api_key_token: ["is required"] });
  });

  it("validateImportedApiKey: POST /end_user_api_keys/validate_imported", async () => {
    const body = { api_key_token: "legacy-key-example-0193" };
    const { data } = await client().POST("/api/backend/v1/end_user_api_keys/validate_imported", { body });
    const req = lastRequest();
    expect([req.method, req.path, req.body]).toEqual(["POST", `${V1}/end_user_api_keys/validate_imported`, body]);
    expectTypeOf(data).toEqualTypeOf<Schemas["ApiKeyValidation"] | undefined>();
    expect(data).toEqual(exampleOf("validateImportedApiKey"));
  });

  it("fetchApiKey: the document refuses an id that is not 32 hex characters", async () => {
    const { error, response } = await client().GET("/api/backend/v1/end_user_api_keys/{api_key_id}", {
      params: { path: { api_key_id: "0123456789abcdef0123456789abcdeZ" } },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(error as object)).toEqual(["api_key_id"]);
  });

  it("fetchUserReport: GET /user_report/{report_key} with interval and paging", async () => {
    const { data } = await client().GET("/api/backend/v1/user_report/{report_key}", {
      params: { path: { report_key: "top_inviter" }, query: { report_interval: "60", page_size: 10, page_number: 0 } },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      `${V1}/user_report/top_inviter`,
      { report_interval: "60", page_size: "10", page_number: "0" },
    ]);
    expectTypeOf(data!.user_reports).toEqualTypeOf<Schemas["UserReportRecord"][]>();
    expectTypeOf(data!.report_time).toEqualTypeOf<number>();
    expect(data).toEqual(exampleOf("fetchUserReport"));
  });

  it("fetchOrgReport: GET /org_report/{report_key}", async () => {
    const { data } = await client().GET("/api/backend/v1/org_report/{report_key}", {
      params: { path: { report_key: "reengagement" }, query: { report_interval: "Weekly" } },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      `${V1}/org_report/reengagement`,
      { report_interval: "Weekly" },
    ]);
    expectTypeOf(data!.org_reports).toEqualTypeOf<Schemas["OrgReportRecord"][]>();
    expect(data).toEqual(exampleOf("fetchOrgReport"));
  });

  it("fetchOrgReport: the document refuses an unknown report", async () => {
    const { error, response } = await client().GET("/api/backend/v1/org_report/{report_key}", {
      params: { path: { report_key: "champion" as never } },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(error as object)).toEqual(["report_key"]);
  });

  it("fetchChartMetrics: GET /chart_metrics/{chart_metric} with cadence and dates", async () => {
    const { data } = await client().GET("/api/backend/v1/chart_metrics/{chart_metric}", {
      params: { path: { chart_metric: "active_orgs" }, query: { cadence: "Weekly", start_date: "2024-04-01", end_date: "2024-04-28" } },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      `${V1}/chart_metrics/active_orgs`,
      { cadence: "Weekly", start_date: "2024-04-01", end_date: "2024-04-28" },
    ]);
    expectTypeOf(data!.cadence).toEqualTypeOf<"Daily" | "Weekly" | "Monthly">();
    expectTypeOf(data!.metrics).toEqualTypeOf<Schemas["ChartMetricPoint"][]>();
    expect(data).toEqual(exampleOf("fetchChartMetrics"));
  });
});
