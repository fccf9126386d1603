// Runs a worker in Cloudflare's workerd (installed from npm by runtimes.ts) and gives back its answer
// to one request: the runtime tests of the client and the drop-in use it for the same check.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "./free-port.js";
import { runtimePath } from "./runtimes.js";

/** What the worker answered to `GET /`, and what workerd printed on stderr meanwhile. */
export interface WorkerAnswer {
  status: number;
  text: string;
  stderr: string;
}

/**
 * The workerd configuration: ES modules embedded from `dir` (the first is the worker's entry), text
 * bindings, no nodejs_compat, and outbound requests through a network service that allows local
 * addresses (without it, the worker cannot reach a server on 127.0.0.1).
 */
export function workerdConfig(modules: string[], bindings: Record<string, string>, port: number): string {
  const embedded = modules.map((name) => `    (name = ${JSON.stringify(name)}, esModule = embed ${JSON.stringify(name)}),`).join("\n");
  const texts = Object.entries(bindings)
    .map(([name, value]) => `    (name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)}),`)
    .join("\n");
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smoke),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const smoke :Workerd.Worker = (
  modules = [
${embedded}
  ],
  compatibilityDate = "2026-11-01",
  globalOutbound = "loopback",
  bindings = [
${texts}
  ],
);
`;
}

/**
 * Serves the worker made of `modules` (files in `dir`) on a free loopback port, sends it `GET /`
 * once it listens (within 10 s), and stops workerd by its pid. Throws, with workerd's stderr, when
 * nothing ever answered.
 */
export async function askWorker(dir: string, modules: string[], bindings: Record<string, string>): Promise<WorkerAnswer> {
  const port = await freePort();
  writeFileSync(join(dir, "config.capnp"), workerdConfig(modules, bindings, port));
  const child = spawn(runtimePath("workerd"), ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  try {
    let response: Response | undefined;
    for (let i = 0; i < 100 && !response; i++) {
      response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      if (!response) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!response) throw new Error(`workerd never answered on 127.0.0.1:${port}:\n${stderr}`);
    return { status: response.status, text: await response.text(), stderr };
  } finally {
    process.kill(child.pid!, "SIGTERM");
  }
}
