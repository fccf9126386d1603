// Runs third-party OpenAPI tools from this package's devDependencies as child processes.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SPEC_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUNDLE = join(SPEC_DIR, "dist", "openapi.json");

/** The file a package's `bin` entry points at, found as Node finds packages (not every package exports its package.json). */
export function binOf(pkg: string, name: string): string {
  for (let dir = SPEC_DIR; ; dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", pkg, "package.json");
    if (existsSync(manifest)) {
      const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: string | Record<string, string> };
      return join(dirname(manifest), typeof bin === "string" ? bin : bin[name]!);
    }
    if (dirname(dir) === dir) throw new Error(`${pkg} is not installed`);
  }
}

export interface Run {
  code: number | null;
  output: string;
}

/** Runs a Node CLI with this Node and resolves with its exit code and combined output. */
export function runNode(script: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `prism mock` on 127.0.0.1 and resolves once it listens; the caller stops it by pid. */
export function startPrism(document: string, port: number): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(process.execPath, [binOf("@stoplight/prism-cli", "prism"), "mock", document, "-h", "127.0.0.1", "-p", String(port)], {
    cwd: SPEC_DIR,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${log}`)), 60_000);
    const check = () => {
      if (log.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve({ child, log: () => log });
      }
    };
    child.stdout.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${log}`));
    });
  });
}
