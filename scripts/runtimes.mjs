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
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, ".tmp", "runtimes");

/**
 * The absolute path of the runtime's executable, installing it first if needed. Safe to call from
 * parallel test workers: each installs into its own folder and the first rename wins.
 * @param {keyof typeof RUNTIMES} name
 * @returns {string}
 */
export function runtimePath(name) {
  const rt = RUNTIMES[name];
  if (!rt) throw new Error(`unknown runtime ${name}; known: ${Object.keys(RUNTIMES).join(", ")}`);
  const bin = join("node_modules", ".bin", process.platform === "win32" ? `${rt.bin}.cmd` : rt.bin);
  return npmInstalled(`${name}-${rt.version}`, `${rt.pkg}@${rt.version}`, bin, `the ${name} runtime`);
}

/**
 * Installs `spec` (such as typescript@5.0.4) from npm into .tmp/runtimes/<folder> on first use
 * and returns the absolute path of `file` inside that folder.
 * @param {string} folder @param {string} spec @param {string} file @param {string} [what]
 * @returns {string}
 */
export function npmInstalled(folder, spec, file, what = spec) {
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

// `node scripts/runtimes.mjs bun` prints the path (and installs it first), for shell use.
// `node scripts/runtimes.mjs --all` installs every runtime at once, side by side (the `runtimes` task
// before `npm test`'s tests), so parallel test runs find them installed instead of racing to install.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  if (names[0] === "--all") {
    const missing = Object.keys(RUNTIMES).filter((name) => !existsSync(join(cache, `${name}-${RUNTIMES[name].version}`)));
    const installs = missing.map(
      (name) =>
        new Promise((done, fail) =>
          execFile(process.execPath, [fileURLToPath(import.meta.url), name], (error, stdout, stderr) =>
            error ? fail(new Error(`${name}: ${stderr || error.message}`)) : done(stdout.trim()),
          ),
        ),
    );
    for (const path of await Promise.all(installs)) console.log(`installed ${path}`);
    console.log(`runtimes in ${cache}: ${Object.keys(RUNTIMES).join(", ")}`);
  } else for (const name of names) console.log(runtimePath(/** @type {keyof typeof RUNTIMES} */ (name)));
}
