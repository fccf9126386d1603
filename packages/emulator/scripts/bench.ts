// Benchmark: requests/s and p50/p99 latency of Validate API Key and Fetch User by id, on the
// emulator and on a Prism mock of the same document, side by side, from a loopback load generator.
// Two phases per target and operation: as fast as possible at a fixed concurrency (autocannon),
// then an open-loop fixed rate of 1,000 requests/s (node:http, evenly spaced). Besides wall-clock
// figures, which move with the machine's load, it reports each server's own CPU time per request
// (user + system time of its processes, from /proc on Linux), which the load moves much less, and
// the load average before and after. Run `pnpm build` first; then `pnpm bench`.
// The max-throughput runs alternate between the servers BENCH_ROUNDS times; ratios are the
// median of each round's. Before each run the benchmark waits until every server is idle (a server
// still busy with the last run's backlog or garbage would take the cores from the next run) and
// collects its own garbage. A bare node:http server sending the emulator's own answers runs beside
// them as a reference: the floor of Node's HTTP cost on the machine.
//   BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 32), BENCH_RATE (default 1000), BENCH_STARTS (default 7),
//   BENCH_ROUNDS (default 3), BENCH_ONLY (one server's name), BENCH_BASELINE (the cli.js of another
//   emulator build, measured beside this one), BENCH_TRACE=1 (phase starts and slow fixed-rate answers, with times)
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
/** The run whose `key` is the median of the runs'. */
const medianBy = <T extends Record<K, number>, K extends string>(runs: T[], key: K): T =>
  [...runs].sort((a, b) => a[key] - b[key])[Math.floor(runs.length / 2)] as T;
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const children: ChildProcess[] = [];
const trace = process.env.BENCH_TRACE ? (line: string) => process.stderr.write(`${line}\n`) : () => {};
// The load generator's own garbage collection, run between phases rather than in one.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

interface Target {
  name: string;
  url: string;
  pid: number | undefined;
  key: string;
  userId: string;
  token: string;
}

interface Scenario {
  name: "validate-API-key" | "fetch-user";
  method: "GET" | "POST";
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
}

interface Result {
  rps: number;
  p50: number | undefined;
  p99: number | undefined;
  errors: number;
  non2xx: number;
  total: number;
}

type Measured = Result & { serverCpu: number | undefined; clientCpu: number };

/** Clock ticks per second of /proc's CPU times. */
const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/** utime + stime and parent of a process, from /proc/<pid>/stat; undefined when it is gone. */
function statOf(pid: number | string): { ppid: number; ticks: number } | undefined {
  try {
    const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** CPU milliseconds used so far by a process and its live descendants (Linux; undefined elsewhere). */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  if (!existsSync(`/proc/${pid}/stat`)) return undefined;
  const stats = new Map<number, ReturnType<typeof statOf>>();
  for (const name of readdirSync("/proc")) if (/^\d+$/.test(name)) stats.set(Number(name), statOf(name));
  let ticks = 0;
  for (const [id, stat] of stats) {
    for (let at: number | undefined = id, hops = 0; stat && at && hops < 64; at = stats.get(at)?.ppid, hops++) {
      if (at === pid) {
        ticks += stat.ticks;
        break;
      }
    }
  }
  return (ticks * 1000) / TICKS;
}

/**
 * Waits (at most 5 s) until every server used at most one clock tick of CPU in 200 ms: the last
 * run's backlog and garbage collection are over before the next run starts.
 */
async function settle(): Promise<void> {
  const pids = children.filter((c) => c.exitCode === null).map((c) => c.pid);
  const deadline = Date.now() + 5000;
  let before = pids.map(cpuMs);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = pids.map(cpuMs);
    const busy = now.some((ms, i) => ms !== undefined && before[i] !== undefined && ms - (before[i] as number) > 1000 / TICKS);
    if (!busy) return;
    before = now;
  }
  trace(`settle ${Date.now()} gave up after 5 s`);
}

const load1 = (): string => (loadavg()[0] ?? 0).toFixed(1);

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

function waitForLine<T>(child: ChildProcess, test: (line: string) => T | undefined, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 60 s`)), 60_000);
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
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

interface Started {
  url: string;
  keys: Record<string, string>;
  child: ChildProcess;
}

const OWN_CLI = here("../dist/cli.js");

async function startEmulator(dataDir: string, file = "bench.sqlite", cli = OWN_CLI): Promise<Started> {
  const child = spawn(process.execPath, [cli, "--port", "0", "--json", "--data", join(dataDir, file)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const info = await waitForLine(
    child,
    (line) => (line.startsWith("{") ? (JSON.parse(line) as Omit<Started, "child">) : undefined),
    "the emulator",
  );
  return { ...info, child };
}

/**
 * Start-up of the CLI on a new, empty data file, `runs` times: milliseconds from the spawn to its
 * start-up line, the CPU milliseconds it used by then, and milliseconds from the spawn to the
 * answer of a first API request (Fetch User, sent at once after the line), each sorted.
 */
async function startupTimes(dataDir: string, runs: number, cli = OWN_CLI) {
  const line: number[] = [];
  const cpu: (number | undefined)[] = [];
  const first: number[] = [];
  const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const started = await startEmulator(dataDir, `startup-${crypto.randomUUID()}.sqlite`, cli);
    line.push(since(t0));
    cpu.push(cpuMs(started.child.pid));
    const res = await fetch(`${started.url}/api/backend/v1/user/${crypto.randomUUID()}`, {
      headers: { authorization: `Bearer ${started.keys["full-access"] ?? ""}` },
    });
    await res.arrayBuffer();
    first.push(since(t0));
    if (res.status !== 404) throw new Error(`the first request answered ${res.status}, not 404`);
    started.child.kill("SIGTERM");
    await new Promise<void>((resolve) => (started.child.exitCode === null ? started.child.once("exit", () => resolve()) : resolve()));
  }
  const sorted = (list: (number | undefined)[]): number[] => list.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  return { line: sorted(line), cpu: sorted(cpu), first: sorted(first) };
}

async function startPrism(): Promise<{ url: string; pid: number | undefined }> {
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
  return { url: `http://127.0.0.1:${port}`, pid: child.pid };
}

// biome-ignore lint/suspicious/noExplicitAny: the answers are read by key, as the API sends them
async function call(base: string, key: string, method: string, path: string, body?: unknown): Promise<any> {
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
function fixedRate(target: Target, scenario: Scenario, rate: number, seconds: number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(`${target.url}${scenario.path(target)}`);
  const body = scenario.body ? JSON.stringify(scenario.body(target)) : undefined;
  const headers: Record<string, string> = { authorization: `Bearer ${target.key}`, "content-type": "application/json" };
  if (body) headers["content-length"] = String(Buffer.byteLength(body));
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let sent = 0;
  let done = 0;
  let errors = 0;
  let non2xx = 0;
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      latencies.sort((a, b) => a - b);
      const pct = (p: number): number | undefined => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      resolve({ rps: done / elapsed, p50: pct(50), p99: pct(99), errors, non2xx, total: done });
    };
    const fire = () => {
      const t0 = process.hrtime.bigint();
      const req = request(url, { method: scenario.method, headers, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          latencies.push(ms);
          if (ms > 5) trace(`slow ${Date.now()} ${ms.toFixed(1)} ${target.name} ${scenario.name}`);
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) non2xx++;
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

/** A load phase, with the server's CPU time per request (µs) and the load generator's own. */
async function load(target: Target, scenario: Scenario, rate?: number): Promise<Measured> {
  await settle();
  collectGarbage();
  trace(`phase ${Date.now()} ${target.name} ${scenario.name} ${rate ?? "max"}`);
  const server0 = cpuMs(target.pid);
  const client0 = process.cpuUsage();
  const result = await phase(target, scenario, rate);
  const server1 = cpuMs(target.pid);
  const client = process.cpuUsage(client0);
  const perRequest = (ms: number): number => (ms * 1000) / Math.max(1, result.total);
  return {
    ...result,
    serverCpu: server0 === undefined || server1 === undefined ? undefined : perRequest(server1 - server0),
    clientCpu: perRequest((client.user + client.system) / 1000),
  };
}

async function phase(target: Target, scenario: Scenario, rate?: number): Promise<Result> {
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

const api = "/api/backend/v1";
const scenarios: Scenario[] = [
  {
    name: "validate-API-key",
    method: "POST",
    path: () => `${api}/end_user_api_keys/validate`,
    body: (t) => ({ api_key_token: t.token }),
  },
  { name: "fetch-user", method: "GET", path: (t) => `${api}/user/${t.userId}?include_orgs=true` },
];

/** An emulator with a user in an organization and the user's API key, as a target. */
async function emulatorTarget(name: string, dataDir: string, cli?: string): Promise<Target> {
  const emu = await startEmulator(dataDir, `${name}.sqlite`, cli);
  const key = emu.keys["full-access"];
  if (!key) throw new Error(`${name} printed no full-access key`);
  const { user_id } = await call(emu.url, key, "POST", `${api}/user/`, { email: "bench@example.com", first_name: "Bench" });
  const { org_id } = await call(emu.url, key, "POST", `${api}/org/`, { name: "Bench Org" });
  await call(emu.url, key, "POST", `${api}/org/add_user`, { user_id, org_id, role: "Admin" });
  const created = await call(emu.url, key, "POST", `${api}/end_user_api_keys`, { user_id, org_id });
  return { name, url: emu.url, pid: emu.child.pid, key, userId: user_id, token: created.api_key_token };
}

// The floor: node:http reading each request and sending the emulator's own answer, unchanged.
const BARE_SERVER = `
const answers = JSON.parse(process.env.BENCH_ANSWERS);
require("node:http").createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    const a = answers[req.method + " " + req.url];
    res.writeHead(a.status, { "content-type": "application/json", "content-length": Buffer.byteLength(a.body), "x-request-id": "req_1_bench" }).end(a.body);
  });
}).listen(0, "127.0.0.1", function () { console.log(JSON.stringify({ port: this.address().port })); });`;

/** A bare node:http server answering each scenario's request with `emu`'s answer to it. */
async function bareTarget(emu: Target): Promise<Target> {
  const answers: Record<string, { status: number; body: string }> = {};
  for (const scenario of scenarios) {
    const body = scenario.body ? JSON.stringify(scenario.body(emu)) : undefined;
    const res = await fetch(`${emu.url}${scenario.path(emu)}`, {
      method: scenario.method,
      headers: { authorization: `Bearer ${emu.key}`, "content-type": "application/json" },
      body,
    });
    answers[`${scenario.method} ${scenario.path(emu)}`] = { status: res.status, body: await res.text() };
  }
  const child = spawn(process.execPath, ["-e", BARE_SERVER], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, BENCH_ANSWERS: JSON.stringify(answers) },
  });
  children.push(child);
  const { port } = await waitForLine(
    child,
    (line) => (line.startsWith("{") ? (JSON.parse(line) as { port: number }) : undefined),
    "the bare server",
  );
  return { ...emu, name: "node:http", url: `http://127.0.0.1:${port}`, pid: child.pid };
}

const dataDir = mkdtempSync(join(tmpdir(), "propelauth-emulator-bench-"));
try {
  const loadBefore = load1();
  const only = process.env.BENCH_ONLY;
  const baselineCli = process.env.BENCH_BASELINE;
  const starts = Number(process.env.BENCH_STARTS ?? 7);
  const builds: [string, string][] = [["emulator", OWN_CLI], ...(baselineCli ? [["baseline", baselineCli] as [string, string]] : [])];
  const startups = builds.map(([name]) => ({ name, times: { line: [] as number[], cpu: [] as number[], first: [] as number[] } }));
  // Start-up runs alternate between the builds.
  for (let i = 0; i < starts; i++) {
    for (const [b, [, cli]] of builds.entries()) {
      const times = await startupTimes(dataDir, 1, cli);
      for (const k of ["line", "cpu", "first"] as const) startups[b]?.times[k].push(...times[k]);
    }
  }
  for (const { times } of startups) for (const list of Object.values(times)) list.sort((a, b) => a - b);

  const emulator = await emulatorTarget("emulator", dataDir);
  const allTargets: Target[] = [emulator];
  if (baselineCli) allTargets.push(await emulatorTarget("baseline", dataDir, baselineCli));
  if (!only || only === "node:http") allTargets.push(await bareTarget(emulator));
  if (!only || only === "prism") {
    const prism = await startPrism();
    allTargets.push({
      name: "prism",
      url: prism.url,
      pid: prism.pid,
      key: emulator.key,
      userId: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a",
      token: `${"85b90f382257db0ef057982725997fe1"}${"0".repeat(64)}`,
    });
  }
  // BENCH_ONLY=emulator measures the emulator alone (quick comparisons of emulator settings; no ratio then).
  const targets = allTargets.filter((t) => !only || t.name === only);
  // Max-throughput runs alternate between the targets, ROUNDS times: each round's ratio compares
  // runs next to each other in time, so a change in the machine's load moves both.
  const rows: { scenario: Scenario["name"]; target: string; max: Measured; all: Measured[]; fixed: Measured }[] = [];
  for (const scenario of scenarios) {
    for (const target of targets) await load(target, scenario); // warm-up run, not counted
    const runs = new Map<string, Measured[]>(targets.map((t) => [t.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const max = await load(target, scenario);
        runs.get(target.name)?.push(max);
        process.stderr.write(`${scenario.name} on ${target.name}, round ${round + 1}: ${Math.round(max.rps)} req/s\n`);
      }
    }
    for (const target of targets) {
      const fixed = await load(target, scenario, RATE);
      const all = runs.get(target.name) ?? [];
      rows.push({ scenario: scenario.name, target: target.name, max: medianBy(all, "rps"), all, fixed });
    }
  }

  const loadAfter = load1();
  const f = (n: number | undefined): string => (typeof n === "number" ? (Math.round(n * 100) / 100).toString() : "-");
  const us = (n: number | undefined): string => (typeof n === "number" ? n.toFixed(1) : "-");
  console.log(
    `\nNode ${process.version}, ${SECONDS} s per run, ${ROUNDS} rounds, ${CONNECTIONS} connections for max throughput, ${RATE} req/s fixed rate (open loop, evenly spaced); ` +
      `load average (1 min) ${loadBefore} before, ${loadAfter} after, on ${availableParallelism()} cores\n`,
  );
  console.log(
    `| operation | server | max req/s (rounds) | p50 ms | p99 ms | server CPU µs/req | client CPU µs/req | at ${RATE} req/s: p50 ms | p99 ms | server CPU µs/req | non-2xx/errors |`,
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.scenario} | ${r.target} | ${Math.round(r.max.rps)} (${r.all.map((run) => Math.round(run.rps)).join(" / ")}) | ${f(r.max.p50)} | ${f(r.max.p99)} | ${us(r.max.serverCpu)} | ${us(r.max.clientCpu)} | ` +
        `${f(r.fixed.p50)} | ${f(r.fixed.p99)} | ${us(r.fixed.serverCpu)} | ${r.max.non2xx + r.fixed.non2xx}/${r.max.errors + r.fixed.errors} |`,
    );
  }
  console.log("");
  const spread = (list: number[], unit: string): string =>
    `min ${f(list[0])} / median ${f(list[Math.floor(list.length / 2)])} / max ${f(list.at(-1))} ${unit}`;
  for (const { name, times } of startups) {
    const lineMedian = median(times.line);
    console.log(
      `start-up of an empty store (${name}), ${times.line.length} runs: spawn to start-up line ${spread(times.line, "ms")} (target < 300 ms: ${lineMedian < 300 ? "met" : "NOT met"}); ` +
        `CPU used by then ${spread(times.cpu, "ms")}; spawn to the answer of a first request ${spread(times.first, "ms")}`,
    );
  }
  const goals = { "validate-API-key": 20, "fetch-user": 40 };
  for (const [scenario, name] of scenarios.flatMap((sc) =>
    allTargets.filter((t) => t.name !== "prism").map((t) => [sc, t.name] as const),
  )) {
    const e = rows.find((r) => r.scenario === scenario.name && r.target === name);
    const p = rows.find((r) => r.scenario === scenario.name && r.target === "prism");
    if (!e || !p) continue;
    const ratios = e.all.map((run, i) => run.rps / (p.all[i]?.rps ?? Number.NaN));
    const ratio = median(ratios);
    const cpuRatios = e.all.map((run, i) => (p.all[i]?.serverCpu ?? Number.NaN) / (run.serverCpu ?? Number.NaN)).filter(Number.isFinite);
    const cpuRatio = cpuRatios.length ? `${median(cpuRatios).toFixed(1)}x (rounds ${cpuRatios.map((r) => r.toFixed(1)).join(" / ")})` : "-";
    // The targets are the emulator's; the other builds and the bare server are references.
    const verdict = (met: boolean) => (name === "emulator" ? `; target: ${met ? "met" : "NOT met"}` : "");
    console.log(
      `${scenario.name}: ${name}/prism throughput ${ratio.toFixed(1)}x, median of ${ratios.length} rounds (${ratios.map((r) => r.toFixed(1)).join(" / ")}${verdict(ratio >= goals[scenario.name])}); ` +
        `by server CPU per request ${cpuRatio}, ${us(e.max.serverCpu)} vs ${us(p.max.serverCpu)} µs (target >= ${goals[scenario.name]}x); ` +
        `${name} p99 at ${RATE} req/s ${f(e.fixed.p99)} ms (target < 2 ms${verdict((e.fixed.p99 ?? Number.POSITIVE_INFINITY) < 2)})`,
    );
  }
} finally {
  stopAll();
  rmSync(dataDir, { recursive: true, force: true });
}
