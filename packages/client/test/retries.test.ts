// Retries and timeouts in the transport under openapi-fetch: 429, 5xx and connection failures
// are retried for GET, PUT and DELETE only, with exponential backoff and jitter, Retry-After
// honoured, a configurable count, a timeout whose clock restarts per attempt, and the caller's
// AbortSignal respected (also between attempts). Both call styles and the path-based client.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/retries.test.ts
import { describe, expect, it } from "vitest";
import { AUTH_URL, brokenBody, json, type Seen, stubFetch } from "./lib/helpers.js";
import { API_KEY, builds, USER_ID } from "./support.js";

const path = { user_id: USER_ID };
const user = { user_id: USER_ID, email: "ada@example.com" };
const fast = { baseMs: 1, maxMs: 4 };
const status = (code: number, headers: Record<string, string> = {}) => json({ error: code }, code, headers);
/** A reply that never comes: it rejects only when the attempt's signal aborts. */
const hang = (seen: Seen) =>
  new Promise<Error>((_resolve, reject) => {
    seen.signal?.addEventListener("abort", () => reject(seen.signal?.reason));
  });

describe.each(builds)("retries and timeouts (%s build)", (_name, lib) => {
  const make = (fetch: ReturnType<typeof stubFetch>["fetch"], options: Partial<Parameters<typeof lib.createClient>[0]> = {}) =>
    lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch, backoff: fast, ...options });

  it.each([429, 500, 502, 503, 504])("GET: %i then 200 is retried and succeeds", async (code) => {
    const stub = stubFetch(status(code), json(user));
    expect(await lib.fetchUserById(make(stub.fetch), { path })).toEqual(user);
    expect(stub.seen).toHaveLength(2);
  });

  it("GET: a connection failure then 200 is retried", async () => {
    const stub = stubFetch(new TypeError("fetch failed"), json(user));
    expect(await lib.fetchUserById(make(stub.fetch), { path })).toEqual(user);
    expect(stub.seen).toHaveLength(2);
  });

  it("GET: a body that fails midway is retried like a connection failure; POST's is not", async () => {
    const stub = stubFetch(brokenBody, json(user));
    expect(await lib.fetchUserById(make(stub.fetch), { path })).toEqual(user);
    expect(stub.seen).toHaveLength(2);
    const post = stubFetch(brokenBody, json(user));
    const { error } = await lib.createUser.safe(make(post.fetch), { body: { email: "grace@example.com" } });
    expect(error).toBeInstanceOf(lib.ConnectionError);
    expect(post.seen).toHaveLength(1);
  });

  it("PUT and DELETE are retried, resending the same body", async () => {
    const stub = stubFetch(status(503), json({}));
    await lib.updateUserMetadata(make(stub.fetch), { path, body: { first_name: "Ada" } });
    expect(stub.seen.map((s) => [s.method, s.body])).toEqual([
      ["PUT", '{"first_name":"Ada"}'],
      ["PUT", '{"first_name":"Ada"}'],
    ]);
    const del = stubFetch(new TypeError("socket hang up"), json({}));
    await lib.deleteUser(make(del.fetch), { path });
    expect(del.seen.map((s) => s.method)).toEqual(["DELETE", "DELETE"]);
  });

  it("POST and PATCH are never retried: 503, 429 and connection failures end the call", async () => {
    for (const reply of [status(503), status(429, { "retry-after": "0" }), new TypeError("fetch failed")]) {
      const stub = stubFetch(reply, json({ user_id: USER_ID }));
      const { error } = await lib.createUser.safe(make(stub.fetch), { body: { email: "grace@example.com" } });
      expect(error).toBeDefined();
      expect(stub.seen).toHaveLength(1);
    }
    const patch = stubFetch(status(500), json({}));
    await lib.updateApiKey.safe(make(patch.fetch), { path: { api_key_id: "85b90f382257db0ef057982725997fe1" }, body: {} });
    expect(patch.seen).toHaveLength(1);
  });

  it("4xx other than 429 are not retried", async () => {
    for (const code of [400, 401, 403, 404, 409, 426]) {
      const stub = stubFetch(status(code), json(user));
      await lib.fetchUserById.safe(make(stub.fetch), { path });
      expect(stub.seen, String(code)).toHaveLength(1);
    }
  });

  it("default 2 retries, then the last error; the count is configurable per client and per call", async () => {
    const stub = stubFetch(status(503));
    const { error } = await lib.fetchUserById.safe(make(stub.fetch), { path });
    expect(error).toBeInstanceOf(lib.ServerError);
    expect(stub.seen).toHaveLength(3);

    const none = stubFetch(status(503));
    await lib.fetchUserById.safe(make(none.fetch, { maxRetries: 0 }), { path });
    expect(none.seen).toHaveLength(1);

    const four = stubFetch(status(503));
    await lib.fetchUserById.safe(make(four.fetch, { maxRetries: 0 }), { path }, { maxRetries: 4 });
    expect(four.seen).toHaveLength(5);
  });

  it("backoff grows exponentially (base × 2^n, less up to 25% jitter) up to the cap", async () => {
    const times: number[] = [];
    const stub = stubFetch(() => {
      times.push(performance.now());
      return status(503);
    });
    await lib.fetchUserById.safe(make(stub.fetch, { backoff: { baseMs: 40, maxMs: 120 }, maxRetries: 3 }), { path });
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toHaveLength(3);
    // 40, 80, then 160 capped at 120; each less up to a quarter. Timers run late on a busy machine,
    // so only the lower bounds are checked here (a first gap 35 ms late once outgrew the second);
    // the exact pauses are pauseBefore()'s, in test/retry-policy.test.ts.
    expect(gaps[0]).toBeGreaterThanOrEqual(29);
    expect(gaps[1]).toBeGreaterThanOrEqual(59);
    expect(gaps[2]).toBeGreaterThanOrEqual(89);
  });

  it("Retry-After (seconds or HTTP date) replaces the backoff; one over 60 s ends the retries", async () => {
    const slowBackoff = { backoff: { baseMs: 30_000, maxMs: 30_000 } };
    const seconds = stubFetch(status(429, { "retry-after": "0.15" }), json(user));
    const start = performance.now();
    expect(await lib.fetchUserById(make(seconds.fetch, slowBackoff), { path })).toEqual(user);
    const waited = performance.now() - start;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(5000);

    const date = stubFetch(status(503, { "retry-after": new Date(Date.now() + 1000).toUTCString() }), json(user));
    expect(await lib.fetchUserById(make(date.fetch, slowBackoff), { path })).toEqual(user);
    expect(date.seen).toHaveLength(2);

    const tooLong = stubFetch(status(429, { "retry-after": "120" }), json(user));
    const { error } = await lib.fetchUserById.safe(make(tooLong.fetch), { path });
    expect(error).toMatchObject({ kind: "rate_limit", retryAfter: 120 });
    expect(tooLong.seen).toHaveLength(1);
  });

  it("the timeout clock starts per attempt: a hung attempt times out and the next one succeeds", async () => {
    const stub = stubFetch(hang, async () => {
      await new Promise((r) => setTimeout(r, 80));
      return json(user);
    });
    const start = performance.now();
    expect(await lib.fetchUserById(make(stub.fetch, { timeout: 100 }), { path })).toEqual(user);
    // One full timeout plus a second attempt longer than what would be left of a single deadline.
    expect(performance.now() - start).toBeGreaterThanOrEqual(170);
    expect(stub.seen).toHaveLength(2);
    expect(stub.seen[0]!.signal).not.toBe(stub.seen[1]!.signal);
  });

  it("every attempt timing out ends in TimeoutError; a per-call timeout overrides the client's", async () => {
    const stub = stubFetch(hang);
    const { error } = await lib.fetchUserById.safe(make(stub.fetch, { timeout: 30, maxRetries: 1 }), { path });
    expect(error).toBeInstanceOf(lib.TimeoutError);
    expect(stub.seen).toHaveLength(2);
    const perCall = stubFetch(hang);
    const start = performance.now();
    const result = await lib.fetchUserById.safe(make(perCall.fetch, { timeout: 60_000, maxRetries: 0 }), { path }, { timeout: 20 });
    expect(result.error).toMatchObject({ kind: "timeout" });
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it("the caller's signal aborts the wait between attempts; no further attempt is made", async () => {
    const stub = stubFetch(status(503));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const start = performance.now();
    const { error } = await lib.fetchUserById.safe(
      make(stub.fetch, { backoff: { baseMs: 10_000, maxMs: 10_000 } }),
      { path },
      { signal: controller.signal },
    );
    expect(error).toBeInstanceOf(lib.AbortError);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(stub.seen).toHaveLength(1);
  });

  it("the path-based client gets the same retries and timeouts; per-request options via `propelauth`", async () => {
    const stub = stubFetch(status(503), json(user));
    const client = make(stub.fetch);
    const { data } = await client.GET("/api/backend/v1/user/{user_id}", { params: { path } });
    expect(data).toEqual(user);
    expect(stub.seen).toHaveLength(2);

    const post = stubFetch(status(503));
    const { response } = await make(post.fetch).POST("/api/backend/v1/user/", { body: { email: "grace@example.com" } });
    expect([response.status, post.seen.length]).toEqual([503, 1]);

    const once = stubFetch(status(503));
    await make(once.fetch).GET("/api/backend/v1/user/{user_id}", { params: { path }, propelauth: { maxRetries: 0 } });
    expect(once.seen).toHaveLength(1);

    const hung = stubFetch(hang);
    const failure = await make(hung.fetch, { maxRetries: 0 })
      .GET("/api/backend/v1/user/{user_id}", { params: { path }, propelauth: { timeout: 20 } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(lib.TimeoutError);
  });

  it("each attempt gets its own signal, aborted when the attempt times out; a retry gets a fresh one", async () => {
    const stub = stubFetch(hang, json(user));
    const client = make(stub.fetch, { timeout: 30 });
    expect(await lib.fetchUserById(client, { path })).toEqual(user);
    const [first, second] = stub.seen.map((s) => s.signal);
    expect([first?.aborted, second?.aborted]).toEqual([true, false]);
    expect(first).not.toBe(second);
  });

  it("a signal is aborted only to end the attempt it came with; one that ended unaborted serves later attempts, an aborted one never", async () => {
    const stub = stubFetch(json(user), json(user), json(user), hang, json(user), json(user));
    const client = make(stub.fetch, { timeout: 30 });
    for (let i = 0; i < 3; i++) expect(await lib.fetchUserById(client, { path })).toEqual(user);
    const signals = () => stub.seen.map((s) => s.signal);
    expect(signals().map((s) => s?.aborted)).toEqual([false, false, false]);
    // Reused: a controller serves up to 33 attempts, so two of the first three calls share one.
    expect(signals()[0] === signals()[1] || signals()[1] === signals()[2]).toBe(true);
    // The fourth attempt times out: its signal is aborted and never handed out again.
    for (let i = 0; i < 2; i++) expect(await lib.fetchUserById(client, { path })).toEqual(user);
    const [timedOut, ...later] = signals().slice(3);
    expect([timedOut?.aborted, ...later.map((s) => s?.aborted)]).toEqual([true, false, false]);
    expect(later).not.toContain(timedOut);
  });

  it("the caller's signal aborts the attempt's request (path-based and named), not just the wait for it", async () => {
    const stub = stubFetch(hang);
    const client = make(stub.fetch, { maxRetries: 0 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user left")), 10);
    const { error } = await lib.fetchUserById.safe(client, { path }, { signal: controller.signal });
    expect(error).toBeInstanceOf(lib.AbortError);
    expect(stub.seen[0]!.signal?.aborted).toBe(true);
    const other = new AbortController();
    setTimeout(() => other.abort(), 10);
    const failure = await client.GET("/api/backend/v1/user/{user_id}", { params: { path }, signal: other.signal }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(lib.AbortError);
    expect(stub.seen[1]!.signal?.aborted).toBe(true);
  });

  it("an answer that comes after its attempt timed out is discarded: its body is cancelled, freeing the connection", async () => {
    let cancelled = false;
    const late = () =>
      new Promise<Response>((resolve) =>
        setTimeout(
          () =>
            resolve(
              new Response(
                new ReadableStream({
                  cancel: () => {
                    cancelled = true;
                  },
                }),
              ),
            ),
          60,
        ),
      );
    const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: late, timeout: 20, maxRetries: 0 });
    const { error } = await lib.fetchUserById.safe(client, { path });
    expect(error).toBeInstanceOf(lib.TimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cancelled).toBe(true);
  });

  it("a body that never ends times out on the attempt's clock, with or without a signal to abort", async () => {
    const endless = () =>
      Promise.resolve(new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"user_id":')) })));
    const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: endless, timeout: 30, maxRetries: 0 });
    for (let i = 0; i < 2; i++) {
      const start = performance.now();
      expect((await lib.fetchUserById.safe(client, { path })).error).toMatchObject({ kind: "timeout" });
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });

  it("with middleware registered, requests are real Requests: retried with their body, middleware runs once and never sees the key", async () => {
    const stub = stubFetch(status(503), json({}));
    const client = make(stub.fetch);
    const seenByMiddleware: (string | null)[] = [];
    client.use({
      onRequest({ request }) {
        seenByMiddleware.push(request.headers.get("authorization"));
        request.headers.set("x-from-middleware", "1");
        return request;
      },
    });
    const { response } = await client.PUT("/api/backend/v1/user/{user_id}", { params: { path }, body: { first_name: "Ada" } });
    expect(response.status).toBe(200);
    expect(seenByMiddleware).toEqual([null]);
    expect(stub.seen.map((s) => [s.body, s.headers["x-from-middleware"], s.headers.authorization])).toEqual([
      ['{"first_name":"Ada"}', "1", `Bearer ${API_KEY}`],
      ['{"first_name":"Ada"}', "1", `Bearer ${API_KEY}`],
    ]);
  });

  it("logs each attempt (debug) and each retry (warn)", async () => {
    const lines: string[] = [];
    const logger = { debug: (m: string) => lines.push(`debug ${m}`), warn: (m: string) => lines.push(`warn ${m}`) };
    const stub = stubFetch(status(503), json(user));
    await lib.fetchUserById(make(stub.fetch, { logger }), { path });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^debug propelauth GET /api/backend/v1/user/${USER_ID}: 503, \\d+ ms, attempt 1$`));
    expect(lines[1]).toMatch(/^warn propelauth GET .*: 503, retry 1 of 2 in \d+ ms$/);
    expect(lines[2]).toMatch(/: 200, \d+ ms, attempt 2$/);
  });
});
