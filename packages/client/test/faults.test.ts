// What the client promises under faults: a DELETE whose answer was lost is reported truthfully;
// every timer, listener and connection of a call is released when it settles (an abort during a
// Retry-After pause included); a call never outlives its deadline, and the defaults fail a hung
// call in 25 s.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/faults.test.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Emulator, startEmulator } from "./lib/emulator.js";
import { AUTH_URL, json, type Seen, stubFetch } from "./lib/helpers.js";
import { packageDir, runAsync, tempDir } from "./lib/pack.js";
import { API_KEY, builds, doc, USER_ID } from "./support.js";

const path = { user_id: USER_ID };
const user = { user_id: USER_ID, email: "ada@example.com" };
const fast = { baseMs: 1, maxMs: 2 };
/** Blocks the event loop for `ms`, as a loaded machine does. */
const busy = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};
const hang = (seen: Seen) =>
  new Promise<Error>((_resolve, reject) => {
    seen.signal?.addEventListener("abort", () => reject(seen.signal?.reason));
  });

describe.each(builds)("faults (%s build)", (_name, lib) => {
  describe("a DELETE whose first answer was lost, against the emulator", () => {
    let emu: Emulator;
    beforeAll(async () => {
      emu = await startEmulator();
    });
    afterAll(() => emu.close());

    /** A fetch that lets the first request reach the emulator, then loses its answer, as a dropped connection does. */
    const losesFirstAnswer = () => {
      let calls = 0;
      return async (input: string | Request, init?: RequestInit) => {
        const response = await fetch(input, init);
        if (calls++ > 0) return response;
        await response.text();
        throw new TypeError("terminated");
      };
    };
    const newUser = async () => {
      const client = lib.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"] });
      const created = await lib.createUser(client, { body: { email: `lost.${Math.random()}@example.com` } });
      return created.user_id;
    };

    it("named: the retry's 404 is a MaybeDeletedError that says the first attempt may have deleted it; the user is gone", async () => {
      const user_id = await newUser();
      const client = lib.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"], fetch: losesFirstAnswer(), backoff: fast });
      const error = await lib.deleteUser(client, { path: { user_id } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(lib.MaybeDeletedError);
      expect(error).not.toBeInstanceOf(lib.NotFoundError);
      expect(error).toMatchObject({ kind: "maybe_deleted", name: "MaybeDeletedError", status: 404, method: "DELETE" });
      expect((error as Error).message).toContain("may have deleted it");
      const plain = lib.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"] });
      expect((await lib.fetchUserById.safe(plain, { path: { user_id } })).error?.kind).toBe("not_found");
    });

    it("path-based: errorFromResponse turns the retry's 404 into the same MaybeDeletedError", async () => {
      const user_id = await newUser();
      const client = lib.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"], fetch: losesFirstAnswer(), backoff: fast });
      const { error, response } = await client.DELETE("/api/backend/v1/user/{user_id}", { params: { path: { user_id } } });
      expect(response.status).toBe(404);
      const typed = lib.errorFromResponse(response, error, "DELETE", "/api/backend/v1/user/{user_id}");
      expect(typed).toBeInstanceOf(lib.MaybeDeletedError);
    });

    it("a 404 without an earlier lost answer is a plain NotFoundError, and so is a GET's after one", async () => {
      const client = lib.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"], backoff: fast });
      const missing = "00000000-0000-4000-8000-000000000000";
      expect((await lib.deleteUser.safe(client, { path: { user_id: missing } })).error?.kind).toBe("not_found");
      const lossy = lib.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"], fetch: losesFirstAnswer(), backoff: fast });
      expect((await lib.fetchUserById.safe(lossy, { path: { user_id: missing } })).error?.kind).toBe("not_found");
    });
  });

  it("a 503 before the 404 counts as maybe done too (the server may have deleted it before failing)", async () => {
    const stub = stubFetch(json({}, 503), json({}, 404));
    const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch, backoff: fast });
    expect((await lib.deleteUser.safe(client, { path })).error?.kind).toBe("maybe_deleted");
    const limited = stubFetch(json({}, 429, { "retry-after": "0" }), json({}, 404));
    const after429 = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: limited.fetch, backoff: fast });
    expect((await lib.deleteUser.safe(after429, { path })).error?.kind).toBe("not_found");
  });

  describe("nothing outlives the call", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("an abort during a Retry-After pause clears the pause's timer and the signal's listener", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
      const stub = stubFetch(json({}, 429, { "retry-after": "20" }), json(user));
      const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch });
      const controller = new AbortController();
      const listeners: string[] = [];
      const add = controller.signal.addEventListener.bind(controller.signal);
      const remove = controller.signal.removeEventListener.bind(controller.signal);
      controller.signal.addEventListener = ((type: string, fn: EventListener) => {
        listeners.push(`+${type}`);
        add(type, fn);
      }) as typeof add;
      controller.signal.removeEventListener = ((type: string, fn: EventListener) => {
        listeners.push(`-${type}`);
        remove(type, fn);
      }) as typeof remove;
      const call = lib.fetchUserById.safe(client, { path }, { signal: controller.signal });
      await vi.advanceTimersByTimeAsync(50);
      expect(vi.getTimerCount()).toBe(1); // the pause
      controller.abort();
      expect((await call).error?.kind).toBe("abort");
      expect(vi.getTimerCount()).toBe(0);
      expect(listeners).toEqual(["+abort", "-abort"]);
      expect(stub.seen).toHaveLength(1);
    });

    it("no timer is left after a call that succeeds, fails, times out or is retried", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
      const client = (fetch: ReturnType<typeof stubFetch>["fetch"]) =>
        lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch, backoff: fast, timeout: 30 });
      const settle = async <T>(call: Promise<T>) => {
        await vi.advanceTimersByTimeAsync(1_000);
        return call;
      };
      await settle(lib.fetchUserById.safe(client(stubFetch(json(user)).fetch), { path }));
      expect(vi.getTimerCount()).toBe(0);
      await settle(lib.fetchUserById.safe(client(stubFetch(json({}, 404)).fetch), { path }));
      await settle(lib.fetchUserById.safe(client(stubFetch(json({}, 503), json(user)).fetch), { path }));
      expect((await settle(lib.fetchUserById.safe(client(stubFetch(hang).fetch), { path }))).error?.kind).toBe("timeout");
      await settle(client(stubFetch(json(user)).fetch).GET("/api/backend/v1/user/{user_id}", { params: { path } }));
      expect(vi.getTimerCount()).toBe(0);
    });

    it("a Node process exits as soon as its call settles, after an abort during a 20 s Retry-After pause", async () => {
      const dir = tempDir("exit");
      const script = join(dir, "abort-during-pause.mjs");
      writeFileSync(
        script,
        `import { createClient, fetchUserById } from ${JSON.stringify(join(packageDir, "dist/index.js"))};
const fetch = async () => new Response("{}", { status: 429, headers: { "retry-after": "20" } });
const client = createClient({ authUrl: "https://auth.example.com", apiKey: "k", fetch });
const { error } = await fetchUserById.safe(client, { path: { user_id: "u" } }, { signal: AbortSignal.timeout(100) });
console.log(error.kind);`,
      );
      const started = Date.now();
      const result = await runAsync(process.execPath, [script], { timeout: 30_000 });
      expect([result.stdout.trim(), result.status]).toEqual(["abort", 0]);
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  describe("deadlines", () => {
    it("a deadline ends the whole call, across attempts, with a TimeoutError that says so", async () => {
      const stub = stubFetch(hang);
      // Without the deadline: 6 attempts of 150 ms. With it: 150, 150 cut to what is left of 250.
      const options = { backoff: fast, timeout: 150, maxRetries: 5, deadline: 250 };
      const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch, ...options });
      const started = performance.now();
      const { error } = await lib.fetchUserById.safe(client, { path });
      const took = performance.now() - started;
      expect(error).toBeInstanceOf(lib.TimeoutError);
      expect(error!.message).toContain("deadline");
      expect(took).toBeGreaterThanOrEqual(240);
      expect(took).toBeLessThan(700);
      expect(stub.seen.length).toBeGreaterThanOrEqual(2);
      expect(stub.seen.length).toBeLessThanOrEqual(3);
      expect(stub.seen.every((s) => s.signal?.aborted)).toBe(true);
    });

    it("under load, an attempt whose timer fires past the deadline still ends the call as the deadline's", async () => {
      // A busy event loop (a loaded machine) holds the first attempt's 150 ms timer until after the
      // 250 ms deadline: no time is left for a retry, so the deadline is what ended the call.
      const stub = stubFetch((seen, index) => {
        if (index === 0) setTimeout(() => busy(300), 100);
        return hang(seen);
      });
      const options = { backoff: fast, timeout: 150, maxRetries: 5, deadline: 250 };
      const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch, ...options });
      const { error } = await lib.fetchUserById.safe(client, { path });
      expect(error).toBeInstanceOf(lib.TimeoutError);
      expect(error!.message).toContain("deadline");
      expect(stub.seen).toHaveLength(1);
    });

    it("an attempt that used its whole timeout, when the pause would not fit before the deadline, says so", async () => {
      // 150 ms, then a 200 ms pause that would end after the 250 ms deadline: no retry.
      const stub = stubFetch(hang);
      const options = { backoff: { baseMs: 200, maxMs: 200 }, timeout: 150, maxRetries: 5, deadline: 250 };
      const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch, ...options });
      const { error } = await lib.fetchUserById.safe(client, { path });
      expect(error).toBeInstanceOf(lib.TimeoutError);
      expect(error!.message).toContain("deadline");
      expect(stub.seen).toHaveLength(1);
    });

    it("a Retry-After longer than what is left of the deadline ends the retries at once", async () => {
      const stub = stubFetch(json({}, 429, { "retry-after": "5" }), json(user));
      const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch, deadline: 1_000 });
      const started = performance.now();
      const { error } = await lib.fetchUserById.safe(client, { path });
      expect(error).toMatchObject({ kind: "rate_limit", retryAfter: 5 });
      expect(performance.now() - started).toBeLessThan(900);
      expect(stub.seen).toHaveLength(1);
    });

    it("per call: deadline overrides the client's, 0 turns it off; bad values are refused", async () => {
      const stub = stubFetch(hang);
      const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch, timeout: 0, deadline: 60_000 });
      const { error } = await lib.fetchUserById.safe(client, { path }, { deadline: 50 });
      expect(error?.kind).toBe("timeout");
      const path2 = await client
        .GET("/api/backend/v1/user/{user_id}", { params: { path }, propelauth: { deadline: 50 } })
        .catch((e: unknown) => e);
      expect(path2).toBeInstanceOf(lib.TimeoutError);
      expect((await lib.fetchUserById.safe(client, { path }, { deadline: -1 })).error?.kind).toBe("invalid_request");
      expect(() => lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, deadline: 1.5 })).toThrow(/deadline/);
    });

    it("with the defaults, a GET that hangs fails after 25 s (3 attempts of up to 10 s, pauses of 0.5 s and 1 s less jitter), not later", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
      try {
        const started = Date.now();
        const sent: number[] = [];
        const stub = stubFetch((seen) => {
          sent.push(Date.now() - started);
          return hang(seen);
        });
        const client = lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch: stub.fetch });
        let settled: unknown;
        void lib.fetchUserById.safe(client, { path }).then((result) => {
          settled = result.error;
        });
        await vi.advanceTimersByTimeAsync(24_900);
        expect(settled).toBeUndefined();
        await vi.advanceTimersByTimeAsync(100);
        expect(settled).toBeInstanceOf(lib.TimeoutError);
        expect(stub.seen).toHaveLength(3);
        // Attempt 2 after 10 s + 375-500 ms; attempt 3 after another 10 s + 750-1000 ms.
        expect(sent[1]! - 10_000).toBeGreaterThanOrEqual(375);
        expect(sent[1]! - 10_000).toBeLessThanOrEqual(500);
        expect(sent[2]! - sent[1]! - 10_000).toBeGreaterThanOrEqual(750);
        expect(sent[2]! - sent[1]! - 10_000).toBeLessThanOrEqual(1_000);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it("documentVersion is the info.version of the document the client was generated from", () => {
    expect(lib.documentVersion).toBe(doc.info.version);
    expect(typeof lib.documentVersion).toBe("string");
  });
});
