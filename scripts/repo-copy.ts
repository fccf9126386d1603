// A copy of the repository (committed and uncommitted files, nothing ignored) as a fresh git
// repository, for flows that must not touch the working tree (the release rehearsal, check:upstream),
// and the step runner they share.
import { type SpawnSyncOptionsWithStringEncoding, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");

/** A failed step: its message names the package (or phase) and the step. */
export class StepError extends Error {}

export interface RunOptions extends Omit<SpawnSyncOptionsWithStringEncoding, "encoding"> {
  /** Give back stdout alone (stderr is still shown on failure). */
  stdoutOnly?: boolean;
}

/** Runs a command; on failure throws naming the package and the step, with the command's output. */
export function run(what: string, step: string, command: string, args: string[], options: RunOptions = {}): string {
  const { stdoutOnly, ...spawnOptions } = options;
  const result = spawnSync(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 900_000,
    maxBuffer: 64 << 20,
    ...spawnOptions,
    encoding: "utf8",
  });
  const output = stdoutOnly ? result.stdout : `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0)
    throw new StepError(
      `${what}: ${step}: ${[command, ...args].join(" ")} ${result.error ? `failed: ${result.error.message}` : `exited ${result.status ?? result.signal}`}\n${`${result.stdout ?? ""}${result.stderr ?? ""}`.slice(-6000)}`,
    );
  return output;
}

/** The environment for git commits and turbo in the copy. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const who = {
    GIT_AUTHOR_NAME: "rehearsal",
    GIT_AUTHOR_EMAIL: "rehearsal@localhost",
    GIT_COMMITTER_NAME: "rehearsal",
    GIT_COMMITTER_EMAIL: "rehearsal@localhost",
  };
  return { ...process.env, ...who, TURBO_TELEMETRY_DISABLED: "1", ...extra };
}

/** Copies the repository to `repo` (where the copy goes) and commits it there; returns `repo`. */
export function copyRepository(repo: string): string {
  const list = run("copy", "list the repository's files", "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
  });
  for (const file of new Set(list.split("\0").filter(Boolean))) {
    const from = join(root, file);
    if (!existsSync(from) || lstatSync(from).isDirectory()) continue; // deleted, or a submodule
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    cpSync(from, join(repo, file), { verbatimSymlinks: true });
  }
  run("copy", "git init", "git", ["init", "-q", "-b", "main"], { cwd: repo });
  run("copy", "git add", "git", ["add", "-A"], { cwd: repo });
  run("copy", "git commit", "git", ["commit", "-q", "-m", "copy"], { cwd: repo, env: gitEnv() });
  return repo;
}
