// The local emulator (packages/emulator), started from its built command-line program by path in a
// child process and stopped by process id. By path, not as a dependency: the emulator depends on
// this package, and only this test needs it (turbo runs spec#test after emulator#build).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ReplayCase } from "./types.js";

const CLI = fileURLToPath(new URL("../../../../packages/emulator/dist/cli.js", import.meta.url));

export interface RunningEmulator {
  url: string;
  key: string;
  close(): Promise<void>;
}

/** Starts an in-memory emulator seeded with the document's examples, checking its own answers. */
export async function startSeededEmulator(): Promise<RunningEmulator> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the emulator first (pnpm --filter @propelauth-openapi/emulator build)`);
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, "--memory", "--port", "0", "--seed-examples", "--validate-responses", "--json"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code}): ${err}`)));
  });
  const started = JSON.parse(line) as { url: string; keys: Record<string, string> };
  return {
    url: started.url,
    key: started.keys["full-access"]!,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/** Sends one replay case as the SDK built it (method, path, raw query, body), with `swap` applied to its ids. */
export async function send(emu: RunningEmulator, c: ReplayCase, swap: (text: string) => string): Promise<Answer> {
  const url = `${emu.url}${swap(c.path)}${c.query ? `?${swap(c.query)}` : ""}`;
  const headers: Record<string, string> = { authorization: `Bearer ${emu.key}`, "x-propelauth-url": new URL(emu.url).host };
  let body: string | undefined;
  if (c.body !== undefined) {
    body = swap(JSON.stringify(c.body));
    headers["content-type"] = c.contentType ?? "application/json";
  }
  const response = await fetch(url, { method: c.method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed, text };
}

/** Puts the seeded store back as it started (each case acts on the same data). */
export async function reseed(emu: RunningEmulator): Promise<void> {
  const response = await fetch(`${emu.url}/__emulator/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seed: "examples" }),
  });
  if (response.status !== 200) throw new Error(`reset: ${response.status} ${await response.text()}`);
}
