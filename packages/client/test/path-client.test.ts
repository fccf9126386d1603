// The path-based client keeps openapi-fetch's documented per-request options and middleware, and
// the client's own promises with them: middleware (onRequest, onResponse, onError, global or per
// request) never sees the API key; a per-request `fetch` is called with a real Request, with the
// key, the timeouts and the retries; a per-request `baseUrl` passes the Auth URL's checks; text
// answers are parsed as text without `parseAs`; `error` is typed from the document.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/path-client.test.ts
import { describe, expect, expectTypeOf, it } from "vitest";
import type { JsonValue, Schemas } from "../src/index.js";
import { AUTH_URL, brokenBody, json, type Seen, stubFetch } from "./lib/helpers.js";
import { API_KEY, builds, ORG_ID, USER_ID, useExampleServer } from "./support.js";

const path = { user_id: USER_ID };
const user = { user_id: USER_ID, email: "ada@example.com" };
const fast = { baseMs: 1, maxMs: 2 };

describe.each(builds)("the path-based client (%s build)", (_name, lib) => {
  const { server } = useExampleServer();
  const make = (fetch: ReturnType<typeof stubFetch>["fetch"], options: Partial<Parameters<typeof lib.createClient>[0]> = {}) =>
    lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch, backoff: fast, ...options });

  /** Middleware that records every request it is shown, rendered whole. */
  function spy() {
    const shown: string[] = [];
    const render = (where: string, request: Request) =>
      shown.push(`${where} ${request.url} ${JSON.stringify([...request.headers])} ${JSON.stringify(request)}`);
    return {
      shown,
      middleware: {
        onRequest: ({ request }: { request: Request }) => void render("onRequest", request),
        onResponse: ({ request }: { request: Request }) => void render("onResponse", request),
        onError: ({ request }: { request: Request }) => void render("onError", request),
      },
    };
  }

  it("middleware never sees the key: onRequest and onResponse on an answer, onError on a failure", async () => {
    const stub = stubFetch(json(user), new TypeError("fetch failed"));
    const client = make(stub.fetch, { maxRetries: 0 });
    const { shown, middleware } = spy();
    client.use(middleware);
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path } });
    const failure = await client.GET("/api/backend/v1/user/{user_id}", { params: { path } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(lib.ConnectionError);
    expect(shown.map((line) => line.split(" ")[0])).toEqual(["onRequest", "onResponse", "onRequest", "onError"]);
    for (const line of shown) expect(line).not.toContain(API_KEY);
    // The key did go out, on both requests.
    expect(stub.seen.map((s) => s.headers.authorization)).toEqual([`Bearer ${API_KEY}`, `Bearer ${API_KEY}`]);
  });

  it("per-request middleware runs (without any global middleware) and never sees the key either", async () => {
    const stub = stubFetch(json({}, 503), json(user));
    const client = make(stub.fetch);
    const { shown, middleware } = spy();
    const { data } = await client.GET("/api/backend/v1/user/{user_id}", {
      params: { path },
      middleware: [
        middleware,
        {
          onRequest: ({ request }) => {
            request.headers.set("x-from-middleware", "1");
            return request;
          },
        },
      ],
    });
    expect(data).toEqual(user);
    expect(shown.map((line) => line.split(" ")[0])).toEqual(["onRequest", "onResponse"]);
    for (const line of shown) expect(line).not.toContain(API_KEY);
    // Retried beneath the middleware: two attempts, each with the middleware's header and the key.
    expect(stub.seen.map((s) => [s.headers["x-from-middleware"], s.headers.authorization])).toEqual([
      ["1", `Bearer ${API_KEY}`],
      ["1", `Bearer ${API_KEY}`],
    ]);
  });

  it("a per-request fetch replaces the client's for that request: called with a Request, with the key, retried", async () => {
    const clientStub = stubFetch(json({ user_id: "from the client's fetch" }));
    const client = make(clientStub.fetch);
    const inputs: unknown[] = [];
    const own = stubFetch(json({}, 503), json(user));
    // One argument, as openapi-fetch documents it: the Request carries the key and the signal.
    const fetch = (request: Request) => {
      inputs.push(request);
      return own.fetch(request);
    };
    const { data } = await client.GET("/api/backend/v1/user/{user_id}", { params: { path }, fetch });
    expect(data).toEqual(user);
    expect(inputs).toHaveLength(2);
    for (const input of inputs) expect(input).toBeInstanceOf(Request);
    expect(own.seen.every((s) => s.signal === undefined)).toBe(true); // no init: everything is on the Request
    expect((inputs[0] as Request).signal.aborted).toBe(false);
    expect(own.seen.map((s) => [s.url, s.headers.authorization])).toEqual([
      [`${AUTH_URL}/api/backend/v1/user/${USER_ID}`, `Bearer ${API_KEY}`],
      [`${AUTH_URL}/api/backend/v1/user/${USER_ID}`, `Bearer ${API_KEY}`],
    ]);
    expect(clientStub.seen).toHaveLength(0);
    // The next request without its own fetch uses the client's again.
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path } });
    expect(clientStub.seen).toHaveLength(1);
  });

  it("a per-request baseUrl is checked like the Auth URL: https origins only, and the key goes nowhere else", async () => {
    const stub = stubFetch(json(user));
    const client = make(stub.fetch);
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path }, baseUrl: "https://auth.staging.example.com/" });
    expect(stub.seen.map((s) => s.url)).toEqual([`https://auth.staging.example.com/api/backend/v1/user/${USER_ID}`]);
    for (const baseUrl of ["http://evil.example.com", "ftp://auth.example.com", "https://auth.example.com/prefix", "auth.example.com"]) {
      const failure = await client.GET("/api/backend/v1/user/{user_id}", { params: { path }, baseUrl }).catch((e: unknown) => e);
      expect(failure, baseUrl).toBeInstanceOf(lib.InvalidRequestError);
      expect((failure as Error).message).toContain("baseUrl");
    }
    expect(stub.seen).toHaveLength(1);
    // Plain http on loopback, as for the Auth URL.
    const { data } = await lib
      .createClient({ authUrl: AUTH_URL, apiKey: API_KEY })
      .GET("/api/backend/v1/user/{user_id}", { params: { path }, baseUrl: server().url });
    expect(data?.user_id).toBe(USER_ID);
    expect(server().requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("per-request `propelauth` options are checked as the named operations' are, before anything is sent", async () => {
    const stub = stubFetch(json(user));
    const client = make(stub.fetch);
    const bad = [{ timeout: -1 }, { deadline: 1.5 }, { maxRetries: 11 }, { routing: "direct" }];
    for (const propelauth of bad) {
      const failure = await client
        .GET("/api/backend/v1/user/{user_id}", { params: { path }, propelauth: propelauth as never })
        .catch((e: unknown) => e);
      expect(failure, JSON.stringify(propelauth)).toBeInstanceOf(lib.InvalidRequestError);
      expect((failure as Error).message).toContain(`option \`${Object.keys(propelauth)[0]}\``);
    }
    expect(stub.seen).toHaveLength(0);
    // The answer is the one the transport read, whole: data, status and headers as sent.
    const { data, response } = await client.GET("/api/backend/v1/user/{user_id}", { params: { path } });
    expect([data, response.status, response.headers.get("content-type")]).toEqual([user, 200, "application/json"]);
  });

  it("a text/plain answer (inviteUserToOrg) is parsed as text without parseAs, and typed string", async () => {
    const client = lib.createClient({ authUrl: server().url, apiKey: API_KEY });
    const result = await client.POST("/api/backend/v1/invite_user", {
      body: { email: "grace@example.com", org_id: ORG_ID, role: "Member" },
    });
    expect(result.error).toBeUndefined();
    expect(typeof result.data).toBe("string");
    expect(result.data!.length).toBeGreaterThan(0);
    expectTypeOf(result.data).toEqualTypeOf<string | undefined>();
    expect(server().requests[0]!.operationId).toBe("inviteUserToOrg");
    // A JSON operation is still parsed as JSON, and parseAs still wins when given.
    const { data } = await client.GET("/api/backend/v1/user/{user_id}", { params: { path } });
    expect(data?.user_id).toBe(USER_ID);
    const raw = await client.GET("/api/backend/v1/user/{user_id}", { params: { path }, parseAs: "text" });
    expect(typeof raw.data).toBe("string");
  });

  it("a body that breaks off midway: a typed ConnectionError, retried for GET (not for POST)", async () => {
    const get = stubFetch(brokenBody, json(user));
    const { data } = await make(get.fetch).GET("/api/backend/v1/user/{user_id}", { params: { path } });
    expect(data).toEqual(user);
    expect(get.seen).toHaveLength(2);
    const post = stubFetch(brokenBody, json(user));
    const failure = await make(post.fetch)
      .POST("/api/backend/v1/user/", { body: { email: "grace@example.com" } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(lib.ConnectionError);
    expect(post.seen).toHaveLength(1);
  });

  it("error is typed from the document: the 400 field errors, and any JSON, text or nothing where it is undocumented", async () => {
    const stub = stubFetch(json({ email: ["is taken"] }, 400));
    const { error, response } = await make(stub.fetch).POST("/api/backend/v1/user/", { body: { email: "grace@example.com" } });
    expect([response.status, error]).toEqual([400, { email: ["is taken"] }]);
    expectTypeOf(error).toEqualTypeOf<Schemas["FieldErrors"] | JsonValue | undefined>();
    const read = await make(stubFetch(json({}, 404)).fetch).GET("/api/backend/v1/user/{user_id}", { params: { path } });
    expectTypeOf(read.error).toEqualTypeOf<Schemas["FieldErrors"] | JsonValue | undefined>();
    if (read.error === undefined) expectTypeOf(read.data).toEqualTypeOf<Schemas["UserMetadata"] | undefined>();
  });

  it("the request middleware sees is not the one sent: a later Request is not changed by the transport", async () => {
    const seen: Seen[] = [];
    const stub = stubFetch((s) => {
      seen.push(s);
      return json(user);
    });
    const client = make(stub.fetch);
    const kept: Request[] = [];
    client.use({
      onRequest: ({ request }) => {
        kept.push(request);
      },
    });
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path } });
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path }, propelauth: { routing: "propelauth-api" } });
    for (const request of kept) {
      expect(request.headers.get("authorization")).toBeNull();
      expect(request.headers.get("x-propelauth-url")).toBeNull();
    }
    expect(seen.map((s) => s.headers["x-propelauth-url"])).toEqual([undefined, "auth.example.com"]);
  });
});
