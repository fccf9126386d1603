// Other JavaScript runtimes for the tests, installed from the npm registry on first use into
// .tmp/runtimes/ (git-ignored). Each package picks its platform's binary at install time
// (optionalDependencies or a preinstall step), so this works wherever npm does, not only on
// linux-x64, and nobody who installs the workspace pays for binaries they do not use.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The runtimes the tests use: npm package, pinned version, and the binary's name in node_modules/.bin. */
export const RUNTIMES = {
  node22: { pkg: "node", version: "22.23.3", bin: "node" },
  node24: { pkg: "node", version: "24.21.0", bin: "node" },
  bun: { pkg: "bun", version: "1.4.5", bin: "bun" },
  deno: { pkg: "deno", version: "2.9.6", bin: "deno" },
  workerd: { pkg: "workerd", version: "1.20261117.1", bin: "workerd" },
} satisfies Record<string, { pkg: string; version: string; bin: string }>;

export type Runtime = keyof typeof RUNTIMES;
const isRuntime = (name: string): name is Runtime => Object.hasOwn(RUNTIMES, name);

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, ".tmp", "runtimes");

/**
 * The absolute path of the runtime's executable, installing it first if needed. Safe to call from
 * parallel test workers: each installs into its own folder and the first rename wins.
 */
export function runtimePath(name: Runtime): string {
  if (!isRuntime(name)) throw new Error(`unknown runtime ${name}; known: ${Object.keys(RUNTIMES).join(", ")}`);
  const rt = RUNTIMES[name];
  const bin = join("node_modules", ".bin", process.platform === "win32" ? `${rt.bin}.cmd` : rt.bin);
  return npmInstalled(`${name}-${rt.version}`, `${rt.pkg}@${rt.version}`, bin, `the ${name} runtime`);
}

/**
 * Installs `spec` (such as typescript@5.0.4) from npm into .tmp/runtimes/<folder> on first use
 * and returns the absolute path of `file` inside that folder.
 */
export function npmInstalled(folder: string, spec: string, file: string, what = spec): string {
  const dir = join(cache, folder);
  const exe = join(dir, file);
  if (existsSync(exe)) return exe;
  const partial = `${dir}.partial-${process.pid}-${Date.now()}`;
  mkdirSync(partial, { recursive: true });
  try {
    execFileSync(
      process.platform === "win32" ? "npm.cmd" : "npm",
      ["install", "--prefix", partial, "--no-save", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", spec],
      { stdio: ["ignore", "ignore", "pipe"], timeout: 300_000 },
    );
    try {
      renameSync(partial, dir);
    } catch (error) {
      if (!existsSync(exe)) throw error; // another worker won the race; anything else is real
    }
  } catch (error) {
    throw new Error(`could not install ${spec} from npm for ${what}: ${error instanceof Error ? error.message : error}`);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  if (!existsSync(exe)) throw new Error(`${spec} installed but ${exe} is missing`);
  return exe;
}

// `tsx scripts/runtimes.ts bun` prints the path (and installs it first), for shell use.
// `tsx scripts/runtimes.ts --all` installs every runtime at once, side by side (the `runtimes` task
// before `npm test`'s tests), so parallel test runs find them installed instead of racing to install.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  if (names[0] === "--all") {
    const missing = (Object.keys(RUNTIMES) as Runtime[]).filter((name) => !existsSync(join(cache, `${name}-${RUNTIMES[name].version}`)));
    // Each in a process of its own (this script again, run the way it was run), so they install side by side.
    const installs = missing.map(
      (name) =>
        new Promise<string>((done, fail) =>
          execFile(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], (error, stdout, stderr) =>
            error ? fail(new Error(`${name}: ${stderr || error.message}`)) : done(stdout.trim()),
          ),
        ),
    );
    for (const path of await Promise.all(installs)) console.log(`installed ${path}`);
    console.log(`runtimes in ${cache}: ${Object.keys(RUNTIMES).join(", ")}`);
  } else
    for (const name of names) {
      if (!isRuntime(name)) throw new Error(`unknown runtime ${name}; known: ${Object.keys(RUNTIMES).join(", ")}`);
      console.log(runtimePath(name));
    }
}
