// The one place the client's tests start the local emulator (@propelauth-openapi/emulator): its
// command-line program in a child process, stopped by process id. Its SQLite is WebAssembly, so it
// runs on the Node that runs the tests; PROPELAUTH_EMULATOR_NODE=node22 (or node24) runs it on
// another Node from npm instead, without an edit.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { runtimePath } from "../../../../scripts/runtimes.js";

/** The Node that runs the emulator. */
const EMULATOR_NODE = process.env.PROPELAUTH_EMULATOR_NODE
  ? runtimePath(process.env.PROPELAUTH_EMULATOR_NODE as "node22" | "node24")
  : process.execPath;

// By path, not by package name: the client cannot depend on the emulator, which depends on the client (through the docs).
const CLI = fileURLToPath(new URL("../../../emulator/dist/cli.js", import.meta.url));

export type KeyKind = "full-access" | "read-and-validate" | "validation-only" | "custom";

export interface Emulator {
  /** Its base URL (http://127.0.0.1:<port>), which is also its Auth URL. */
  url: string;
  /** One backend key of each kind. */
  keys: Record<KeyKind, string>;
  close(): Promise<void>;
}

/** Starts an in-memory emulator on a free loopback port that checks its own answers against the document. */
export async function startEmulator(extraArgs: string[] = []): Promise<Emulator> {
  const child: ChildProcess = spawn(
    EMULATOR_NODE,
    [CLI, "--memory", "--port", "0", "--host", "127.0.0.1", "--validate-responses", "--json", ...extraArgs],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, "line").then(([line]) => String(line)),
    once(child, "exit").then(([code]) => {
      throw new Error(`the emulator exited (${code}) before it started: ${stderr}`);
    }),
  ]);
  const info = JSON.parse(first) as { url: string; keys: Record<KeyKind, string> };
  return {
    url: info.url,
    keys: info.keys,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      process.kill(child.pid!, "SIGTERM");
      await exited;
    },
  };
}
