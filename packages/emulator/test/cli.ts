// The CLI in its own process, as users run it (some behaviours, such as a client still sending
// when the server answers, only show across processes).
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const cliPath = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

export interface Cli {
  child: ChildProcess;
  url: string;
  keys: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the CLI with `args` (plus --port 0 --json) and waits for its start-up line. */
export async function startCli(args: string[], cwd?: string): Promise<Cli> {
  const child = spawn(process.execPath, [cliPath, "--port", "0", "--json", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the CLI exited with ${code}: ${stderr}`)));
  });
  const info = JSON.parse(line) as { url: string; keys: Record<string, string> };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  return { child, url: info.url, keys: info.keys, stop };
}
