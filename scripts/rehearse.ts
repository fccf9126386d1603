// `pnpm release:rehearse`: the real release, against a throwaway registry, then the packages used
// from that registry as users get them. Run by `npm test` (scripts/test/rehearsal.test.ts).
//   1. registry  verdaccio on 127.0.0.1 on a free port; our scope is never proxied, the rest comes from npm
//   2. copy      the repository as committed plus uncommitted files, in a temporary folder, installed
//   3. prepack   packing an unbuilt package builds it first
//   4. release   `pnpm release` with a patch changeset for the spec: version, build, check, publish
//   5. use       in empty folders, install the six packages with npm, pnpm 10 (default settings) and
//                Bun, and use each one (scripts/rehearsal/use-packages.ts, as plain JavaScript)
// Everything it starts is stopped by process id; a failure names the package (or phase) and the step.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { type Registry, type Started, scratch, startRegistry } from "./rehearsal/registry.js";
import { copyRepository, gitEnv, run, StepError } from "./repo-copy.js";
import { RUNTIMES, runtimePath } from "./runtimes.js";
import { PACKAGES } from "./tarballs.js";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const bin = (name: string) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const keep = process.env.REHEARSAL_KEEP === "1";
const started: Started[] = [];
const t0 = Date.now();

function log(message: string): void {
  console.log(`rehearsal [${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

/** GET with a retry: a keep-alive socket the registry closed while we were busy fails once (EPIPE). */
// biome-ignore lint/suspicious/noExplicitAny: the registry's package document, read for two fields
async function getJson(url: string): Promise<any> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(url)).json();
    } catch (error) {
      const e = error as Error & { cause?: Error };
      if (attempt === 3) throw new StepError(`registry: GET ${url}: ${e.cause?.message ?? e.message}`);
    }
  }
}

/** The node that runs the installed emulator: this one, or a newer one from npm if its `engines` asks. */
function nodeFor(enginesRange: string | undefined): string {
  const min = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(enginesRange ?? "");
  const atLeast = (v: string) => {
    if (!min) return true;
    const have = v.split(".").map(Number);
    const want = [min[1], min[2] ?? 0, min[3] ?? 0].map(Number);
    for (let i = 0; i < 3; i++) if (have[i] !== want[i]) return (have[i] ?? 0) > (want[i] ?? 0);
    return true;
  };
  if (atLeast(process.versions.node)) return process.execPath;
  for (const name of ["node22", "node24"] as const) if (atLeast(RUNTIMES[name].version)) return runtimePath(name);
  throw new StepError(`@propelauth-openapi/emulator: pick a Node: none of ours satisfies engines.node ${enginesRange}`);
}

/** How a package manager installs packages, and how it starts the installed emulator's bin. */
interface Consumer {
  install: (names: string[]) => [string, string[]];
  emulator: string[] | (() => string[]);
}

type Manager = "npm" | "pnpm" | "bun";

const CONSUMERS: Record<Manager, Consumer> = {
  npm: {
    install: (names) => [npm, ["install", "--no-audit", "--no-fund", "--loglevel=error", ...names]],
    emulator: ["npx", "--no-install", "propelauth-emulator"],
  },
  pnpm: {
    // pnpm 10 as a user has it: default settings (dependency build scripts blocked unless approved).
    install: (names) => [bin("pnpm"), ["add", "--reporter=append-only", ...names]],
    emulator: [bin("pnpm"), "exec", "propelauth-emulator"],
  },
  bun: {
    install: (names) => [runtimePath("bun"), ["add", "--no-progress", ...names]],
    emulator: () => [runtimePath("bun"), "x", "propelauth-emulator"],
  },
};

/** use-packages.ts as the plain JavaScript a user's project runs (Node 20 there has no TypeScript loader). */
function consumerScript(): string {
  const source = readFileSync(join(root, "scripts", "rehearsal", "use-packages.ts"), "utf8");
  const options = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true };
  return ts.transpileModule(source, { compilerOptions: options, fileName: "use-packages.ts" }).outputText;
}

async function useWith(manager: Manager, base: string, registry: Registry, version: string): Promise<void> {
  const dir = join(base, `consumer-${manager}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: `rehearsal-${manager}`, private: true, type: "module" }, null, 2)}\n`);
  writeFileSync(join(dir, ".npmrc"), `registry=${registry.url}\n`);
  writeFileSync(join(dir, "bunfig.toml"), `[install]\nregistry = "${registry.url}"\n`);
  writeFileSync(join(dir, "use-packages.mjs"), consumerScript());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_registry: registry.url,
    npm_config_userconfig: join(dir, ".npmrc"),
    // Bun caches by name@version: each rehearsal publishes the same version with new contents.
    BUN_INSTALL_CACHE_DIR: join(dir, ".bun-cache"),
    TMPDIR: base,
  };
  for (const k of Object.keys(env)) if (/^(npm_package_|npm_lifecycle_|PNPM_|pnpm_config_)/i.test(k)) delete env[k];
  const names = PACKAGES.map((p) => `${p.name}@${version}`);
  const [command, args] = CONSUMERS[manager].install(names);
  log(`${manager}: install the six packages`);
  run(`${manager} install`, `install ${names.join(" ")}`, command, args, { cwd: dir, env });
  const emulatorManifest = JSON.parse(readFileSync(join(dir, "node_modules", "@propelauth-openapi", "emulator", "package.json"), "utf8"));
  const node = nodeFor(emulatorManifest.engines?.node);
  const { emulator: start } = CONSUMERS[manager];
  const emulator = typeof start === "function" ? start() : start;
  const runner = manager === "bun" ? runtimePath("bun") : process.execPath;
  log(
    `${manager}: use them (client under ${manager === "bun" ? "Bun" : `Node ${process.version}`}, emulator on ${node === process.execPath ? `Node ${process.version}` : node})`,
  );
  const out = run(`${manager} consumer`, "use the installed packages", runner, ["use-packages.mjs"], {
    cwd: dir,
    env: {
      ...env,
      PATH: `${dirname(node)}${process.platform === "win32" ? ";" : ":"}${env.PATH}`,
      REHEARSAL_VERSION: version,
      REHEARSAL_EMULATOR: JSON.stringify(emulator),
    },
  });
  process.stdout.write(out);
}

async function main() {
  const base = scratch("propelauth-rehearsal-");
  log(`working in ${base}`);
  try {
    const registry = await startRegistry(base, started);
    log(`registry: verdaccio on ${registry.url} (everything but @propelauth-openapi/* from ${registry.upstream})`);

    const repo = copyRepository(join(base, "repo"));
    const env = gitEnv({ npm_config_registry: registry.url, npm_config_userconfig: join(base, "npmrc") });
    writeFileSync(join(base, "npmrc"), `registry=${registry.url}\n//${new URL(registry.url).host}/:_authToken=${registry.token}\n`);
    log(`copy: ${repo}; pnpm install`);
    run(
      "copy",
      "pnpm install --frozen-lockfile",
      bin("pnpm"),
      ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"],
      { cwd: repo, env },
    );

    log("prepack: npm pack of the unbuilt spec package builds it");
    const packOutput = run("@propelauth-openapi/spec", "prepack builds before packing", npm, ["pack", "--dry-run", "--json"], {
      cwd: join(repo, "spec"),
      env,
      stdoutOnly: true,
    });
    // The prepack build prints on the same stdout; the JSON report comes last.
    const packed: { files: { path: string }[] }[] = JSON.parse(
      packOutput.slice(packOutput.lastIndexOf("[\n  {")).replace(/\n\]\n[\s\S]*$/, "\n]"),
    );
    const files = packed[0]?.files.map((f) => f.path) ?? [];
    if (!files.includes("dist/openapi.json"))
      throw new StepError(`@propelauth-openapi/spec: prepack builds before packing: the tarball would hold ${files.join(", ")}`);

    writeFileSync(
      join(repo, ".changeset", "rehearsal-patch.md"),
      '---\n"@propelauth-openapi/spec": patch\n---\n\nRehearsal of the release flow.\n',
    );
    run("copy", "add the rehearsal changeset", "git", ["add", "-A"], { cwd: repo, env });
    run("copy", "commit the rehearsal changeset", "git", ["commit", "-qm", "rehearsal changeset", "--allow-empty"], { cwd: repo, env });
    const before = JSON.parse(readFileSync(join(repo, "spec", "package.json"), "utf8")).version;
    log(`release: pnpm release from ${before} (version, build, check, publish to ${registry.url})`);
    process.stdout.write(run("release", "pnpm release", bin("pnpm"), ["run", "release"], { cwd: repo, env }).replace(/^/gm, "  | "));
    const version = JSON.parse(readFileSync(join(repo, "spec", "package.json"), "utf8")).version;
    if (version === before) throw new StepError(`release: version: still ${before} after a patch changeset`);
    for (const pkg of PACKAGES) {
      const meta = await getJson(`${registry.url}${pkg.name.replace("/", "%2f")}`);
      if (meta["dist-tags"]?.latest !== version)
        throw new StepError(`${pkg.name}: publish: the registry's latest is ${meta["dist-tags"]?.latest}, not ${version}`);
      const changelog = readFileSync(join(repo, pkg.dir, "CHANGELOG.md"), "utf8");
      if (!changelog.includes(`## ${version}`)) throw new StepError(`${pkg.name}: version: CHANGELOG.md has no ${version} section`);
    }
    const baseline = JSON.parse(readFileSync(join(repo, "released", "openapi.json"), "utf8"));
    if (baseline.info.version !== version) throw new StepError(`release: record: released/openapi.json is ${baseline.info.version}`);
    log(`release: all six published as ${version}; CHANGELOGs and released/openapi.json written`);

    // Every package manager gets its turn, so one run shows every way the packages fail.
    const failures: string[] = [];
    for (const manager of Object.keys(CONSUMERS) as Manager[]) {
      try {
        await useWith(manager, base, registry, version);
      } catch (error) {
        if (!(error instanceof StepError)) throw error;
        log(`${manager}: FAILED`);
        failures.push(error.message);
      }
    }
    if (failures.length) throw new StepError(failures.join("\n\nrehearsal failed: "));
    log("passed");
  } finally {
    for (const { name, child } of started.reverse()) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already stopped
      }
      log(`stopped ${name} (pid ${child.pid})`);
    }
    if (keep) log(`kept ${base}`);
    else rmSync(base, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof StepError ? `rehearsal failed: ${error.message}` : error);
  process.exitCode = 1;
});
