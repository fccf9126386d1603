// The API key never leaks: not in an error's message or stack, its enumerable fields,
// JSON.stringify(error), util.inspect(error) (hidden fields and causes included), the `.safe`
// result, the client object, or any log line, for every error kind, including a runtime error
// that itself quotes the key.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/secrets.test.ts
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AUTH_URL, json, stubFetch } from "./lib/helpers.js";
import { builds, thrownBy } from "./support.js";

const KEY = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc";
const path = { user_id: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a" };

/** Every way an object can be printed or serialized, concatenated. */
function renderings(value: unknown): string {
  const parts = [
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    inspect(value, { depth: Number.POSITIVE_INFINITY }),
    JSON.stringify(value) ?? "",
    String(value),
  ];
  if (value instanceof Error) {
    parts.push(
      value.message,
      value.stack ?? "",
      String(value.cause),
      inspect(value.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    );
    for (const [k, v] of Object.entries(value))
      parts.push(k, inspect(v, { depth: Number.POSITIVE_INFINITY, showHidden: true }), JSON.stringify(v) ?? "");
  }
  return parts.join("\n");
}

describe.each(builds)("the API key never leaks (%s build)", (_name, lib) => {
  const lines: string[] = [];
  const logger = { debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  const make = (fetch: ReturnType<typeof stubFetch>["fetch"], timeout?: number) =>
    lib.createClient({ authUrl: AUTH_URL, apiKey: KEY, fetch, logger, backoff: { baseMs: 1, maxMs: 2 }, ...(timeout ? { timeout } : {}) });

  const cases: [string, () => Promise<unknown>][] = [
    ["400", () => lib.fetchUserById.safe(make(stubFetch(json({ user_id: ["bad"] }, 400)).fetch), { path })],
    ["401", () => lib.fetchUserById.safe(make(stubFetch(json({ error: "invalid key" }, 401)).fetch), { path })],
    ["404", () => lib.fetchUserById.safe(make(stubFetch(json({}, 404, { "x-request-id": "r1" })).fetch), { path })],
    ["429", () => lib.fetchUserById.safe(make(stubFetch(json({ wait_seconds: 1 }, 429, { "retry-after": "0" })).fetch), { path })],
    ["500", () => lib.fetchUserById.safe(make(stubFetch(json({}, 500)).fetch), { path })],
    [
      "connection error quoting the key",
      () => lib.fetchUserById.safe(make(stubFetch(new TypeError(`fetch failed: header authorization=Bearer ${KEY}`)).fetch), { path }),
    ],
    [
      "connection error with a cause quoting the key",
      () =>
        lib.fetchUserById.safe(
          make(stubFetch(new TypeError("fetch failed", { cause: new Error(`upstream rejected Bearer ${KEY}`) })).fetch),
          { path },
        ),
    ],
    [
      "timeout",
      () =>
        lib.fetchUserById.safe(
          make(
            stubFetch(
              (seen) => new Promise<Error>((_r, reject) => seen.signal?.addEventListener("abort", () => reject(seen.signal?.reason))),
            ).fetch,
            20,
          ),
          { path },
        ),
    ],
    ["abort", () => lib.fetchUserById.safe(make(stubFetch(json({})).fetch), { path }, { signal: AbortSignal.abort() })],
    ["invalid request", () => lib.fetchUserById.safe(make(stubFetch(json({})).fetch), { path: { user_id: ".." } })],
    ["invalid response", () => lib.fetchUserById.safe(make(stubFetch(new Response("{", { status: 200 })).fetch), { path })],
    ["thrown", () => lib.fetchUserById(make(stubFetch(json({}, 403)).fetch), { path }).catch((e: unknown) => ({ error: e }))],
    [
      "path-based",
      () =>
        make(stubFetch(new TypeError(`boom ${KEY}`)).fetch)
          .GET("/api/backend/v1/user/{user_id}", { params: { path } })
          .catch((e: unknown) => ({ error: e })),
    ],
  ];

  it.each(cases)("%s: not in the error or the result, however printed", async (_label, run) => {
    lines.length = 0;
    const result = (await run()) as { error?: unknown };
    expect(result.error).toBeInstanceOf(lib.PropelAuthError);
    expect(renderings(result.error)).not.toContain(KEY);
    expect(renderings(result)).not.toContain(KEY);
    expect(lines.join("\n")).not.toContain(KEY);
  });

  it("the key was really sent, so the checks above are not vacuous", async () => {
    const stub = stubFetch(json({}, 404));
    const { error } = await lib.fetchUserById.safe(make(stub.fetch), { path });
    expect(stub.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(renderings(error)).toContain("404");
  });

  it("a redacted cause keeps the rest of the runtime's message", async () => {
    const { error } = await lib.fetchUserById.safe(make(stubFetch(new TypeError(`fetch failed: Bearer ${KEY}`)).fetch), { path });
    expect(String((error as Error).cause)).toContain("fetch failed: Bearer [redacted]");
  });

  it("not in the client object, however printed", () => {
    const client = make(stubFetch(json({})).fetch);
    expect(renderings(client)).not.toContain(KEY);
    const small = lib.createOperationClient({ authUrl: AUTH_URL, apiKey: KEY });
    expect(renderings(small)).not.toContain(KEY);
    expect(Object.keys(small)).toEqual([]);
  });

  it("not in option errors, even when the key itself is the bad option", () => {
    for (const options of [
      { authUrl: AUTH_URL, apiKey: `Bearer ${KEY}` },
      { authUrl: AUTH_URL, apiKey: `${KEY}\n` },
      { authUrl: AUTH_URL, apiKey: `${KEY}é` },
      { authUrl: "http://auth.example.com", apiKey: KEY },
      { authUrl: AUTH_URL, apiKey: KEY, timeout: -1 },
    ]) {
      const thrown = thrownBy(() => lib.createClient(options));
      expect(thrown).toBeInstanceOf(lib.InvalidClientOptionError);
      expect(renderings(thrown)).not.toContain(KEY);
    }
  });

  it("not in log lines across retries", async () => {
    lines.length = 0;
    const stub = stubFetch(json({}, 503), new TypeError(`reset ${KEY}`), json({ user_id: path.user_id }));
    await lib.fetchUserById(make(stub.fetch), { path });
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.join("\n")).not.toContain(KEY);
  });

  it("middleware never sees it", async () => {
    const client = make(stubFetch(json({})).fetch);
    const headers: string[] = [];
    client.use({
      onRequest({ request }) {
        headers.push(JSON.stringify(Object.fromEntries(request.headers)));
      },
    });
    await client.GET("/api/backend/v1/user/{user_id}", { params: { path } });
    expect(headers).toHaveLength(1);
    expect(headers[0]).not.toContain(KEY);
  });
});
