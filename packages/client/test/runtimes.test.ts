// The built client on every runtime it claims, each making real calls against the emulator
// (test/smoke/calls.mjs): Node 20 (the Node running vitest), Node 22 and 24, Bun and Deno with
// the ESM and the CJS build, and Cloudflare's workerd with the ESM build inside a worker (no
// nodejs_compat; scripts/workerd.ts). On each, the token verifier too (test/smoke/verify-calls.mjs). The
// other runtimes come from npm through scripts/runtimes.ts, installed into .tmp/runtimes on first
// use for whatever platform this is.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/runtimes.test.ts
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimePath } from "../../../scripts/runtimes.js";
import { askWorker } from "../../../scripts/workerd.js";
import { type Emulator, startEmulator } from "./lib/emulator.js";
import { packageDir, runAsync, tempDir } from "./lib/pack.js";
import { doc } from "./support.js";

const SMOKE = join(packageDir, "test/smoke/smoke.mjs");

/** What every runtime must answer, whatever the build. */
const expected = (runtime: RegExp, format: string) => ({
  runtime: expect.stringMatching(runtime),
  format,
  documentVersion: doc.info.version,
  email: true,
  pathBased: true,
  retried: "Ada",
  notFound: ["not_found", 404],
  refused: true,
  encodedStatus: 404,
  paged: [1, true],
  routed: true,
  aborted: "abort",
  deadline: "timeout",
  // The verifier: fetched key, manual key, a tampered signature refused.
  verified: [true, true, "TokenVerificationError bad_signature 401"],
});

const commandLine = [
  ["node 20 (vitest's)", () => [process.execPath], /^node v20\./],
  ["node 22", () => [runtimePath("node22")], /^node v22\./],
  ["node 24", () => [runtimePath("node24")], /^node v24\./],
  ["bun", () => [runtimePath("bun")], /^bun 1\./],
  ["deno", () => [runtimePath("deno"), "run", "--allow-net", "--allow-read", "--allow-env", "--no-config"], /^deno 2\./],
] as const;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu?.close());

describe.each(commandLine)("on %s", (_name, command, version) => {
  it.each(["esm", "cjs"])(
    "%s build: real calls against the emulator",
    async (format) => {
      const [binary, ...flags] = command() as unknown as [string, ...string[]];
      const result = await runAsync(binary, [...flags, SMOKE, emu.url, emu.keys["full-access"], format], {
        cwd: packageDir,
        timeout: 120_000,
      });
      expect(result.stderr.replace(/^.*ExperimentalWarning.*\n?/gm, "")).toBe("");
      expect(result.status).toBe(0);
      const out = JSON.parse(result.stdout.trim().split("\n").at(-1)!);
      console.log(JSON.stringify(out));
      expect(out).toEqual(expected(version, format));
    },
    300_000,
  );
});

describe("on workerd (Cloudflare Workers' runtime)", () => {
  it("esm build inside a worker: real calls against the emulator", async () => {
    const dir = tempDir("workerd");
    for (const file of ["calls.mjs", "verify-calls.mjs", "worker.mjs"]) copyFileSync(join(packageDir, "test/smoke", file), join(dir, file));
    for (const file of ["index.js", "verify.js"]) copyFileSync(join(packageDir, "dist", file), join(dir, file));
    const modules = ["worker.mjs", "calls.mjs", "verify-calls.mjs", "index.js", "verify.js"];
    const answer = await askWorker(dir, modules, { EMULATOR_URL: emu.url, API_KEY: emu.keys["full-access"] });
    expect(answer.status, `${answer.text}\n${answer.stderr}`).toBe(200);
    const out = JSON.parse(answer.text);
    console.log(JSON.stringify(out));
    expect(out).toEqual(expected(/^workerd Cloudflare-Workers/, "esm"));
  }, 300_000);
});
