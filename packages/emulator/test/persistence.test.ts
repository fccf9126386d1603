// The CLI as users run it: state in a file survives restarts and kill -9, keys stay the same, and
// many concurrent writes all land.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type Answer, type Call, request } from "./support.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "propelauth-emulator-"));
const dataFile = join(dir, "emulator.sqlite");
const running = new Set<ChildProcess>();

interface Started {
  child: ChildProcess;
  url: string;
  keys: Record<string, string>;
  call(method: string, path: string, call?: Call): Promise<Answer>;
}

async function startCli(...args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [cli, "--port", "0", "--json", "--validate-responses", "--data", dataFile, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let stderr = "";
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the CLI exited with ${code} before printing its start-up line: ${stderr}`)));
  });
  const info = JSON.parse(line) as { url: string; keys: Record<string, string> };
  return {
    child,
    url: info.url,
    keys: info.keys,
    call: (method, path, call = {}) => request(info.url, method, `/api/backend/v1${path}`, { key: info.keys["full-access"], ...call }),
  };
}

function kill9(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.once("exit", () => resolve());
    started.child.kill("SIGKILL");
  });
}

afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("the CLI with a data file", () => {
  it("keeps acknowledged writes, keys and the signing key across kill -9 and restarts", async () => {
    const first = await startCli("--custom-permissions", "read-users,create-users");
    expect(first.keys.custom).toBeTruthy();
    const created = await first.call("POST", "/user/", { body: { email: "durable@example.com" } });
    expect(created.status).toBe(200);
    const pem = (await first.call("GET", "/token_verification_metadata")).body;
    await kill9(first);

    const second = await startCli();
    expect(second.keys).toEqual(first.keys);
    const fetched = await second.call("GET", `/user/${created.body.user_id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.email).toBe("durable@example.com");
    expect((await second.call("GET", "/token_verification_metadata")).body).toEqual(pem);
    // The Custom key kept its permissions from the first run.
    const custom = await request(second.url, "GET", `/api/backend/v1/user/${created.body.user_id}`, { key: second.keys.custom });
    expect(custom.status).toBe(200);
    await kill9(second);
  });

  it("loses no write among many concurrent ones, and keeps them all across kill -9", async () => {
    const emu = await startCli();
    const org = (await emu.call("POST", "/org/", { body: { name: "Concurrent" } })).body.org_id;
    const N = 150;
    const users = await Promise.all(
      Array.from({ length: N }, (_, i) => emu.call("POST", "/user/", { body: { email: `parallel${i}@example.com` } })),
    );
    expect(users.map((u) => u.status)).toEqual(Array(N).fill(200));
    const joins = await Promise.all(
      users.map((u) => emu.call("POST", "/org/add_user", { body: { user_id: u.body.user_id, org_id: org, role: "Member" } })),
    );
    expect(joins.every((j) => j.status === 200)).toBe(true);
    const key = (await emu.call("POST", "/end_user_api_keys", { body: { org_id: org } })).body;
    const validations = await Promise.all(
      Array.from({ length: N }, () => emu.call("POST", "/end_user_api_keys/validate", { body: { api_key_token: key.api_key_token } })),
    );
    expect(validations.every((v) => v.status === 200)).toBe(true);
    await kill9(emu);

    const again = await startCli();
    expect((await again.call("GET", `/user/org/${org}`, { query: { page_size: 1 } })).body.total_users).toBe(N);
    const today = new Date().toISOString().slice(0, 10);
    expect((await again.call("GET", "/end_user_api_keys/usage", { query: { date: today, api_key_id: key.api_key_id } })).body.count).toBe(
      N,
    );
    await kill9(again);
  });

  it("lets one of two emulators started together on one file own it; the other exits clearly and no acknowledged write is lost", async () => {
    const trials = 8;
    const written: string[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const both = await Promise.allSettled([startCli(), startCli()]);
      const won = both.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const lost = both.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
      expect(won, `trial ${trial}: ${lost.join("; ")}`).toHaveLength(1);
      const winner = won[0]!;
      expect(lost[0]).toContain(`in use by process ${winner.child.pid}`);
      const created = await winner.call("POST", "/user/", { body: { email: `race${trial}@example.com` } });
      expect(created.status).toBe(200);
      written.push(created.body.user_id);
      // A later start is refused too: the loser took nothing from the winner.
      await expect(startCli()).rejects.toThrow(`in use by process ${winner.child.pid}`);
      await kill9(winner);
    }
    const last = await startCli();
    for (const userId of written) expect((await last.call("GET", `/user/${userId}`)).status, userId).toBe(200);
    await kill9(last);
  }, 180_000);

  it("--reset and POST /__emulator/reset delete the data and keep the keys", async () => {
    const before = await startCli();
    expect((await before.call("GET", "/user/query")).body.total_users).toBeGreaterThan(0);
    await kill9(before);
    const reset = await startCli("--reset");
    expect(reset.keys).toEqual(before.keys);
    expect((await reset.call("GET", "/user/query")).body.total_users).toBe(0);
    await reset.call("POST", "/user/", { body: { email: "again@example.com" } });
    expect((await request(reset.url, "POST", "/__emulator/reset", { headers: { "content-type": "application/json" } })).status).toBe(200);
    expect((await reset.call("GET", "/user/query")).body.total_users).toBe(0);
    expect((await reset.call("GET", "/custom_role_mappings")).body.custom_role_mappings.length).toBeGreaterThan(0);
    await kill9(reset);
  });
});
