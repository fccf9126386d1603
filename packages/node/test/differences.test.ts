// The deliberate differences from @propelauth/node 2.1.36, each shown with both SDKs side by side
// (the README's "Deliberate differences" list names these tests).
import { spawnSync } from "node:child_process";
import { createSign } from "node:crypto";
import { fileURLToPath } from "node:url";
import * as official from "@propelauth/node";
import { type RunningEmulator, routePropelAuthApiTo, startEmulator } from "@propelauth-openapi/emulator";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import * as dropin from "../dist/index.js";

type Module = typeof official | typeof dropin;
const BOTH: [string, Module][] = [
  ["official", official],
  ["dropin", dropin],
];

let emu: RunningEmulator;
let unroute: () => void;
// biome-ignore lint/suspicious/noExplicitAny: either SDK, called the same way
type Sdk = any;
let setup: Sdk;
const key = () => emu.keys["full-access"].token;

/**
 * The official SDK with its start-up rejection handled: when its verifier-key fetch fails and
 * nothing awaits a validation, Node (and vitest) see an unhandled rejection (first test below).
 */
function theirSdk(options: { authUrl: string; apiKey: string }) {
  const auth = official.initBaseAuth(options);
  auth.validateAccessTokenAndGetUser(undefined).catch(() => undefined);
  return auth;
}

beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
  unroute = routePropelAuthApiTo(emu.url);
  setup = dropin.initBaseAuth({ authUrl: emu.authUrl, apiKey: key() });
});
afterAll(async () => {
  unroute();
  await emu.close();
});

const mint = async (userId: string) => (await setup.createAccessToken({ userId, durationInMinutes: 10 })).access_token as string;
const newUser = async (email: string) => (await setup.createUser({ email, emailConfirmed: true })).userId as string;
const message = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: Error) => `${e.constructor.name}: ${e.message.split("\n")[0]}`,
  );

/** A token signed with the emulator's own key, with the claims given (for what it does not mint). */
function signed(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const body = `${part({ alg: "RS256", typ: "JWT", kid: emu.project.rsa.kid })}.${part(claims)}`;
  return `${body}.${createSign("RSA-SHA256").update(body).sign(emu.project.rsa.privateKeyPem).toString("base64url")}`;
}

describe("deliberate differences from @propelauth/node 2.1.36", () => {
  it("no unhandled rejection when the verifier key cannot be fetched at start-up (the official SDK kills Node)", () => {
    const script = fileURLToPath(new URL("fixtures/startup.mjs", import.meta.url));
    const run = (name: string) =>
      spawnSync(process.execPath, [script, name], { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8" });
    const theirs = run("@propelauth/node");
    expect(theirs.status).toBe(1);
    expect(theirs.stderr).toContain("Auth library not initialized");
    const ours = run(fileURLToPath(new URL("../dist/index.js", import.meta.url)));
    expect(ours.stderr).toBe("");
    expect(ours.stdout.trim()).toBe("still running");
    expect(ours.status).toBe(0);
  });

  it("the key is fetched when needed and fetched again after a failure (the official SDK fails until restarted)", async () => {
    const token = await mint(await newUser("lazy@example.com"));
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const previous = globalThis.fetch;
    let down = true;
    globalThis.fetch = (input, init) => {
      const request = new Request(input, init);
      if (down && request.url.endsWith("/api/v1/token_verification_metadata"))
        return Promise.resolve(new Response("", { status: 503, headers: { "retry-after": "0" } }));
      return previous(request);
    };
    try {
      const results: Record<string, string[]> = {};
      for (const [name, m] of BOTH) {
        down = true;
        const auth = m.initBaseAuth({ authUrl: emu.authUrl, apiKey: key() });
        const first = await message(auth.validateAccessTokenAndGetUser(`Bearer ${token}`));
        const noHeader = await message(auth.validateAccessTokenAndGetUser(undefined));
        down = false;
        results[name] = [first, noHeader, await message(auth.validateAccessTokenAndGetUser(`Bearer ${token}`))];
      }
      expect(results.official).toEqual([
        "UnexpectedException: Auth library not initialized, rejecting request. ",
        "UnexpectedException: Auth library not initialized, rejecting request. ",
        "UnexpectedException: Auth library not initialized, rejecting request. ",
      ]);
      // Ours: 503 while the key is unavailable, but a request without a token is still a 401; then it recovers.
      expect(results.dropin).toEqual([
        "UnexpectedException: Auth library not initialized, rejecting request. ",
        "UnauthorizedException: No authorization header found.",
        "ok",
      ]);
    } finally {
      globalThis.fetch = previous;
      quiet.mockRestore();
    }
  });

  it("a rotated signing key is picked up without a restart (at most one re-fetch a minute)", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const userId = await newUser("rotation@example.com");
    const before = await mint(userId);
    const sdks = BOTH.map(([name, m]) => [name, m.initBaseAuth({ authUrl: emu.authUrl, apiKey: key() })] as const);
    for (const [, auth] of sdks) expect((await auth.validateAccessTokenAndGetUser(`Bearer ${before}`)).userId).toBe(userId);

    const rotated = await fetch(new URL("/__emulator/signing_key/rotate", emu.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(rotated.status).toBe(200);
    const after = await mint(userId);
    const [theirs, ours] = sdks.map(([, auth]) => auth) as [Sdk, Sdk];
    // Within a minute of the last fetch the key is not fetched again: a flood of forged tokens costs nothing.
    expect(await message(ours.validateAccessTokenAndGetUser(`Bearer ${after}`))).toBe(
      "UnauthorizedException: signature verification failed",
    );
    vi.setSystemTime(Date.now() + 61_000);
    expect(await message(theirs.validateAccessTokenAndGetUser(`Bearer ${after}`))).toBe(
      "UnauthorizedException: signature verification failed",
    );
    expect(await message(ours.validateAccessTokenAndGetUser(`Bearer ${after}`))).toBe("ok");
    // Tokens signed with the old key now fail, as they would in PropelAuth.
    expect(await message(ours.validateAccessTokenAndGetUser(`Bearer ${before}`))).toBe(
      "UnauthorizedException: signature verification failed",
    );
  });

  it("an API key id that is not 32 hex digits throws the function's own exception, not a SyntaxError (still synchronously)", () => {
    for (const fn of ["fetchApiKey", "updateApiKey", "deleteApiKey"] as const) {
      const theirs = official.initBaseAuth({ authUrl: emu.authUrl, apiKey: key() });
      const ours = dropin.initBaseAuth({ authUrl: emu.authUrl, apiKey: key() });
      expect(() => (theirs[fn] as (id: string, x?: object) => unknown)("not-a-key-id", {})).toThrow(SyntaxError);
      let thrown: unknown;
      try {
        (ours[fn] as (id: string, x?: object) => unknown)("not-a-key-id", {});
      } catch (error) {
        thrown = error;
      }
      const expected = {
        fetchApiKey: dropin.ApiKeyFetchException,
        updateApiKey: dropin.ApiKeyUpdateException,
        deleteApiKey: dropin.ApiKeyDeleteException,
      }[fn];
      expect(thrown).toBeInstanceOf(expected);
      expect(thrown).toMatchObject({ fieldToErrors: { api_key_id: ["Invalid api key"] } });
    }
  });

  it("a backend key that cannot be valid (empty, with spaces) is answered as a wrong key without a request", async () => {
    const sent: string[] = [];
    const previous = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      sent.push(new Request(input, init).url);
      return previous(input, init);
    };
    try {
      for (const apiKey of ["", "two words"]) {
        const theirs = await message(theirSdk({ authUrl: emu.authUrl, apiKey }).fetchUserMetadataByEmail("a@example.com"));
        sent.length = 0;
        const auth = dropin.initBaseAuth({ authUrl: emu.authUrl, apiKey });
        expect(await message(auth.fetchUserMetadataByEmail("a@example.com"))).toBe(theirs);
        expect(theirs).toBe("Error: integrationApiKey is incorrect");
        expect(sent).toEqual([]);
      }
    } finally {
      globalThis.fetch = previous;
    }
  });

  it("GET, PUT and DELETE calls are retried after a 5xx or a lost connection; a connection failure is the client's ConnectionError", async () => {
    const previous = globalThis.fetch;
    let failures = 0;
    globalThis.fetch = (input, init) => {
      if (failures-- > 0) return Promise.resolve(new Response("", { status: 502, headers: { "retry-after": "0" } }));
      return previous(input, init);
    };
    try {
      const theirs = theirSdk({ authUrl: emu.authUrl, apiKey: key() });
      const ours = dropin.initBaseAuth({ authUrl: emu.authUrl, apiKey: key() });
      await theirs.validateAccessTokenAndGetUser(undefined).catch(() => undefined);
      failures = 1;
      expect(await message(theirs.fetchUserMetadataByEmail("nobody@example.com"))).toBe("Error: Unknown error when fetching user metadata");
      failures = 1;
      expect(await ours.fetchUserMetadataByEmail("nobody@example.com")).toBeNull();
      globalThis.fetch = () => Promise.reject(new TypeError("fetch failed"));
      expect(await message(theirs.createUser({ email: "x@example.com" }))).toBe("TypeError: fetch failed");
      const error = await ours.createUser({ email: "x@example.com" }).catch((e) => e);
      expect(error).toMatchObject({ name: "ConnectionError", kind: "connection" });
    } finally {
      globalThis.fetch = previous;
    }
  });

  it("an empty path parameter is refused before sending (the official SDK requests the parent path)", async () => {
    const theirs = await message(official.initBaseAuth({ authUrl: emu.authUrl, apiKey: key() }).fetchSamlSpMetadata(""));
    expect(theirs).toBe("Error: Unknown error when fetching custom role mappings");
    const error = await dropin
      .initBaseAuth({ authUrl: emu.authUrl, apiKey: key() })
      .fetchSamlSpMetadata("")
      .catch((e) => e);
    expect(error).toMatchObject({ name: "InvalidRequestError", kind: "invalid_request" });
  });

  it("same default on expiry (a token without exp passes), with opt-in requireExpiry and clockToleranceSeconds", async () => {
    const userId = await newUser("claims@example.com");
    const now = Math.floor(Date.now() / 1000);
    const base = { user_id: userId, sub: userId, email: "claims@example.com", iss: emu.authUrl, iat: now };
    const noExp = signed(base);
    const justExpired = signed({ ...base, exp: now - 5 });
    const notYet = signed({ ...base, exp: now + 600, nbf: now + 5 });
    for (const [, m] of BOTH) {
      const auth = m.initBaseAuth({ authUrl: emu.authUrl, apiKey: key() });
      expect(await message(auth.validateAccessTokenAndGetUser(`Bearer ${noExp}`))).toBe("ok");
      expect(await message(auth.validateAccessTokenAndGetUser(`Bearer ${justExpired}`))).toBe(
        'UnauthorizedException: "exp" claim timestamp check failed',
      );
      expect(await message(auth.validateAccessTokenAndGetUser(`Bearer ${notYet}`))).toBe(
        'UnauthorizedException: "nbf" claim timestamp check failed',
      );
    }
    const strict = dropin.initBaseAuth({ authUrl: emu.authUrl, apiKey: key(), requireExpiry: true, clockToleranceSeconds: 10 });
    expect(await message(strict.validateAccessTokenAndGetUser(`Bearer ${noExp}`))).toBe(
      'UnauthorizedException: missing required "exp" claim',
    );
    expect(await message(strict.validateAccessTokenAndGetUser(`Bearer ${justExpired}`))).toBe("ok");
    expect(await message(strict.validateAccessTokenAndGetUser(`Bearer ${notYet}`))).toBe("ok");
  });
});
