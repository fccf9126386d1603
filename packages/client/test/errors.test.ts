// Every error kind, in both call styles: the class by status (400 with its field errors, 401,
// 403, 404, 426, 429 with wait_seconds and Retry-After, 5xx, others), connection, timeout and
// abort, invalid input and invalid responses; status, request id and parsed body on each.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/errors.test.ts
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CallError } from "../src/index.js";
import { startServer } from "./lib/helpers.js";
import { API_KEY, builds, USER_ID, useExampleServer } from "./support.js";

const path = { user_id: USER_ID };

describe.each(builds)("errors (%s build)", (_name, lib) => {
  const { server } = useExampleServer();
  const client = () => lib.createClient({ authUrl: server().url, apiKey: API_KEY, maxRetries: 0 });
  const fail = async (status: number, body?: unknown, headers?: Record<string, string>) => {
    server().respondOnce("fetchUserById", status, body, headers);
    const { data, error, response } = await lib.fetchUserById.safe(client(), { path });
    expect(data).toBeUndefined();
    expect(response?.status).toBe(status);
    return error!;
  };

  it("400 with a field-error map: BadRequestError with fieldErrors, in both styles", async () => {
    const body = { email: ["must be a valid email"], password: ["is too short"] };
    const error = await fail(400, body, { "x-request-id": "req_400" });
    expect(error).toBeInstanceOf(lib.BadRequestError);
    expect(error).toBeInstanceOf(lib.ApiError);
    expect(error).toBeInstanceOf(lib.PropelAuthError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "BadRequestError",
      kind: "bad_request",
      status: 400,
      requestId: "req_400",
      body,
      fieldErrors: body,
    });
    expect(error.message).toContain("GET /api/backend/v1/user/{user_id}: 400");
    expect(error.message).toContain("must be a valid email");
    expect(error.message).toContain("req_400");

    server().respondOnce("fetchUserById", 400, body);
    const thrown = await lib.fetchUserById(client(), { path }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(lib.BadRequestError);
    expect((thrown as InstanceType<typeof lib.BadRequestError>).fieldErrors).toEqual(body);
  });

  it("400 with a coded body (step-up MFA): errorCode, userFacingError and field_errors as lists", async () => {
    const body = { error_code: "invalid_request_fields", user_facing_error: "Invalid code", field_errors: { code: "incorrect_mfa_code" } };
    const error = (await fail(400, body)) as InstanceType<typeof lib.BadRequestError>;
    expect(error).toMatchObject({
      errorCode: "invalid_request_fields",
      userFacingError: "Invalid code",
      fieldErrors: { code: ["incorrect_mfa_code"] },
    });
    expect(error.message).toContain("Invalid code");
  });

  it.each([
    [401, "UnauthorizedError", "unauthorized"],
    [403, "ForbiddenError", "forbidden"],
    [404, "NotFoundError", "not_found"],
    [426, "OrganizationsNotEnabledError", "upgrade_required"],
    [500, "ServerError", "server"],
    [503, "ServerError", "server"],
    [409, "ApiError", "api"],
  ] as const)("%i: %s (kind %s) with status, body and request id", async (status, name, kind) => {
    const error = await fail(status, { error: "nope" }, { "request-id": `req_${status}` });
    expect(error).toBeInstanceOf(lib[name]);
    expect(error).toMatchObject({ name, kind, status, requestId: `req_${status}`, body: { error: "nope" } });
    expect((error as InstanceType<typeof lib.ApiError>).headers.get("request-id")).toBe(`req_${status}`);
  });

  it("426: OrganizationsNotEnabledError, still an UpgradeRequiredError, for every operation that uses organizations", async () => {
    const error = await fail(426, { error: "Organizations are not enabled for this project" });
    expect(error).toBeInstanceOf(lib.OrganizationsNotEnabledError);
    expect(error).toBeInstanceOf(lib.UpgradeRequiredError);
    expect(error).toMatchObject({ kind: "upgrade_required", feature: "organizations", name: "OrganizationsNotEnabledError" });
  });

  it("429: RateLimitError with Retry-After seconds and the body's wait_seconds", async () => {
    const body = { wait_seconds: 2.5, user_facing_error: "Too many requests", error_code: "rate_limited" };
    const error = (await fail(429, body, { "retry-after": "7", "cf-ray": "8f1e-CDG" })) as InstanceType<typeof lib.RateLimitError>;
    expect(error).toBeInstanceOf(lib.RateLimitError);
    expect(error).toMatchObject({ kind: "rate_limit", retryAfter: 7, waitSeconds: 2.5, errorCode: "rate_limited", requestId: "8f1e-CDG" });
    const plain = (await fail(429, "slow down")) as InstanceType<typeof lib.RateLimitError>;
    expect([plain.retryAfter, plain.waitSeconds, plain.body]).toEqual([undefined, undefined, "slow down"]);
  });

  it("empty and non-JSON error bodies: body undefined or the text", async () => {
    expect((await fail(404)).body).toBeUndefined();
    const stub = async () => new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } });
    const withStub = lib.createClient({ authUrl: server().url, apiKey: API_KEY, maxRetries: 0, fetch: stub });
    const { error } = await lib.fetchUserById.safe(withStub, { path });
    expect(error).toMatchObject({ kind: "server", status: 502, body: "<html>Bad gateway</html>" });
  });

  it("a 2xx whose body is not JSON: InvalidResponseError", async () => {
    const stub = async () =>
      new Response("{not json", { status: 200, headers: { "content-type": "application/json", "x-request-id": "r1" } });
    const { error } = await lib.fetchUserById.safe(lib.createClient({ authUrl: server().url, apiKey: API_KEY, fetch: stub }), { path });
    expect(error).toBeInstanceOf(lib.InvalidResponseError);
    expect(error).toMatchObject({ kind: "invalid_response", status: 200, requestId: "r1", body: "{not json" });
  });

  it("no server listening: ConnectionError with the runtime's error as cause, after the retries", async () => {
    const closed = await startServer(() => {});
    await closed.close();
    const c = lib.createClient({ authUrl: closed.url, apiKey: API_KEY, maxRetries: 1, backoff: { baseMs: 1, maxMs: 2 } });
    const { error, response } = await lib.fetchUserById.safe(c, { path });
    expect(response).toBeUndefined();
    expect(error).toBeInstanceOf(lib.ConnectionError);
    expect(error).toMatchObject({ name: "ConnectionError", kind: "connection", method: "GET" });
    expect([error?.status, error?.requestId, error?.body]).toEqual([undefined, undefined, undefined]);
    expect((error as Error).cause).toBeDefined();
    await expect(lib.fetchUserById(c, { path })).rejects.toBeInstanceOf(lib.ConnectionError);
  });

  it("no answer within the timeout: TimeoutError (a ConnectionError)", async () => {
    const silent = await startServer(() => {});
    try {
      const c = lib.createClient({ authUrl: silent.url, apiKey: API_KEY, timeout: 50, maxRetries: 0 });
      const { error } = await lib.fetchUserById.safe(c, { path });
      expect(error).toBeInstanceOf(lib.TimeoutError);
      expect(error).toBeInstanceOf(lib.ConnectionError);
      expect(error).toMatchObject({ name: "TimeoutError", kind: "timeout" });
      expect(error!.message).toContain("50 ms");
    } finally {
      await silent.close();
    }
  });

  it("a real server that hangs: every attempt that times out closes its connection when the call settles", async () => {
    const closed: boolean[] = [];
    const hung = await startServer((req, _res, index) => {
      closed[index] = false;
      req.socket.once("close", () => {
        closed[index] = true;
      });
    });
    try {
      const c = lib.createClient({ authUrl: hung.url, apiKey: API_KEY, timeout: 50, maxRetries: 0 });
      for (let i = 0; i < 2; i++) expect((await lib.fetchUserById.safe(c, { path })).error).toMatchObject({ kind: "timeout" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(closed).toEqual([true, true]);
    } finally {
      await hung.close();
    }
  });

  it("a body that stops halfway: TimeoutError from the same per-attempt clock", async () => {
    const stalled = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"user_id":');
    });
    try {
      const c = lib.createClient({ authUrl: stalled.url, apiKey: API_KEY, timeout: 100, maxRetries: 0 });
      const { error } = await lib.fetchUserById.safe(c, { path });
      expect(error).toMatchObject({ kind: "timeout" });
    } finally {
      await stalled.close();
    }
  });

  it("the caller's AbortSignal: AbortError, before sending or while waiting", async () => {
    // The abort fires once the server holds the request (not after a fixed delay, which a busy
    // machine can outrun before the request is even sent); the server never answers.
    const controller = new AbortController();
    const silent = await startServer(() => controller.abort(new Error("user left")));
    try {
      const c = lib.createClient({ authUrl: silent.url, apiKey: API_KEY });
      const before = await lib.fetchUserById.safe(c, { path }, { signal: AbortSignal.abort() });
      expect(before.error).toBeInstanceOf(lib.AbortError);
      expect(silent.paths).toHaveLength(0);
      const during = await lib.fetchUserById.safe(c, { path }, { signal: controller.signal });
      expect(during.error).toMatchObject({ name: "AbortError", kind: "abort" });
      expect((during.error as Error).cause).toEqual(new Error("user left"));
      expect(silent.paths).toHaveLength(1);
    } finally {
      await silent.close();
    }
  });

  it("bad input before the wire: InvalidRequestError, nothing sent", async () => {
    const before = server().requests.length;
    const { error } = await lib.fetchUserById.safe(client(), { path: { user_id: "" } });
    expect(error).toBeInstanceOf(lib.InvalidRequestError);
    const badOption = await lib.fetchUserById.safe(client(), { path }, { timeout: -1 });
    expect(badOption.error).toMatchObject({ kind: "invalid_request" });
    expect(badOption.error!.message).toContain("timeout");
    expect(server().requests.length).toBe(before);
  });

  it("errors are a union discriminated by kind", () => {
    const handle = (error: CallError) => {
      switch (error.kind) {
        case "bad_request":
          expectTypeOf(error.fieldErrors).toEqualTypeOf<Record<string, string[]>>();
          return error.fieldErrors;
        case "rate_limit":
          expectTypeOf(error.retryAfter).toEqualTypeOf<number | undefined>();
          return error.waitSeconds;
        case "not_found":
          expectTypeOf(error.status).toEqualTypeOf<number>();
          return error.requestId;
        default:
          return error.message;
      }
    };
    expect(handle).toBeTypeOf("function");
  });

  it("the path-based client keeps openapi-fetch's { data, error } and errorFromResponse types it", async () => {
    server().respondOnce("fetchUserById", 404, { error: "no such user" }, { "x-request-id": "r404" });
    const { error, response } = await client().GET("/api/backend/v1/user/{user_id}", { params: { path } });
    expect(error).toEqual({ error: "no such user" });
    const typed = lib.errorFromResponse(response, error, "GET", "/api/backend/v1/user/{user_id}");
    expect(typed).toBeInstanceOf(lib.NotFoundError);
    expect(typed.requestId).toBe("r404");
  });
});
