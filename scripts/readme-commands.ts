// `tsx scripts/readme-commands.ts`: every command a shipped README marks `<!-- run -->` (see
// scripts/readmes.ts), run as a user would: each public package of the workspace packed once and
// published to one throwaway registry, then, for npm and for pnpm 10, an empty project outside the
// repository per package where its README's blocks run in order (its own install line included:
// `npm install …` becomes `pnpm add …` in the pnpm project). Commands that talk to the API get a
// fresh emulator (this repository's build): `http://127.0.0.1:4010` in a command becomes its URL,
// and PROPELAUTH_AUTH_URL, PROPELAUTH_API_KEY (Full Access), PROPELAUTH_READ_KEY (Read and
// Validate) and PROPELAUTH_VALIDATION_KEY (Validation Only) are set to it and its keys. In a
// `<!-- run: serves -->` block, 4010 becomes a free port and PROPELAUTH_EMULATOR_PORT is 0.
// Prints one line per block; the last line is `readme commands: passed` or names each failure.
import { type SpawnOptions, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "./free-port.js";
import { codeBlocks, isShell, publicPackages, root } from "./readmes.js";
import { type Registry, type Started, scratch, startRegistry } from "./rehearsal/registry.js";
import { run, StepError } from "./repo-copy.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const pnpm = join(root, "node_modules", ".bin", "pnpm");
const started: Started[] = [];
const t0 = Date.now();
const log = (message: string) => console.log(`readme commands [${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${message}`);

/** `npm install [--save-dev] a b` as pnpm says it; other lines unchanged. */
export const forPnpm = (script: string): string =>
  script.replace(/^npm (?:install|i)((?:\s+-\S+)*)\s/gm, (_, flags: string) => `pnpm add${flags.replace(/--save-dev|-D\b/, "-D")} `);

/** Starts a command in its own process group; resolves with its output once `ready` matches it. */
/** The emulator this script starts: its URL and a token of each kind of key. */
interface Emulator {
  url: string;
  keys: Record<"full-access" | "read-and-validate" | "validation-only", string>;
}

function startUntil(
  what: string,
  command: string,
  args: string[],
  options: SpawnOptions,
  ready: RegExp,
  stopped: Started[],
): Promise<{ match: RegExpExecArray; output: string; stop: () => void }> {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const entry = { name: what, child };
  stopped.push(entry);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new StepError(`${what}: nothing ready within 120 s\n${output.slice(-3000)}`)), 120_000);
    const onData = (d: Buffer) => {
      output += d;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ match, output, stop: () => stop(entry) });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new StepError(`${what}: exited ${code} before it was ready\n${output.slice(-3000)}`));
    });
  });
}

function stop({ child }: Started): void {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Packs each package once (its workspace ranges replaced by versions) and publishes the tarball. */
function packAndPublish(packages: { name: string; dir: string }[], base: string, registry: Registry): void {
  const out = join(base, "tarballs");
  mkdirSync(out);
  const userconfig = join(base, "publish.npmrc");
  writeFileSync(userconfig, `registry=${registry.url}\n//${new URL(registry.url).host}/:_authToken=${registry.token}\n`);
  for (const pkg of packages) {
    const before = new Set(readdirSync(out));
    // Built already (the tests run after the build): skip the prepack build.
    run(pkg.name, "pnpm pack", pnpm, ["pack", "--pack-destination", out], {
      cwd: join(root, pkg.dir),
      env: { ...process.env, npm_config_ignore_scripts: "true" },
    });
    const tarball = readdirSync(out).find((f) => !before.has(f));
    if (!tarball) throw new StepError(`${pkg.name}: pnpm pack: no tarball in ${out}`);
    run(pkg.name, "publish to the test registry", npm, ["publish", join(out, tarball), "--ignore-scripts", "--userconfig", userconfig], {
      cwd: base,
      env: { ...cleanEnv(), npm_config_registry: registry.url },
    });
  }
}

/** The environment without what the outer npm/pnpm run leaked into it. */
function cleanEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(npm_|PNPM_|pnpm_config_|INIT_CWD|VITEST)/i.test(k)) delete env[k];
  return env;
}

/** Runs one package's README in an empty project; returns the failures. */
async function runReadme(
  pkg: { name: string; dir: string },
  manager: "npm" | "pnpm",
  base: string,
  registry: Registry,
  emulator: Emulator,
): Promise<string[]> {
  const dir = join(base, `${manager}-${pkg.name.split("/")[1]}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: `readme-${manager}`, private: true, type: "module" }, null, 2)}\n`);
  writeFileSync(join(dir, ".npmrc"), `registry=${registry.url}\n`);
  const bin = join(base, "bin");
  const env = {
    ...cleanEnv(),
    PATH: `${bin}:${process.env.PATH}`,
    npm_config_registry: registry.url,
    npm_config_userconfig: join(dir, ".npmrc"),
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    PROPELAUTH_EMULATOR_PORT: "0",
    PROPELAUTH_AUTH_URL: emulator.url,
    PROPELAUTH_API_KEY: emulator.keys["full-access"],
    PROPELAUTH_READ_KEY: emulator.keys["read-and-validate"],
    PROPELAUTH_VALIDATION_KEY: emulator.keys["validation-only"],
    TMPDIR: base,
  };
  const readme = readFileSync(join(root, pkg.dir, "README.md"), "utf8");
  const blocks = codeBlocks(readme).filter((b) => b.mark?.startsWith("run"));
  const failures: string[] = [];
  const installs = blocks.some((b) => isShell(b) && b.code.split(/\s+/).includes(pkg.name));
  if (!installs) failures.push(`${pkg.name} (${manager}): the README shows no <!-- run --> command that installs ${pkg.name}`);
  for (const [n, block] of blocks.entries()) {
    const what = `${pkg.name} README line ${block.line} (${manager})`;
    const code = block.code.replaceAll("http://127.0.0.1:4010", emulator.url);
    const t = Date.now();
    try {
      if (block.mark === "run: serves") {
        // A server on the README's default port would collide with one already there.
        const port = String(await freePort());
        for (const line of code
          .replace(/\b4010\b/g, port)
          .split("\n")
          .filter((l) => l.trim() && !l.trim().startsWith("#"))) {
          const server = await startUntil(what, "bash", ["-c", line], { cwd: dir, env }, /http:\/\/127\.0\.0\.1:[1-9]\d*/, started);
          server.stop();
        }
      } else if (block.lang === "js") {
        writeFileSync(join(dir, `readme-${n}.mjs`), code);
        run(what, code, process.execPath, [`readme-${n}.mjs`], { cwd: dir, env });
      } else {
        run(what, code, "bash", ["-e", "-o", "pipefail", "-c", manager === "pnpm" ? forPnpm(code) : code], { cwd: dir, env });
      }
      log(`ok ${what} [${block.mark}] ${((Date.now() - t) / 1000).toFixed(1)} s`);
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
      log(`FAILED ${what}`);
      failures.push(error.message);
    }
  }
  return failures;
}

async function main() {
  const base = scratch("propelauth-readmes-");
  try {
    const packages = publicPackages();
    const registry = await startRegistry(base, started);
    log(`registry ${registry.url}; packing ${packages.map((p) => p.name).join(", ")}`);
    packAndPublish(packages, base, registry);
    mkdirSync(join(base, "bin"));
    // pnpm 10 as a user has it on PATH: the workspace's own (package.json `packageManager`).
    writeFileSync(
      join(base, "bin", "pnpm"),
      `#!/bin/sh\nexec "${process.execPath}" "${join(root, "node_modules", "pnpm", "bin", "pnpm.cjs")}" "$@"\n`,
      {
        mode: 0o755,
      },
    );
    const emu = await startUntil(
      "emulator",
      process.execPath,
      [join(root, "packages", "emulator", "dist", "cli.js"), "--memory", "--port", "0", "--json"],
      { cwd: base, env: cleanEnv() },
      /^\{.*\}$/m,
      started,
    );
    const emulator = JSON.parse(emu.match[0]) as Emulator;
    log(`published; emulator at ${emulator.url}`);
    const failures: string[] = [];
    for (const manager of ["npm", "pnpm"] as const)
      for (const pkg of packages) failures.push(...(await runReadme(pkg, manager, base, registry, emulator)));
    if (failures.length) throw new StepError(failures.join("\n\nreadme commands failed: "));
    log("passed");
  } finally {
    for (const entry of started.reverse()) stop(entry);
    rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename)
  main().catch((error) => {
    console.error(error instanceof StepError ? `readme commands failed: ${error.message}` : error);
    process.exitCode = 1;
  });
