// Each user-read operation through the built client against the loopback example server: the
// request (method, exact path, query, body) and the typed result.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schemas } from "../../src/index.js";
import { API_KEY, builds, exampleOf, ORG_ID, USER_ID, useExampleServer } from "../support.js";

describe.each(builds)("user reads (%s build)", (_name, lib) => {
  const { server, lastRequest } = useExampleServer();
  const client = () => lib.createClient({ authUrl: server().url, apiKey: API_KEY });

  it("fetchTokenVerificationMetadata: GET /api/v1/token_verification_metadata", async () => {
    const { data, error } = await client().GET("/api/v1/token_verification_metadata");
    const req = lastRequest();
    expect([req.method, req.path, [...req.query]]).toEqual(["GET", "/api/v1/token_verification_metadata", []]);
    expect(error).toBeUndefined();
    expectTypeOf(data!.verifier_key_pem).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("fetchTokenVerificationMetadata"));
  });

  it("fetchTokenVerificationMetadataLegacy: GET /api/backend/v1/token_verification_metadata", async () => {
    const { data } = await client().GET("/api/backend/v1/token_verification_metadata");
    expect(lastRequest().path).toBe("/api/backend/v1/token_verification_metadata");
    expectTypeOf(data!.public_key_pem).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("fetchTokenVerificationMetadataLegacy"));
  });

  it("fetchUserById: GET /user/{user_id}?include_orgs", async () => {
    const { data } = await client().GET("/api/backend/v1/user/{user_id}", {
      params: { path: { user_id: USER_ID }, query: { include_orgs: true } },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      `/api/backend/v1/user/${USER_ID}`,
      { include_orgs: "true" },
    ]);
    expectTypeOf(data).toEqualTypeOf<Schemas["UserMetadata"] | undefined>();
    expect(data).toEqual(exampleOf("fetchUserById"));
  });

  it("fetchUserByEmail: GET /user/email?email", async () => {
    const { data } = await client().GET("/api/backend/v1/user/email", { params: { query: { email: "ada@example.com" } } });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      "/api/backend/v1/user/email",
      { email: "ada@example.com" },
    ]);
    expect(data?.email).toBe("ada@example.com");
  });

  it("fetchUserByUsername: GET /user/username?username", async () => {
    const { data } = await client().GET("/api/backend/v1/user/username", { params: { query: { username: "ada", include_orgs: false } } });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      "/api/backend/v1/user/username",
      { username: "ada", include_orgs: "false" },
    ]);
    expect(data?.username).toBe("ada");
  });

  it("fetchUsersByIds: POST /user/user_ids with a JSON body", async () => {
    const { data } = await client().POST("/api/backend/v1/user/user_ids", {
      params: { query: { include_orgs: true } },
      body: { user_ids: [USER_ID] },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query), req.body]).toEqual([
      "POST",
      "/api/backend/v1/user/user_ids",
      { include_orgs: "true" },
      { user_ids: [USER_ID] },
    ]);
    expect(req.headers["content-type"]).toBe("application/json");
    expectTypeOf(data).toEqualTypeOf<Schemas["UserMetadata"][] | undefined>();
    expect(data).toEqual(exampleOf("fetchUsersByIds"));
  });

  it("fetchUsersByEmails: POST /user/emails", async () => {
    const { data } = await client().POST("/api/backend/v1/user/emails", { body: { emails: ["ada@example.com"] } });
    const req = lastRequest();
    expect([req.method, req.path, req.body]).toEqual(["POST", "/api/backend/v1/user/emails", { emails: ["ada@example.com"] }]);
    expect(data).toEqual(exampleOf("fetchUsersByEmails"));
  });

  it("fetchUsersByUsernames: POST /user/usernames", async () => {
    const { data } = await client().POST("/api/backend/v1/user/usernames", { body: { usernames: ["ada", "grace"] } });
    const req = lastRequest();
    expect([req.method, req.path, req.body]).toEqual(["POST", "/api/backend/v1/user/usernames", { usernames: ["ada", "grace"] }]);
    expect(data?.map((u) => u.username)).toEqual(["ada", "grace"]);
  });

  it("queryUsers: GET /user/query with paging, order and filters", async () => {
    const { data } = await client().GET("/api/backend/v1/user/query", {
      params: {
        query: {
          page_size: 1,
          page_number: 0,
          order_by: "CREATED_AT_DESC",
          email_or_username: "ada",
          legacy_user_id: "usr_0193",
          include_orgs: false,
        },
      },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      "/api/backend/v1/user/query",
      {
        page_size: "1",
        page_number: "0",
        order_by: "CREATED_AT_DESC",
        email_or_username: "ada",
        legacy_user_id: "usr_0193",
        include_orgs: "false",
      },
    ]);
    expectTypeOf(data!.total_users).toEqualTypeOf<number>();
    expectTypeOf(data!.has_more_results).toEqualTypeOf<boolean>();
    expect(data).toEqual(exampleOf("queryUsers"));
  });

  it("fetchUsersInOrg: GET /user/org/{org_id} with role filter", async () => {
    const { data } = await client().GET("/api/backend/v1/user/org/{org_id}", {
      params: { path: { org_id: ORG_ID }, query: { role: "Admin", page_size: 10 } },
    });
    const req = lastRequest();
    expect([req.method, req.path, Object.fromEntries(req.query)]).toEqual([
      "GET",
      `/api/backend/v1/user/org/${ORG_ID}`,
      { role: "Admin", page_size: "10" },
    ]);
    expectTypeOf(data!.users[0]!.role_in_org).toEqualTypeOf<string>();
    expect(data).toEqual(exampleOf("fetchUsersInOrg"));
  });

  it("fetchUserSignupQueryParameters: GET /user/{user_id}/signup_query_parameters", async () => {
    const { data } = await client().GET("/api/backend/v1/user/{user_id}/signup_query_parameters", {
      params: { path: { user_id: USER_ID } },
    });
    const req = lastRequest();
    expect([req.method, req.path]).toEqual(["GET", `/api/backend/v1/user/${USER_ID}/signup_query_parameters`]);
    expectTypeOf(data!.user_signup_query_parameters).toEqualTypeOf<Record<string, string>>();
    expect(data).toEqual(exampleOf("fetchUserSignupQueryParameters"));
  });

  it("answers a 400 field-error map as a typed error for a request the document refuses", async () => {
    const { data, error, response } = await client().GET("/api/backend/v1/user/{user_id}", {
      params: { path: { user_id: "not-a-uuid" } },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error).toEqual({ user_id: ["must be a valid uuid"] });
  });
});
