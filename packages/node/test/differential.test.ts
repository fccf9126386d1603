// The drop-in against the official @propelauth/node 2.1.36: the same scenario through both, each
// on its own fresh emulator, every step's answer or exception compared (ids normalised by order
// of appearance). See lib/scenario.ts for the steps.
import * as official from "@propelauth/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as dropin from "../dist/index.js";
import { Normaliser, outcome } from "./lib/outcome.js";
import {
  API_KEY_STEPS,
  CLEANUP_STEPS,
  MFA_AND_MORE_STEPS,
  ORG_STEPS,
  type Sdk,
  type Step,
  TOKEN_STEPS,
  USER_STEPS,
  validationSteps,
} from "./lib/scenario.js";
import { onSide, type Side, startSides, stopSides } from "./lib/sides.js";

type Module = typeof official | typeof dropin;
const MODULES: Record<Side["name"], Module> = { official, dropin };

describe("@propelauth-openapi/node answers as @propelauth/node 2.1.36 does", () => {
  let sides: [Side, Side];
  const sdks = new Map<Side, Sdk>();
  const norms = new Map<Side, Normaliser>();
  const called = new Set<string>();
  const T0 = Date.UTC(2026, 11, 6, 12, 0, 0);

  beforeAll(async () => {
    sides = await startSides();
    // One frozen clock for both SDKs and both emulators: timestamps match, and expiry can be reached.
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    for (const side of sides) {
      norms.set(side, new Normaliser());
      const sdk = await onSide(side, async () => {
        const auth: Sdk = MODULES[side.name].initBaseAuth({ authUrl: side.emu.authUrl, apiKey: side.emu.keys["full-access"].token });
        // Lets the official SDK's start-up fetch of the verifier key finish while routed here.
        await auth.validateAccessTokenAndGetUser(undefined).catch(() => undefined);
        return auth;
      });
      // Records which functions the scenario calls, on the official side.
      sdks.set(
        side,
        side.name === "official"
          ? new Proxy(sdk, {
              get: (target, key) => {
                called.add(String(key));
                return target[key];
              },
            })
          : sdk,
      );
    }
  });
  afterAll(async () => {
    vi.useRealTimers();
    await stopSides(sides);
  });

  async function compare(steps: Step[]) {
    for (const [name, run] of steps) {
      const results = [];
      for (const side of sides) {
        const norm = norms.get(side) as Normaliser;
        results.push(await onSide(side, () => outcome(norm, () => run(sdks.get(side), side.ctx, side))));
      }
      expect.soft(results[1], name).toEqual(results[0]);
      if (process.env.DIFF_LOG) console.log(name, JSON.stringify(results[0]).slice(0, 160));
    }
  }

  it("users", () => compare(USER_STEPS));
  it("organizations and enterprise SSO", () => compare(ORG_STEPS));
  it("end-user API keys", () => compare(API_KEY_STEPS));
  it("step-up MFA, employees, reports", () => compare(MFA_AND_MORE_STEPS));
  it("access tokens: every header form, token outcome, org, role and permission check", async () => {
    await compare(TOKEN_STEPS);
    await compare(validationSteps());
    await compare(CLEANUP_STEPS);
  });

  it("an expired token, and one not yet valid", async () => {
    vi.setSystemTime(T0 + 11 * 60_000);
    await compare([["expired", (s, c) => s.validateAccessTokenAndGetUser(`Bearer ${c.tokAda}`)]]);
    vi.setSystemTime(T0 - 60_000);
    // iat in the future is no check of jose's (nor of the verifier's): accepted by both.
    await compare([["issued in the future", (s, c) => s.validateAccessTokenAndGetUser(`Bearer ${c.tokAda}`)]]);
    vi.setSystemTime(T0);
  });

  // Each of these makes a new initBaseAuth on both sides, as an app would with other options.
  const initSteps: [string, (m: Module, side: Side) => Promise<unknown>][] = [
    [
      "wrong backend API key",
      async (m, side) => {
        const auth = m.initBaseAuth({ authUrl: side.emu.authUrl, apiKey: "0".repeat(48) });
        return auth.validateAccessTokenAndGetUser(`Bearer ${side.ctx.tokAda}`);
      },
    ],
    [
      "wrong backend API key, API call",
      async (m, side) => {
        const auth = m.initBaseAuth({ authUrl: side.emu.authUrl, apiKey: "0".repeat(48) });
        const validation = auth.validateAccessTokenAndGetUser(`Bearer ${side.ctx.tokAda}`).catch((e: Error) => e.message);
        return [await auth.fetchUserMetadataByEmail("ada@example.com").catch((e: Error) => e.message), await validation];
      },
    ],
    [
      "Validation Only key",
      async (m, side) => {
        const auth = m.initBaseAuth({ authUrl: side.emu.authUrl, apiKey: side.emu.keys["validation-only"].token });
        return auth.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${side.ctx.tokAda}`, { orgId: side.ctx.acme });
      },
    ],
    [
      "Validation Only key, API call",
      async (m, side) => {
        const auth = m.initBaseAuth({ authUrl: side.emu.authUrl, apiKey: side.emu.keys["validation-only"].token });
        return auth.fetchUserMetadataByEmail("ada@example.com");
      },
    ],
    [
      "wrong issuer (manual metadata)",
      async (m, side) => {
        const verifierKey = await pemOf(side);
        const auth = m.initBaseAuth({
          authUrl: side.emu.authUrl,
          apiKey: side.emu.keys["full-access"].token,
          manualTokenVerificationMetadata: { verifierKey, issuer: "https://auth.other.example" },
        });
        return auth.validateAccessTokenAndGetUser(`Bearer ${side.ctx.tokAda}`);
      },
    ],
    [
      "manual metadata",
      async (m, side) => {
        const verifierKey = await pemOf(side);
        const auth = m.initBaseAuth({
          authUrl: side.emu.authUrl,
          apiKey: side.emu.keys["full-access"].token,
          manualTokenVerificationMetadata: { verifierKey, issuer: side.emu.authUrl },
        });
        return auth.validateAccessTokenAndGetUser(`Bearer ${side.ctx.tokBob}`);
      },
    ],
    [
      "manual metadata with a key that is not a PEM",
      async (m, side) => {
        const auth = m.initBaseAuth({
          authUrl: side.emu.authUrl,
          apiKey: side.emu.keys["full-access"].token,
          manualTokenVerificationMetadata: { verifierKey: "not a key", issuer: side.emu.authUrl },
        });
        return auth.validateAccessTokenAndGetUser(`Bearer ${side.ctx.tokBob}`);
      },
    ],
    ["invalid Auth URL (throws synchronously)", async (m) => m.initBaseAuth({ authUrl: "not a url", apiKey: "k" })],
  ];
  it("other options: wrong key, Validation Only key, manual metadata, wrong issuer, bad Auth URL", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      for (const [name, run] of initSteps) {
        const results = [];
        for (const side of sides) {
          const norm = norms.get(side) as Normaliser;
          results.push(await onSide(side, () => outcome(norm, () => run(MODULES[side.name], side))));
        }
        expect.soft(results[1], name).toEqual(results[0]);
      }
    } finally {
      quiet.mockRestore();
    }
  });

  it("the scenario called every function of initBaseAuth, and the drop-in has the same ones in the same order", async () => {
    const officialKeys = Object.keys(sdks.get(sides[0]));
    expect(Object.keys(sdks.get(sides[1]))).toEqual(officialKeys);
    expect(officialKeys).toHaveLength(86);
    expect(officialKeys.filter((k) => !called.has(k))).toEqual([]);
  });

  it("the same exports: classes by name, enums by value, functions", () => {
    const shape = (m: Record<string, unknown>) =>
      Object.fromEntries(
        Object.keys(m)
          .filter((k) => k !== "default" && k !== "__esModule")
          .sort()
          .map((k) => [k, typeof m[k] === "function" ? `function ${(m[k] as { name: string }).name.replace(/^_/, "")}` : m[k]]),
      );
    expect(shape(dropin)).toEqual(shape(official));
  });
});

async function pemOf(side: Side): Promise<string> {
  const response = await fetch(new URL("/api/v1/token_verification_metadata", side.emu.url), {
    headers: { authorization: `Bearer ${side.emu.keys["full-access"].token}` },
  });
  return (await response.json()).verifier_key_pem;
}
