// A smoke run of the built client on any runtime (Node, Bun…): calls, a retried 503, a typed 404,
// a refused path parameter, paging, routing through the API host and an abort. It talks to the
// example server whose URL is the first argument, and prints one JSON line of results.
// Usage: <runtime> test/smoke/smoke.mjs <server-url> [esm|cjs]
import { createRequire } from "node:module";

const [url, format = "esm"] = process.argv.slice(2);
const lib = format === "cjs" ? createRequire(import.meta.url)("../../dist/index.cjs") : await import("../../dist/index.js");
const { createClient, fetchUserByEmail, fetchUserById, fetchOrg, queryUsers, NotFoundError, InvalidRequestError } = lib;

const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
const KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";
const runtime =
  typeof globalThis.Bun !== "undefined"
    ? `bun ${globalThis.Bun.version}`
    : typeof globalThis.Deno !== "undefined"
      ? `deno ${globalThis.Deno.version.deno}`
      : `node ${process.version}`;

const client = createClient({ authUrl: url, apiKey: KEY, backoff: { baseMs: 1, maxMs: 2 } });
const out = { runtime, format };
out.email = (await fetchUserByEmail(client, { query: { email: "ada@example.com" } })).email;
out.pathBased = (await client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id: USER_ID } } })).data.user_id;
out.retried = (await fetchUserById(client, { path: { user_id: USER_ID } })).user_id; // the test queued a 503 first
const missing = await fetchOrg.safe(client, { path: { org_id: ORG_ID } }); // the test queued a 404
out.notFound =
  missing.error instanceof NotFoundError ? [missing.error.kind, missing.error.status, missing.error.requestId] : String(missing.error);
const refused = await fetchUserById.safe(client, { path: { user_id: ".." } });
out.refused = refused.error instanceof InvalidRequestError;
const encoded = await lib.fetchUserSignupQueryParameters.safe(client, { path: { user_id: "a/b?c" } });
out.encodedStatus = encoded.response?.status;
out.paged = (await queryUsers.all(client, {}, { limit: 3 })).length;
const viaApi = createClient({ authUrl: "https://auth.example.com", apiKey: KEY, routing: "propelauth-api", propelauthApiUrl: url });
out.routed = (await fetchUserById(viaApi, { path: { user_id: USER_ID } })).user_id;
const aborted = await fetchUserById.safe(client, { path: { user_id: USER_ID } }, { signal: AbortSignal.abort() });
out.aborted = aborted.error?.kind;
console.log(JSON.stringify(out));
