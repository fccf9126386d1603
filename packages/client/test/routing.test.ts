// Addressing: the Auth URL as base (default), or PropelAuth's API host with
// `X-Propelauth-url: <auth hostname>`, per client and per request, in both call styles.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/routing.test.ts
import { describe, expect, it } from "vitest";
import { AUTH_URL, json, stubFetch } from "./lib/helpers.js";
import { API_KEY, builds, USER_ID, useExampleServer } from "./support.js";

const path = { user_id: USER_ID };
const API_HOST = "https://propelauth-api.com";

describe.each(builds)("routing (%s build)", (_name, lib) => {
  const { server } = useExampleServer();
  const stub = () => stubFetch(json({ user_id: USER_ID }));

  it("by default requests go to the Auth URL, without X-Propelauth-url", async () => {
    const { fetch, seen } = stub();
    await lib.fetchUserById(lib.createClient({ authUrl: `${AUTH_URL}/`, apiKey: API_KEY, fetch }), { path });
    expect(seen[0]!.url).toBe(`${AUTH_URL}/api/backend/v1/user/${USER_ID}`);
    expect(seen[0]!.headers["x-propelauth-url"]).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('routing: "propelauth-api" sends to https://propelauth-api.com with the Auth URL\'s hostname in X-Propelauth-url', async () => {
    const { fetch, seen } = stub();
    const client = lib.createClient({ authUrl: "https://auth.example.com:8443", apiKey: API_KEY, fetch, routing: "propelauth-api" });
    await lib.fetchUserById(client, { path });
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path } });
    for (const request of seen) {
      expect(request.url).toBe(`${API_HOST}/api/backend/v1/user/${USER_ID}`);
      expect(request.headers["x-propelauth-url"]).toBe("auth.example.com");
    }
  });

  it("overridable per request, both ways, in both call styles", async () => {
    const { fetch, seen } = stub();
    const byAuthUrl = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch });
    await lib.fetchUserById(byAuthUrl, { path }, { routing: "propelauth-api" });
    await byAuthUrl.GET("/api/backend/v1/user/{user_id}", { params: { path }, propelauth: { routing: "propelauth-api" } });
    const byApi = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch, routing: "propelauth-api" });
    await lib.fetchUserById(byApi, { path }, { routing: "auth-url" });
    await byApi.GET("/api/backend/v1/user/{user_id}", {
      params: { path, query: { include_orgs: true } },
      propelauth: { routing: "auth-url" },
    });
    expect(seen.map((s) => [s.url, s.headers["x-propelauth-url"]])).toEqual([
      [`${API_HOST}/api/backend/v1/user/${USER_ID}`, "auth.example.com"],
      [`${API_HOST}/api/backend/v1/user/${USER_ID}`, "auth.example.com"],
      [`${AUTH_URL}/api/backend/v1/user/${USER_ID}`, undefined],
      [`${AUTH_URL}/api/backend/v1/user/${USER_ID}?include_orgs=true`, undefined],
    ]);
  });

  it("with middleware (real Requests) the per-request routing still applies", async () => {
    const { fetch, seen } = stub();
    const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch });
    client.use({ onRequest: () => undefined });
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path }, propelauth: { routing: "propelauth-api" } });
    expect([seen[0]!.url, seen[0]!.headers["x-propelauth-url"]]).toEqual([
      `${API_HOST}/api/backend/v1/user/${USER_ID}`,
      "auth.example.com",
    ]);
  });

  it("propelauthApiUrl points the API-host routing elsewhere (here the loopback example server)", async () => {
    const client = lib.createClient({
      authUrl: "https://1581439057.propelauthtest.com",
      apiKey: API_KEY,
      routing: "propelauth-api",
      propelauthApiUrl: server().url,
    });
    const user = await lib.fetchUserById(client, { path });
    expect(user.user_id).toBe(USER_ID);
    expect(server().requests[0]!.headers["x-propelauth-url"]).toBe("1581439057.propelauthtest.com");
  });

  it("refuses bad routing options", () => {
    expect(() => lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, routing: "direct" as never })).toThrow(
      lib.InvalidClientOptionError,
    );
    expect(() => lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, propelauthApiUrl: "http://propelauth-api.com" })).toThrow(
      /propelauthApiUrl.*https/,
    );
    expect(() => lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, propelauthApiUrl: "https://propelauth-api.com/v1" })).toThrow(
      /without a path/,
    );
  });
});
