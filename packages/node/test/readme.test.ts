// Every TypeScript example of the README runs against a fresh emulator, as a user would run it
// (types stripped by esbuild, the built package imported by its name), and prints what its
// comments say. propelauth-api.com is routed to the emulator by a preloaded module, as the
// README's last section shows.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type RunningEmulator, startEmulator } from "@propelauth-openapi/emulator";
import { transformSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const dir = `${packageDir}.tmp/readme/`;

/** What each example must print (in order), by its first line. */
const PRINTS: [string, (string | RegExp)[]][] = [
  [
    'import { handleError, initBaseAuth } from "@propelauth-openapi/node";\n\nconst auth',
    [/^200 \{ hello: 'ada\.\d+@example\.com', orgs: \[\] \}$/m, "401 No authorization header found."],
  ],
  ["import { ForbiddenException, initBaseAuth }", ["Admin true", "true 403", "true true"]],
  ["import { initBaseAuth } from", ["401 Invalid Compact JWS"]],
  ['import { handleError, initBaseAuth } from "@propelauth-openapi/node";\n\ntype Env', []],
  [
    "import { CreateUserException, initBaseAuth }",
    ["Lin { favoriteColor: 'blue' }", "null", "true { email: [ 'A user with this email already exists' ] }"],
  ],
  ["import { routePropelAuthApiTo }", ["true"]],
];

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    `${dir}route.mjs`,
    `const previous = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.origin !== "https://propelauth-api.com") return previous(request);
  return previous(new Request(new URL(url.pathname + url.search, process.env.PROPELAUTH_AUTH_URL), request));
};
`,
  );
});
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs node with the arguments (not spawnSync: the emulator answers from this process). */
function run(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: packageDir, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe("README examples", () => {
  it("are the ones this test knows", () => {
    expect(examples.map((code) => PRINTS.findIndex(([start]) => code.startsWith(start)))).toEqual(PRINTS.map((_, i) => i));
  });

  it.each(PRINTS.map(([start, prints], i) => [i + 1, start.split("\n")[0], prints] as const))(
    "example %i (%s) runs and prints what it says",
    async (n, _start, prints) => {
      const verifierKey = (
        await (
          await fetch(new URL("/api/v1/token_verification_metadata", emu.url), {
            headers: { authorization: `Bearer ${emu.keys["full-access"].token}` },
          })
        ).json()
      ).verifier_key_pem;
      const file = `${dir}readme-${n}.mjs`;
      writeFileSync(file, transformSync(examples[n - 1] as string, { loader: "ts", format: "esm", target: "es2022" }).code);
      const result = await run(["--import", `${dir}route.mjs`, file], {
        PROPELAUTH_AUTH_URL: emu.authUrl,
        PROPELAUTH_API_KEY: emu.keys["full-access"].token,
        PROPELAUTH_VERIFIER_KEY: verifierKey,
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      for (const line of prints) expect(result.stdout).toMatch(typeof line === "string" ? line : line);
    },
  );
});
