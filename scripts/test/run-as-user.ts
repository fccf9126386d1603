// Runs one of the repository's scripts as a user's shell would, and gives back all it printed.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { join } from "node:path";
import type { Readable } from "node:stream";

const root = join(import.meta.dirname, "..", "..");

/** The environment without the settings of the package manager that ran this test (pnpm under turbo sets npm_config_* and pnpm_* that point installs elsewhere). */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm|pnpm)_/i.test(name)));
}

/** `tsx scripts/<script>` from the repository's root: its exit code and its stdout and stderr together. */
export async function runAsUser(script: string): Promise<{ code: number | null; output: string }> {
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const child = spawn(process.execPath, [tsx, join(root, "scripts", script)], {
    cwd: root,
    env: userEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return outputOf(child);
}

/** A spawned process's exit code and its stdout and stderr together, once it has closed. */
export async function outputOf(child: ChildProcessByStdio<null, Readable, Readable>) {
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, output };
}
