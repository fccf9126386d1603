// The command: reads the options, starts the emulator and prints where it is and its keys.
import { parseArgs } from "node:util";
import type { KeyKind } from "./config.js";
import { isLoopback } from "./http/local-only.js";
import type { EmulatorOptions } from "./options.js";
import { startEmulator } from "./server.js";

const HELP = `propelauth-emulator: a local, stateful PropelAuth Backend API

Options:
  --port <n>                 port (default 4010, or PROPELAUTH_EMULATOR_PORT; 0 picks a free one)
  --host <host>              interface (default 127.0.0.1, or PROPELAUTH_EMULATOR_HOST); off loopback no key is served over HTTP
  --expose-keys              serve the keys over HTTP (/__emulator/keys, /postman/environment.json) off loopback too
  --data <file>              SQLite file (default ./.propelauth-emulator/emulator.sqlite, or PROPELAUTH_EMULATOR_DATA)
  --memory                   keep everything in memory
  --reset                    delete the stored users, organizations and keys' data first (backend keys stay)
  --seed-examples            on an empty store, create the users, organizations, keys … the OpenAPI examples refer to
  --custom-permissions <ids> permissions of the Custom key, comma-separated (read-users,create-users)
  --api-key-rate-limit <n/s> rate limit of every end-user API key: n validations per s seconds (e.g. 100/60)
  --validate-responses       check every answer against the OpenAPI document (a mismatch becomes a 500)
  --orgs-disabled            answer 426 where the document says organizations are not enabled
  --access-tokens-disabled   answer 404 to Create Access Token
  --auth-url <url>           the Auth URL to announce and put in tokens (default http://<host>:<port>)
  --docs-dir <dir>           the docs site to serve at /docs/ (default: the installed @propelauth-openapi/docs)
  --postman-dir <dir>        the Postman files to serve at /postman/ (default: the installed @propelauth-openapi/postman)
  --body-limit <bytes>       largest request body (default 5242880, 5 MiB); a larger one is answered 413
  --durability full          fsync every commit (default: WAL, which survives a killed process)
  --json                     print the start-up information as one JSON line
  --log                      log every request to stderr
  --help`;

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    data: { type: "string" },
    memory: { type: "boolean" },
    reset: { type: "boolean" },
    "seed-examples": { type: "boolean" },
    "custom-permissions": { type: "string" },
    "api-key-rate-limit": { type: "string" },
    "validate-responses": { type: "boolean" },
    "orgs-disabled": { type: "boolean" },
    "access-tokens-disabled": { type: "boolean" },
    "auth-url": { type: "string" },
    "docs-dir": { type: "string" },
    "postman-dir": { type: "string" },
    "body-limit": { type: "string" },
    "expose-keys": { type: "boolean" },
    durability: { type: "string" },
    json: { type: "boolean" },
    log: { type: "boolean" },
    help: { type: "boolean" },
  },
  strict: true,
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const env = process.env;
const port = Number(values.port ?? env.PROPELAUTH_EMULATOR_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`propelauth-emulator: --port must be a port number, got ${values.port ?? env.PROPELAUTH_EMULATOR_PORT}`);
  process.exit(2);
}
const bodyLimit = values["body-limit"] === undefined ? undefined : Number(values["body-limit"]);
if (bodyLimit !== undefined && !(Number.isInteger(bodyLimit) && bodyLimit > 0)) {
  console.error(`propelauth-emulator: --body-limit must be a number of bytes, got ${values["body-limit"]}`);
  process.exit(2);
}
let apiKeyRateLimit: EmulatorOptions["apiKeyRateLimit"] = null;
if (values["api-key-rate-limit"]) {
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(values["api-key-rate-limit"]);
  if (!m) {
    console.error("propelauth-emulator: --api-key-rate-limit takes <validations>/<seconds>, such as 100/60");
    process.exit(2);
  }
  apiKeyRateLimit = { limit: Number(m[1]), windowSeconds: Number(m[2]) };
}

const emulator = await startEmulator({
  port,
  host: values.host ?? env.PROPELAUTH_EMULATOR_HOST ?? "127.0.0.1",
  dataFile: values.data ?? env.PROPELAUTH_EMULATOR_DATA,
  memory: values.memory,
  reset: values.reset,
  seed: values["seed-examples"] ? "examples" : undefined,
  customPermissions: values["custom-permissions"]
    ?.split(",")
    .map((p) => p.trim())
    .filter(Boolean),
  apiKeyRateLimit,
  validateResponses: values["validate-responses"],
  orgsEnabled: !values["orgs-disabled"],
  accessTokensEnabled: !values["access-tokens-disabled"],
  authUrl: values["auth-url"],
  docsDir: values["docs-dir"],
  postmanDir: values["postman-dir"],
  durability: values.durability === "full" ? "full" : "normal",
  bodyLimit,
  exposeKeys: values["expose-keys"],
  log: values.log,
}).catch((error: Error) => {
  console.error(`propelauth-emulator: could not start: ${error.message}`);
  process.exit(1);
});

const kinds: [KeyKind, string][] = [
  ["full-access", "Full Access"],
  ["read-and-validate", "Read and Validate"],
  ["validation-only", "Validation Only"],
  ["custom", "Custom"],
];

if (values.json) {
  console.log(
    JSON.stringify({
      url: emulator.url,
      auth_url: emulator.authUrl,
      data_file: emulator.dataFile,
      seeded: emulator.seeded,
      keys: Object.fromEntries(kinds.map(([kind]) => [kind, emulator.keys[kind].token])),
      custom_permissions: emulator.keys.custom.permissions,
    }),
  );
} else {
  const a = emulator.authUrl;
  const lines = [
    "PropelAuth Backend API emulator",
    "",
    `  Auth URL          ${a}`,
    `  OpenAPI document  ${a}/openapi.json`,
    `  Docs              ${emulator.docsDir ? `${a}/docs/` : "(not installed: @propelauth-openapi/docs)"}`,
    `  Postman           ${a}/postman/  (environment with this URL and key: ${a}/postman/environment.json)`,
    `  Test helpers      ${a}/__emulator/`,
    `  Data              ${emulator.dataFile === ":memory:" ? "in memory (nothing is kept)" : emulator.dataFile}`,
    ...(values["seed-examples"]
      ? [
          `  Seed              ${
            emulator.seeded
              ? `the document's examples: ${Object.entries(emulator.seeded)
                  .map(([table, n]) => `${n} ${table.replaceAll("_", " ")}`)
                  .join(", ")}`
              : "none: the store already holds data (add --reset to start from the examples)"
          }`,
        ]
      : []),
    "",
    "  Backend API keys (send as Authorization: Bearer <key>):",
    ...kinds.map(([kind, name]) => {
      const key = emulator.keys[kind];
      return `    ${name.padEnd(18)} ${key.token}${kind === "custom" ? `  [${key.permissions.join(", ") || "no permissions"}]` : ""}`;
    }),
    "",
  ];
  console.log(lines.join("\n"));
}

if (!isLoopback(emulator.host)) {
  process.stderr.write(
    `\npropelauth-emulator: WARNING: listening on ${emulator.host}, not loopback: other machines can reach the API and the test helpers` +
      ` (which reset and change all data). ${emulator.servesKeys ? "--expose-keys: the keys are served over HTTP to them too." : "The keys are not served over HTTP (--expose-keys would)."}\n\n`,
  );
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
