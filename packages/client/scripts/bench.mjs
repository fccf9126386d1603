#!/usr/bin/env node
// Per-call cost of the client against raw fetch, bare openapi-fetch and the official SDK
// (`getApis(...).fetchUserMetadataByEmail` of @propelauth/node-apis), all fetching the same user
// by email:
//   1. on a stubbed fetch, openapi-fetch's own method: every call gets a new JSON Response,
//      resolved on the next tick, so what is measured is the client's own work;
//   2. against a loopback HTTP server in another process (one request at a time).
// Candidates run in interleaved rounds; the median round is reported, as ops/s with ratios.
// Run: pnpm --filter @propelauth-openapi/client build && pnpm --filter @propelauth-openapi/client bench
// Options: --rounds=N --stub-calls=N --loopback-calls=N --only=stub|loopback
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};
const ROUNDS = Number(arg("rounds", 7));
const STUB_CALLS = Number(arg("stub-calls", 20_000));
const LOOPBACK_CALLS = Number(arg("loopback-calls", 3_000));
const ONLY = arg("only", "");

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

/** Runs each candidate `calls` times per round, rounds interleaved; returns the median ops/s of each. */
async function compare(title, candidates, calls) {
  for (const fn of Object.values(candidates)) for (let i = 0; i < Math.min(2000, calls); i++) await fn(); // warm-up
  const samples = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(candidates)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < calls; i++) await fn();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      samples[name].push(calls / seconds);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const ops = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  const raw = ops["raw fetch"];
  const sdk = ops["official SDK (getApis().fetchUserMetadataByEmail)"];
  console.log(`\n${title} (${calls} calls x ${ROUNDS} rounds, median round)`);
  console.table(
    Object.fromEntries(
      Object.entries(ops).map(([name, value]) => [
        name,
        {
          "ops/s": Math.round(value),
          "µs/call": Number((1e6 / value).toFixed(1)),
          "time vs raw fetch": `${(raw / value).toFixed(3)}x`,
          "ops/s vs official SDK": sdk ? `${(value / sdk).toFixed(2)}x` : "",
        },
      ]),
    ),
  );
  return ops;
}

/** The same user for everyone, on the next tick, as openapi-fetch's own benchmark stubs fetch. */
const stubFetch = () =>
  new Promise((resolve) => process.nextTick(() => resolve(new Response(BODY, { headers: { "content-type": "application/json" } }))));

async function stubbed() {
  const realFetch = globalThis.fetch;
  globalThis.fetch = stubFetch; // the SDK calls the global fetch
  try {
    const url = `https://auth.example.com${PATH}?email=${encodeURIComponent(EMAIL)}`;
    const ours = client.createClient({ authUrl: "https://auth.example.com", apiKey: KEY, fetch: stubFetch });
    const small = client.createOperationClient({ authUrl: "https://auth.example.com", apiKey: KEY, fetch: stubFetch });
    const noTimeout = client.createOperationClient({ authUrl: "https://auth.example.com", apiKey: KEY, fetch: stubFetch, timeout: 0 });
    const bare = createFetchClient({ baseUrl: "https://auth.example.com", fetch: stubFetch, headers: { authorization: `Bearer ${KEY}` } });
    const sdk = getApis(new URL("https://auth.example.com"), KEY);
    return await compare(
      "Stubbed fetch (a new Response per call, on the next tick)",
      {
        "raw fetch": () => stubFetch(url, { headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.json()),
        "openapi-fetch 0.17.0, bare": () => bare.GET(PATH, { params: { query: { email: EMAIL } } }),
        "this client: fetchUserByEmail()": () => client.fetchUserByEmail(ours, { query: { email: EMAIL } }),
        "this client: createOperationClient + fetchUserByEmail()": () => client.fetchUserByEmail(small, { query: { email: EMAIL } }),
        "this client: fetchUserByEmail(), timeout: 0": () => client.fetchUserByEmail(noTimeout, { query: { email: EMAIL } }),
        "this client: client.GET()": () => ours.GET(PATH, { params: { query: { email: EMAIL } } }),
        "official SDK (getApis().fetchUserMetadataByEmail)": () => sdk.fetchUserMetadataByEmail(EMAIL),
      },
      STUB_CALLS,
    );
  } finally {
    globalThis.fetch = realFetch;
  }
}

async function loopback() {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (d) => resolve(String(d).trim()));
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const realFetch = globalThis.fetch;
  // The SDK always calls https://propelauth-api.com: send that to the loopback server instead.
  globalThis.fetch = (input, init) => realFetch(String(input).replace("https://propelauth-api.com", base), init);
  try {
    const url = `${base}${PATH}?email=${encodeURIComponent(EMAIL)}`;
    const ours = client.createClient({ authUrl: base, apiKey: KEY, fetch: realFetch });
    const noTimeout = client.createClient({ authUrl: base, apiKey: KEY, fetch: realFetch, timeout: 0 });
    const bare = createFetchClient({ baseUrl: base, fetch: realFetch, headers: { authorization: `Bearer ${KEY}` } });
    const sdk = getApis(new URL(base), KEY);
    return await compare(
      `Loopback HTTP server in another process (${runtime}, keep-alive)`,
      {
        "raw fetch": () => realFetch(url, { headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.json()),
        "raw fetch with a timeout signal (AbortController + setTimeout)": () => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 60_000);
          return realFetch(url, { headers: { authorization: `Bearer ${KEY}` }, signal: controller.signal })
            .then((r) => r.json())
            .finally(() => clearTimeout(timer));
        },
        "openapi-fetch 0.17.0, bare": () => bare.GET(PATH, { params: { query: { email: EMAIL } } }),
        "this client: fetchUserByEmail()": () => client.fetchUserByEmail(ours, { query: { email: EMAIL } }),
        "this client: fetchUserByEmail(), timeout: 0": () => client.fetchUserByEmail(noTimeout, { query: { email: EMAIL } }),
        "this client: client.GET()": () => ours.GET(PATH, { params: { query: { email: EMAIL } } }),
        "official SDK (getApis().fetchUserMetadataByEmail)": () => sdk.fetchUserMetadataByEmail(EMAIL),
      },
      LOOPBACK_CALLS,
    );
  } finally {
    globalThis.fetch = realFetch;
    child.kill();
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

const runtime = globalThis.Bun ? `Bun ${globalThis.Bun.version}` : `Node ${process.version}`;
console.log(`${runtime} on ${process.platform}-${process.arch}; ${ROUNDS} rounds per comparison`);
if (ONLY !== "loopback") await stubbed();
if (ONLY !== "stub") await loopback();
