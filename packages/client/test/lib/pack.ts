// Packs the package as it would be published (`pnpm pack`) into a fresh temporary folder
// outside the workspace, and runs the package's tools, for the packaging and install tests.
import { type SpawnOptions, type SpawnSyncOptions, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const repoRoot = resolve(packageDir, "../..");
export const bin = (name: string) => join(packageDir, "node_modules/.bin", name);

/** Runs a command; fails with its output when it exits non-zero. */
export function run(
  command: string,
  args: string[],
  options: SpawnSyncOptions = {},
): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000, ...options });
  const out = { stdout: String(result.stdout ?? ""), stderr: String(result.stderr ?? ""), status: result.status };
  if (result.status !== 0 && !options.stdio) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status}${result.error ? ` (${result.error.message})` : ""}\n${out.stdout}\n${out.stderr}`,
    );
  }
  return out;
}

/**
 * Runs a command without blocking the event loop (needed when it calls a server that this test
 * process hosts); resolves with its output and exit status, killing it after `timeout` ms.
 */
export function runAsync(
  command: string,
  args: string[],
  options: SpawnOptions & { timeout?: number } = {},
): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status });
    });
  });
}

/** A new empty folder under the system's temporary directory (outside the repository). */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `propelauth-client-${label}-`));
}

/** `pnpm pack` into a new temporary folder; returns the tarball's path. */
export function pack(): string {
  const dir = tempDir("pack");
  run(join(repoRoot, "node_modules/.bin/pnpm"), ["pack", "--pack-destination", dir], { cwd: packageDir });
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`pnpm pack left no tarball in ${dir}`);
  return join(dir, tarball);
}
