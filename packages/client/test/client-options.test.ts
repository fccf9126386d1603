// The options added on top of the foundation's checks (test/options.test.ts): the routing host,
// timeout, retries, fetch and the API key's characters, for createClient and
// createOperationClient alike; per-call options; and the typing of the path-based client.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/client-options.test.ts
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schemas } from "../src/index.js";
import { AUTH_URL, json, stubFetch } from "./lib/helpers.js";
import { API_KEY, builds } from "./support.js";

describe.each(builds)("client options (%s build)", (_name, lib) => {
  const factories = [
    ["createClient", lib.createClient],
    ["createOperationClient", lib.createOperationClient],
  ] as const;

  it.each(factories)("%s refuses each bad option, naming it", (_factory, create) => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ timeout: -1 }, "timeout", /whole number of ms/],
      [{ timeout: 1.5 }, "timeout", /whole number/],
      [{ timeout: 2 ** 31 }, "timeout", /whole number/],
      [{ maxRetries: 11 }, "maxRetries", /0 to 10/],
      [{ maxRetries: -1 }, "maxRetries", /0 to 10/],
      [{ routing: "direct" }, "routing", /"auth-url" or "propelauth-api"/],
      [{ propelauthApiUrl: "ftp://propelauth-api.com" }, "propelauthApiUrl", /must use https/],
      [{ fetch: "fetch" }, "fetch", /must be a function/],
      [{ apiKey: "k\u00e9y" }, "apiKey", /non-ASCII/],
      [{ apiKey: "key\u0000" }, "apiKey", /whitespace or non-ASCII/],
      [{ authUrl: "https://user:pass@auth.example.com" }, "authUrl", /credentials/],
      [{ authUrl: "https://auth.example.com/?a=1" }, "authUrl", /query/],
      [{ authUrl: new URL("https://auth.example.com/#x") }, "authUrl", /fragment|query/],
    ];
    for (const [extra, option, rule] of cases) {
      let thrown: unknown;
      try {
        create({ authUrl: AUTH_URL, apiKey: API_KEY, ...extra } as Parameters<typeof create>[0]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(extra)).toBeInstanceOf(lib.InvalidClientOptionError);
      expect((thrown as InstanceType<typeof lib.InvalidClientOptionError>).option).toBe(option);
      expect((thrown as Error).message).toMatch(rule);
    }
  });

  it.each(factories)("%s accepts the documented options", (_factory, create) => {
    expect(() =>
      create({
        authUrl: new URL("https://auth.example.com"),
        apiKey: API_KEY,
        routing: "propelauth-api",
        propelauthApiUrl: "http://127.0.0.1:9999",
        timeout: 0,
        maxRetries: 10,
        backoff: { baseMs: 10, maxMs: 100 },
        headers: { "x-service": "billing" },
        logger: console,
        fetch: async () => new Response(),
      }),
    ).not.toThrow();
    expect(() => create({ authUrl: "http://127.0.0.2:4010", apiKey: API_KEY })).not.toThrow();
    expect(() => create({ authUrl: "http://[::1]:4010", apiKey: API_KEY })).not.toThrow();
  });

  it("client headers go with every request, per-call headers on top; the key always wins", async () => {
    const stub = stubFetch(json({ user_id: "u" }));
    const client = lib.createClient({
      authUrl: AUTH_URL,
      apiKey: API_KEY,
      fetch: stub.fetch,
      headers: { "X-Service": "billing", Authorization: "Bearer stolen" },
    });
    await lib.fetchUserById(client, { path: { user_id: "u" } }, { headers: { "x-trace": "t1", authorization: "Bearer nope" } });
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id: "u" } }, headers: { "x-trace": "t2" } });
    expect(stub.seen.map((s) => [s.headers["x-service"], s.headers["x-trace"], s.headers.authorization])).toEqual([
      ["billing", "t1", `Bearer ${API_KEY}`],
      ["billing", "t2", `Bearer ${API_KEY}`],
    ]);
  });

  it("the global fetch is looked up at each call, so it can be patched after createClient", async () => {
    const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY });
    const original = globalThis.fetch;
    const stub = stubFetch(json({ user_id: "patched" }));
    globalThis.fetch = stub.fetch as typeof fetch;
    try {
      expect((await lib.fetchUserById(client, { path: { user_id: "u" } })).user_id).toBe("patched");
    } finally {
      globalThis.fetch = original;
    }
  });

  it("bad per-call options are refused before sending", async () => {
    const stub = stubFetch(json({}));
    const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch });
    for (const options of [{ timeout: -5 }, { maxRetries: 99 }, { routing: "elsewhere" }]) {
      const { error } = await lib.fetchUserById.safe(client, { path: { user_id: "u" } }, options as never);
      expect(error).toBeInstanceOf(lib.InvalidRequestError);
    }
    expect(stub.seen).toHaveLength(0);
  });

  it("the path-based client is typed from the document, and strictly", () => {
    const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stubFetch(json({})).fetch });
    const call = () => client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id: "u" } }, propelauth: { timeout: 100 } });
    expectTypeOf<Awaited<ReturnType<typeof call>>["data"]>().toEqualTypeOf<Schemas["UserMetadata"] | undefined>();
    // @ts-expect-error an unknown body field is an error (openapi-fetch's own typing lets it through)
    void (() => client.POST("/api/backend/v1/user/", { body: { email: "a@example.com", can_create_orgs: true } }));
    // @ts-expect-error per-request options are typed
    void (() => client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id: "u" } }, propelauth: { timeout: "1s" } }));
    // @ts-expect-error a path the document does not have
    void (() => client.GET("/api/backend/v1/users"));
    // Request fields with a default in the document are optional: only `email` is required here.
    expectTypeOf<{ email: string }>().toMatchTypeOf<Schemas["CreateUserRequest"]>();
  });
});
