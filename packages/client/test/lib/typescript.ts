// Older TypeScript compilers for test/typescript.test.ts, installed from npm on first use into the
// repository's .tmp/typescript/ (git-ignored), as scripts/runtimes.mjs does for runtimes.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./pack.js";

/** The path of `tsc` of this TypeScript version, installing it first if needed. */
export function tscPath(version: string): string {
  const dir = join(repoRoot, ".tmp", "typescript", version);
  const tsc = join(dir, "node_modules", "typescript", "bin", "tsc");
  if (existsSync(tsc)) return tsc;
  const partial = `${dir}.partial-${process.pid}-${Date.now()}`;
  mkdirSync(partial, { recursive: true });
  try {
    execFileSync(
      process.platform === "win32" ? "npm.cmd" : "npm",
      [
        "install",
        "--prefix",
        partial,
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        "--loglevel=error",
        `typescript@${version}`,
      ],
      { stdio: ["ignore", "ignore", "pipe"], timeout: 300_000 },
    );
    try {
      renameSync(partial, dir);
    } catch (error) {
      if (!existsSync(tsc)) throw error; // another worker won the race
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return tsc;
}
