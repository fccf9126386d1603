// Benchmark: requests/s and p50/p99 latency of Validate API Key and Fetch User by id, on the
// emulator and on a Prism mock of the same document, side by side, from a loopback load generator
// generator. Two phases per target and operation: as fast as possible at a fixed concurrency
// (autocannon), then an open-loop fixed rate of 1,000 requests/s (node:http, evenly spaced). Run `pnpm build` first; then `pnpm bench`.
//   BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 32), BENCH_RATE (default 1000), BENCH_STARTS (default 5)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const children = [];

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

function waitForLine(child, test, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 60 s`)), 60_000);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        const found = test(line);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    }
    child.once("exit", (code) => reject(new Error(`${what} exited with ${code}`)));
  });
}

async function startEmulator(dataDir, file = "bench.sqlite") {
  const child = spawn(process.execPath, [here("../dist/cli.js"), "--port", "0", "--json", "--data", join(dataDir, file)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const info = await waitForLine(child, (line) => (line.startsWith("{") ? JSON.parse(line) : undefined), "the emulator");
  return { ...info, child };
}

/** Milliseconds from spawning the CLI on a new, empty data file to its start-up line, `runs` times. */
async function startupTimes(dataDir, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const started = await startEmulator(dataDir, `startup-${i}.sqlite`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    started.child.kill("SIGTERM");
  }
  return times.sort((a, b) => a - b);
}

async function startPrism() {
  const port = 4600 + Math.floor(Math.random() * 300);
  const child = spawn(
    here("../node_modules/.bin/prism"),
    ["mock", here("../../../spec/dist/openapi.json"), "--host", "127.0.0.1", "--port", String(port), "--errors", "false"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    },
  );
  children.push(child);
  await waitForLine(child, (line) => (/Prism is listening/.test(line) ? true : undefined), "Prism");
  return `http://127.0.0.1:${port}`;
}

async function call(base, key, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * An open-loop generator: sends `rate` requests per second, evenly spaced, whatever the answers'
 * latency (a closed-loop tool at a fixed rate sends bursts), and times each from send to last byte.
 */
function fixedRate(target, scenario, rate, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(`${target.url}${scenario.path(target)}`);
  const body = scenario.body ? JSON.stringify(scenario.body(target)) : undefined;
  const headers = { authorization: `Bearer ${target.key}`, "content-type": "application/json" };
  if (body) headers["content-length"] = String(Buffer.byteLength(body));
  const total = Math.round(rate * seconds);
  const latencies = [];
  let sent = 0;
  let done = 0;
  let errors = 0;
  let non2xx = 0;
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      latencies.sort((a, b) => a - b);
      const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      resolve({ rps: done / elapsed, p50: pct(50), p99: pct(99), errors, non2xx, total: done });
    };
    const fire = () => {
      const t0 = process.hrtime.bigint();
      const req = request(url, { method: scenario.method, headers, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (res.statusCode < 200 || res.statusCode >= 300) non2xx++;
          if (++done === total) finish();
        });
      });
      req.on("error", () => {
        errors++;
        if (++done === total) finish();
      });
      req.end(body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((Number(process.hrtime.bigint() - start) / 1e9) * rate) + 1);
      while (sent < due) {
        sent++;
        fire();
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

async function load(target, scenario, rate) {
  if (rate) return fixedRate(target, scenario, rate, SECONDS);
  const result = await autocannon({
    url: `${target.url}${scenario.path(target)}`,
    method: scenario.method,
    headers: { authorization: `Bearer ${target.key}`, "content-type": "application/json" },
    body: scenario.body ? JSON.stringify(scenario.body(target)) : undefined,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), "propelauth-emulator-bench-"));
try {
  const startup = await startupTimes(dataDir, Number(process.env.BENCH_STARTS ?? 5));
  const emu = await startEmulator(dataDir);
  const key = emu.keys["full-access"];
  const api = "/api/backend/v1";
  const { user_id } = await call(emu.url, key, "POST", `${api}/user/`, { email: "bench@example.com", first_name: "Bench" });
  const { org_id } = await call(emu.url, key, "POST", `${api}/org/`, { name: "Bench Org" });
  await call(emu.url, key, "POST", `${api}/org/add_user`, { user_id, org_id, role: "Admin" });
  const created = await call(emu.url, key, "POST", `${api}/end_user_api_keys`, { user_id, org_id });
  // BENCH_ONLY=emulator skips Prism (quick comparisons of emulator settings; no ratio then).
  const prismUrl = process.env.BENCH_ONLY === "emulator" ? "" : await startPrism();

  const allTargets = [
    { name: "emulator", url: emu.url, key, userId: user_id, token: created.api_key_token },
    {
      name: "prism",
      url: prismUrl,
      key,
      userId: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a",
      token: `${"85b90f382257db0ef057982725997fe1"}${"0".repeat(64)}`,
    },
  ];
  const targets = allTargets.filter((t) => !process.env.BENCH_ONLY || t.name === process.env.BENCH_ONLY);
  const scenarios = [
    {
      name: "validate-API-key",
      method: "POST",
      path: () => `${api}/end_user_api_keys/validate`,
      body: (t) => ({ api_key_token: t.token }),
    },
    { name: "fetch-user", method: "GET", path: (t) => `${api}/user/${t.userId}?include_orgs=true` },
  ];

  const rows = [];
  for (const scenario of scenarios) {
    for (const target of targets) {
      await load(target, scenario); // warm-up run, not counted
      const max = await load(target, scenario);
      const fixed = await load(target, scenario, RATE);
      rows.push({ scenario: scenario.name, target: target.name, max, fixed });
      process.stderr.write(`${scenario.name} on ${target.name}: ${Math.round(max.rps)} req/s\n`);
    }
  }

  const f = (n) => (typeof n === "number" ? (Math.round(n * 100) / 100).toString() : "-");
  console.log(
    `\nNode ${process.version}, ${SECONDS} s per run, ${CONNECTIONS} connections for max throughput, ${RATE} req/s fixed rate (open loop, evenly spaced)\n`,
  );
  console.log(`| operation | server | max req/s | p50 ms | p99 ms | at ${RATE} req/s: p50 ms | p99 ms | non-2xx/errors |`);
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.scenario} | ${r.target} | ${Math.round(r.max.rps)} | ${f(r.max.p50)} | ${f(r.max.p99)} | ${f(r.fixed.p50)} | ${f(r.fixed.p99)} | ${r.max.non2xx + r.fixed.non2xx}/${r.max.errors + r.fixed.errors} |`,
    );
  }
  console.log("");
  const median = startup[Math.floor(startup.length / 2)];
  console.log(
    `start-up of an empty store (spawn to start-up line), ${startup.length} runs: min ${f(startup[0])} / median ${f(median)} / max ${f(startup.at(-1))} ms (target < 300 ms: ${median < 300 ? "met" : "NOT met"})`,
  );
  const goals = { "validate-API-key": 20, "fetch-user": 40 };
  for (const scenario of scenarios) {
    const e = rows.find((r) => r.scenario === scenario.name && r.target === "emulator");
    const p = rows.find((r) => r.scenario === scenario.name && r.target === "prism");
    if (!p) continue;
    const ratio = e.max.rps / p.max.rps;
    console.log(
      `${scenario.name}: emulator/prism throughput ${ratio.toFixed(1)}x (target >= ${goals[scenario.name]}x: ${ratio >= goals[scenario.name] ? "met" : "NOT met"}); ` +
        `emulator p99 at ${RATE} req/s ${f(e.fixed.p99)} ms (target < 2 ms: ${e.fixed.p99 < 2 ? "met" : "NOT met"})`,
    );
  }
} finally {
  stopAll();
  rmSync(dataDir, { recursive: true, force: true });
}
