// The drop-in on every runtime its README claims, each making real calls against the emulator
// (test/smoke/calls.mjs): Node 20 (vitest's) with the ESM and the CJS build as installed; Node 22
// and 24, Bun and Deno with the ESM build bundled together with the client (esbuild, platform
// neutral: a `node:` import would fail the bundle); Cloudflare's workerd with that bundle inside a
// worker, without nodejs_compat. The runtimes come from npm (scripts/runtimes.mjs, .tmp/runtimes).
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningEmulator, startEmulator } from "@propelauth-openapi/emulator";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimePath } from "../../../scripts/runtimes.mjs";
import { smoke } from "./smoke/calls.mjs";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
// Outside the package folder, so that the linter never sees the bundles; removed at the end.
const dir = join(packageDir, "../../.tmp/node-runtimes-smoke");

const expected = {
  validated: true,
  role: "Admin",
  refused: "true 401 signature verification failed",
  notHex: "true",
};

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
  mkdirSync(dir, { recursive: true });
  for (const entry of ["cli", "worker"]) {
    await build({
      entryPoints: [join(packageDir, `test/smoke/${entry}.mjs`)],
      outfile: join(dir, `${entry}.mjs`),
      bundle: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      logLevel: "silent",
    });
  }
}, 120_000);
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(command: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe("on node 20 (vitest's), as installed", () => {
  it("ESM build", async () => {
    expect(await smoke(await import("../dist/index.js"), emu.url, emu.keys["full-access"].token)).toEqual(expected);
  });
  it("CJS build", async () => {
    const cjs = createRequire(import.meta.url)("../dist/index.cjs");
    expect(await smoke(cjs, emu.url, emu.keys["full-access"].token)).toEqual(expected);
  });
});

const commandLine = [
  ["node 22", () => [runtimePath("node22")], /^node v22\./],
  ["node 24", () => [runtimePath("node24")], /^node v24\./],
  ["bun", () => [runtimePath("bun")], /^bun 1\./],
  ["deno", () => [runtimePath("deno"), "run", "--allow-net", "--allow-env", "--no-config"], /^deno 2\./],
] as const;

describe.each(commandLine)("on %s", (_name, command, version) => {
  it("ESM build, bundled with the client", async () => {
    const [binary, ...flags] = command() as unknown as [string, ...string[]];
    const result = await run(binary, [...flags, join(dir, "cli.mjs"), emu.url, emu.keys["full-access"].token]);
    expect(result.stderr.replace(/^.*ExperimentalWarning.*\n?/gm, "")).toBe("");
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout.trim().split("\n").at(-1) as string);
    expect(out).toEqual({ runtime: expect.stringMatching(version), ...expected });
  }, 300_000);
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("on workerd (Cloudflare Workers' runtime), without nodejs_compat", () => {
  it("ESM build, bundled with the client, inside a worker", async () => {
    const port = await freePort();
    // The worker reaches the emulator on 127.0.0.1 only through a network service that allows local addresses.
    writeFileSync(
      join(dir, "config.capnp"),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smoke),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const smoke :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "worker.mjs")],
  compatibilityDate = "2026-11-01",
  globalOutbound = "loopback",
  bindings = [
    (name = "EMULATOR_URL", text = ${JSON.stringify(emu.url)}),
    (name = "API_KEY", text = ${JSON.stringify(emu.keys["full-access"].token)}),
  ],
);
`,
    );
    const child = spawn(runtimePath("workerd"), ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    try {
      let response: Response | undefined;
      for (let i = 0; i < 100 && !response; i++) {
        response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
        if (!response) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(response, stderr).toBeDefined();
      const text = await (response as Response).text();
      expect((response as Response).status, `${text}\n${stderr}`).toBe(200);
      expect(JSON.parse(text)).toEqual({ runtime: expect.stringMatching(/^workerd Cloudflare-Workers/), ...expected });
    } finally {
      process.kill(child.pid as number, "SIGTERM");
    }
  }, 300_000);
});
