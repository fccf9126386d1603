// A throwaway npm registry (verdaccio on 127.0.0.1) that serves our packages as published here
// and everything else from the upstream registry; shared by the release rehearsal and the
// installed-README test. What it starts is pushed onto `started`, for the caller to stop by pid.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../free-port.js";
import { run, StepError } from "../repo-copy.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const bin = (name: string) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** A fresh folder outside any workspace (the repository's included), so npm, pnpm and Bun see only the consumer's own package.json. */
export function scratch(prefix: string): string {
  let base = realpathSync(tmpdir());
  if (!relative(root, base).startsWith("..")) base = "/tmp";
  return mkdtempSync(join(base, prefix));
}

/** A process this script started, to be stopped by its process group's id. */
export interface Started {
  name: string;
  child: ChildProcess;
}

export interface Registry {
  url: string;
  /** The publishing user's token. */
  token: string;
  /** The registry everything but our packages comes from. */
  upstream: string;
}

/** Starts verdaccio in `base`/registry (pushed onto `started`) and creates a user that may publish. */
export async function startRegistry(base: string, started: Started[]): Promise<Registry> {
  const upstream = run("registry", "find the upstream registry", npm, ["config", "get", "registry"], { cwd: base }).trim();
  const port = await freePort();
  const dir = join(base, "registry");
  mkdirSync(dir);
  writeFileSync(
    join(dir, "config.yaml"),
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      `  htpasswd: { file: ${join(dir, "htpasswd")}, max_users: 10 }`,
      `uplinks:\n  npm: { url: ${JSON.stringify(upstream)}, timeout: 60s, max_fails: 5 }`,
      "packages:",
      // Never proxied: a package of ours comes from this rehearsal or not at all.
      "  '@propelauth-openapi/*': { access: $all, publish: $authenticated }",
      "  '**': { access: $all, proxy: npm }",
      "web: { enable: false }",
      "max_body_size: 50mb",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const child = spawn(bin("verdaccio"), ["--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push({ name: "verdaccio", child });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new StepError(`registry: start verdaccio: exited ${child.exitCode}\n${output}`);
    if (i > 600) throw new StepError(`registry: start verdaccio: no answer on ${url} within 60 s\n${output}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const res = await fetch(`${url}-/user/org.couchdb.user:rehearsal`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "rehearsal", password: "rehearsal-password", type: "user", roles: [] }),
  });
  const { token } = (await res.json()) as { token?: string };
  if (!token) throw new StepError(`registry: create the publishing user: verdaccio answered ${res.status}`);
  return { url, token, upstream };
}
