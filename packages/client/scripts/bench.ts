// Per-call cost of the client against raw fetch, bare openapi-fetch and the official SDK
// (`getApis(...).fetchUserMetadataByEmail` of @propelauth/node-apis), all fetching the same user
// by email, one call at a time:
//   1. on a stubbed fetch, openapi-fetch's own method: every call gets a new JSON Response,
//      resolved on the next tick, so what is measured is the client's own work. "Stubbed fetch
//      alone" calls the stub without reading the body: no client can be faster than that row;
//   2. against a loopback HTTP server in another process: the server and this process are pinned
//      to different cores (taskset, where there is one and two cores), and each round's time is
//      divided by raw fetch's time in the same round;
//   3. with --instructions, the loopback calls of raw fetch, the client and the SDK counted in CPU
//      instructions under valgrind's callgrind, which don't depend on what else the machine does,
//      where seconds do.
// Run: pnpm --filter @propelauth-openapi/client build && tsx packages/client/scripts/bench.ts
// Options: --rounds=N --stub-calls=N --loopback-calls=N --only=stub|loopback --instructions
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { paths } from "../src/generated/schema.js";

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string | number): string => {
  const found = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) || "true" : String(fallback);
};
const ROUNDS = Number(arg("rounds", 9));
const STUB_CALLS = Number(arg("stub-calls", 20_000));
const LOOPBACK_CALLS = Number(arg("loopback-calls", 300));
const ONLY = arg("only", "");
const CHILD = arg("child", ""); // internal: run one loopback candidate, for --instructions

const RAW = "raw fetch";
const SDK = "official SDK (getApis().fetchUserMetadataByEmail)";
const ABORTABLE = "raw fetch + AbortController timeout (what the client adds after a timeout)";
const client = await import(pathToFileURL(join(here, "../dist/index.js")).href);
const { default: createFetchClient } = await import("openapi-fetch");
const { getApis } = await import("@propelauth/node-apis");

const USER = {
  user_id: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a",
  email: "ada@example.com",
  email_confirmed: true,
  has_password: true,
  username: "ada",
  first_name: "Ada",
  last_name: "Lovelace",
  picture_url: "https://img.propelauth.com/2a27d237-db8c-4f82-84fb-5824dfaedc87.png",
  properties: { favorite_language: "Rust" },
  metadata: null,
  locked: false,
  enabled: true,
  mfa_enabled: false,
  can_create_orgs: true,
  created_at: 1712234567,
  last_active_at: 1714829153,
  update_password_required: false,
};
const BODY = JSON.stringify(USER);
const KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";
const EMAIL = "ada@example.com";
const PATH = "/api/backend/v1/user/email";

/** Candidates by name: one call each. */
type Candidates = Record<string, () => Promise<unknown>>;

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const quantile = (list: number[], q: number): number => [...list].sort((a, b) => a - b)[Math.round((list.length - 1) * q)]!;
/** Each round runs the candidates in a different order, so none always runs first (or just after a GC). */
const rotated = <T>(list: T[], n: number): T[] => [...list.slice(n % list.length), ...list.slice(0, n % list.length)];

/**
 * Warms every candidate up, then runs each `calls` times per round, every candidate in every
 * round in rotated order. Returns, per candidate, its µs per call in each round (same index, same round).
 */
async function timeRounds(candidates: Candidates, calls: number, warmup: number): Promise<Record<string, number[]>> {
  for (const fn of Object.values(candidates)) for (let i = 0; i < warmup; i++) await fn();
  const perCall: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of rotated(Object.entries(candidates), round)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < calls; i++) await fn();
      perCall[name]![round] = Number(process.hrtime.bigint() - start) / 1e3 / calls;
    }
  }
  return perCall;
}

/** The median round of each candidate, as ops/s; returns them. */
async function compare(title: string, candidates: Candidates, calls: number): Promise<Record<string, number>> {
  const perCall = await timeRounds(candidates, calls, Math.min(2000, calls));
  const ops = Object.fromEntries(Object.entries(perCall).map(([k, v]) => [k, median(v.map((us) => 1e6 / us))]));
  const raw = ops[RAW]!;
  const sdk = ops[SDK]!;
  console.log(`\n${title} (${calls} calls x ${ROUNDS} rounds, median round)`);
  console.table(
    Object.fromEntries(
      Object.entries(ops).map(([name, value]) => [
        name,
        {
          "ops/s": Math.round(value),
          "µs/call": Number((1e6 / value).toFixed(2)),
          "time vs raw fetch": `${(raw / value).toFixed(3)}x`,
          "ops/s vs official SDK": `${(value / sdk).toFixed(2)}x`,
        },
      ]),
    ),
  );
  return ops;
}

/**
 * For the loopback server, where one call is mostly the runtime's HTTP stack and the machine's
 * noise is as large as the differences measured: short batches, every candidate in every round
 * in rotated order, and per round the ratio of each candidate's time to raw fetch's in that same
 * round. Reports the median ratio with its interquartile range; "raw fetch, again" is the A/A
 * control, whose spread is the noise floor.
 */
async function compareRatios(title: string, candidates: Candidates, calls: number): Promise<void> {
  const perCall = await timeRounds(candidates, calls, 500);
  const raw = perCall[RAW]!;
  const ratios = Object.fromEntries(Object.entries(perCall).map(([k, v]) => [k, v.map((us, round) => us / raw[round]!)]));
  const sdk = median(perCall[SDK]!);
  console.log(`\n${title} (${ROUNDS} rounds of ${calls} calls each, per-round ratios)`);
  console.table(
    Object.fromEntries(
      Object.keys(candidates).map((name) => {
        const times = perCall[name]!;
        const ratio = ratios[name]!;
        return [
          name,
          {
            "ops/s": Math.round(1e6 / median(times)),
            "µs/call": Number(median(times).toFixed(1)),
            "time vs raw fetch": `${median(ratio).toFixed(3)}x`,
            "middle half of rounds": `${quantile(ratio, 0.25).toFixed(3)}-${quantile(ratio, 0.75).toFixed(3)}x`,
            "ops/s vs official SDK": `${(sdk / median(times)).toFixed(2)}x`,
          },
        ];
      }),
    ),
  );
}

/** The same user for everyone, on the next tick, as openapi-fetch's own benchmark stubs fetch. */
const stubFetch = (_input?: string | URL | Request, _init?: RequestInit): Promise<Response> =>
  new Promise((resolve) => process.nextTick(() => resolve(new Response(BODY, { headers: { "content-type": "application/json" } }))));

async function stubbed(): Promise<void> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = stubFetch as typeof fetch; // the SDK calls the global fetch
  try {
    const url = `https://auth.example.com${PATH}?email=${encodeURIComponent(EMAIL)}`;
    const ours = client.createClient({ authUrl: "https://auth.example.com", apiKey: KEY, fetch: stubFetch });
    const small = client.createOperationClient({ authUrl: "https://auth.example.com", apiKey: KEY, fetch: stubFetch });
    const noTimeout = client.createOperationClient({
      authUrl: "https://auth.example.com",
      apiKey: KEY,
      fetch: stubFetch,
      timeout: 0,
      deadline: 0,
    });
    const bare = createFetchClient<paths>({
      baseUrl: "https://auth.example.com",
      fetch: stubFetch,
      headers: { authorization: `Bearer ${KEY}` },
    });
    const sdk = getApis(new URL("https://auth.example.com"), KEY);
    const ops = await compare(
      "Stubbed fetch (a new Response per call, on the next tick)",
      {
        "stubbed fetch alone, body not read (the ceiling)": () => stubFetch(url, { headers: { authorization: `Bearer ${KEY}` } }),
        [RAW]: () => stubFetch(url, { headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.json()),
        "openapi-fetch 0.17.0, bare": () => bare.GET(PATH, { params: { query: { email: EMAIL } } }),
        "this client: fetchUserByEmail()": () => client.fetchUserByEmail(ours, { query: { email: EMAIL } }),
        "this client: createOperationClient + fetchUserByEmail()": () => client.fetchUserByEmail(small, { query: { email: EMAIL } }),
        "this client: fetchUserByEmail(), timeout: 0, deadline: 0": () => client.fetchUserByEmail(noTimeout, { query: { email: EMAIL } }),
        "this client: client.GET()": () => ours.GET(PATH, { params: { query: { email: EMAIL } } }),
        [SDK]: () => sdk.fetchUserMetadataByEmail(EMAIL),
      },
      STUB_CALLS,
    );
    // The client's own cost per call against the SDK's, each above raw fetch's: the target is <= 0.25.
    const us = (name: string) => 1e6 / ops[name]!;
    for (const name of [
      "this client: fetchUserByEmail()",
      "this client: createOperationClient + fetchUserByEmail()",
      "this client: client.GET()",
    ]) {
      const share = (us(name) - us(RAW)) / (us(SDK) - us(RAW));
      console.log(`(${name} - raw fetch) / (official SDK - raw fetch), µs per call: ${share.toFixed(3)}`);
    }
    const sdkOps = ops[SDK]!;
    const ceiling = ops["stubbed fetch alone, body not read (the ceiling)"]! / sdkOps;
    console.log(
      `No client can pass ${ceiling.toFixed(2)}x the official SDK's ops/s on this stub (its own Response costs that much);` +
        ` raw fetch + json() reaches ${(ops[RAW]! / sdkOps).toFixed(2)}x, this client ${(ops["this client: fetchUserByEmail()"]! / sdkOps).toFixed(2)}x.`,
    );
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** The loopback candidates, by name; `base` is the server's origin. */
function loopbackCandidates(base: string, realFetch: typeof fetch): Candidates {
  const url = `${base}${PATH}?email=${encodeURIComponent(EMAIL)}`;
  const ours = client.createClient({ authUrl: base, apiKey: KEY, fetch: realFetch });
  const noTimeout = client.createClient({ authUrl: base, apiKey: KEY, fetch: realFetch, timeout: 0, deadline: 0 });
  const bare = createFetchClient<paths>({ baseUrl: base, fetch: realFetch, headers: { authorization: `Bearer ${KEY}` } });
  const sdk = getApis(new URL(base), KEY);
  const rawFetch = () => realFetch(url, { headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.json());
  return {
    [RAW]: rawFetch,
    "raw fetch, again (A/A control: the noise floor)": rawFetch,
    [ABORTABLE]: () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      return realFetch(url, { headers: { authorization: `Bearer ${KEY}` }, signal: controller.signal })
        .then((r) => r.json())
        .finally(() => clearTimeout(timer));
    },
    "openapi-fetch 0.17.0, bare": () => bare.GET(PATH, { params: { query: { email: EMAIL } } }),
    "this client: fetchUserByEmail()": () => client.fetchUserByEmail(ours, { query: { email: EMAIL } }),
    "this client: fetchUserByEmail(), timeout: 0, deadline: 0": () => client.fetchUserByEmail(noTimeout, { query: { email: EMAIL } }),
    "this client: client.GET()": () => ours.GET(PATH, { params: { query: { email: EMAIL } } }),
    [SDK]: () => sdk.fetchUserMetadataByEmail(EMAIL),
  };
}

/** The SDK always calls https://propelauth-api.com: a global fetch that sends that to `base` instead. */
function redirectSdk(base: string): typeof fetch {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) =>
    realFetch(String(input).replace("https://propelauth-api.com", base), init);
  return realFetch;
}

/** `taskset -c <cpu> …` where that works, so the server and the measuring process don't share a core. */
const pinnable = availableParallelism() >= 2 && spawnSync("taskset", ["-c", "0", "true"]).status === 0;
const pinned = (cpu: number, command: string, args: string[]): [string, string[]] =>
  pinnable ? ["taskset", ["-c", String(cpu), command, ...args]] : [command, args];

async function startServer(): Promise<{ base: string; stop: () => void }> {
  const [command, args] = pinned(1, process.execPath, ["-e", SERVER]);
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (d) => resolve(String(d).trim()));
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function loopback(): Promise<void> {
  const server = await startServer();
  if (pinnable) spawnSync("taskset", ["-p", "-c", "0", String(process.pid)], { stdio: "ignore" });
  const realFetch = redirectSdk(server.base);
  try {
    await compareRatios(
      `Loopback HTTP server in another process (${runtime}, keep-alive, ${pinnable ? "server and client on cores 1 and 0" : "not pinned to cores"})`,
      loopbackCandidates(server.base, realFetch),
      LOOPBACK_CALLS,
    );
  } finally {
    globalThis.fetch = realFetch;
    server.stop();
  }
}

/**
 * CPU instructions per call, counted by callgrind: each candidate runs in its own process, once
 * with WARM calls and once with WARM + WINDOW, and the difference is divided by WINDOW, which leaves
 * out start-up and warm-up (V8 is still compiling the client's code well after the 1,000th call).
 * V8 runs single-threaded, so that compilation and GC are counted too, with fixed seeds. A late
 * recompilation or major GC costs tens of millions of instructions: over a 3,000-call window that
 * moved raw fetch itself by up to 25 % from run to run; over 10,000 calls it is diluted.
 */
const WARM = 3000;
const WINDOW = 10_000;
async function instructions(): Promise<void> {
  if (spawnSync("valgrind", ["--version"]).status !== 0) throw new Error("--instructions needs valgrind (apt-get install valgrind)");
  const server = await startServer();
  const count = (name: string, calls: number) =>
    new Promise<number>((resolve, reject) => {
      const args = ["--tool=callgrind", "--callgrind-out-file=/dev/null", "--smc-check=all", process.execPath, "--single-threaded"];
      args.push("--hash-seed=1", "--random-seed=1");
      // This script again, run the way it was run (tsx's loader, or a runtime's own TypeScript support).
      args.push(...process.execArgv, fileURLToPath(import.meta.url), `--child=${name}`, `--calls=${calls}`, `--base=${server.base}`);
      const child = spawn("valgrind", args, { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.once("exit", (code) => {
        const found = /Collected : (\d+)/.exec(err);
        if (code === 0 && found) resolve(Number(found[1]));
        else reject(new Error(`callgrind run of ${name} failed (${code}):\n${err.slice(-2000)}`));
      });
    });
  try {
    const names = Object.keys(loopbackCandidates(server.base, fetch)).filter((n) => !/A\/A|openapi-fetch|GET\(\)|timeout: 0/.test(n));
    const perCall: Record<string, number> = {};
    // Two at a time: instruction counts don't depend on what else runs.
    for (let i = 0; i < names.length; i += 2) {
      await Promise.all(
        names.slice(i, i + 2).map(async (name) => {
          const [few, many] = await Promise.all([count(name, WARM), count(name, WARM + WINDOW)]);
          perCall[name] = (many - few) / WINDOW;
        }),
      );
    }
    console.log(`\nLoopback, CPU instructions per call (${runtime}, callgrind, calls ${WARM + 1}-${WARM + WINDOW})`);
    console.table(
      Object.fromEntries(
        names.map((name) => [
          name,
          {
            "instructions/call": Math.round(perCall[name]!),
            "vs raw fetch": `${(perCall[name]! / perCall[RAW]!).toFixed(3)}x`,
            "vs raw fetch + AbortController timeout": `${(perCall[name]! / perCall[ABORTABLE]!).toFixed(3)}x`,
          },
        ]),
      ),
    );
  } finally {
    server.stop();
  }
}

const SERVER = `
const body = ${JSON.stringify(BODY)};
const server = require("node:http").createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body));
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

const { Bun } = globalThis as { Bun?: { version: string } };
const runtime = Bun ? `Bun ${Bun.version}` : `Node ${process.version}`;
if (CHILD) {
  const base = arg("base", "");
  const call = loopbackCandidates(base, redirectSdk(base))[CHILD];
  if (!call) throw new Error(`no candidate named ${CHILD}`);
  for (let i = 0, n = Number(arg("calls", 0)); i < n; i++) await call();
} else {
  console.log(`${runtime} on ${process.platform}-${process.arch}; ${ROUNDS} rounds per comparison`);
  if (arg("instructions", "")) await instructions();
  else {
    if (ONLY !== "loopback") await stubbed();
    if (ONLY !== "stub") await loopback();
  }
}
