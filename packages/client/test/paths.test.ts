// Bad input before the wire: a path parameter can never change the path. Every value is
// percent-encoded into its own segment (`/`, `?`, `#`, `%`, spaces…), and the values URL parsers
// would resolve as dot segments (`.`, `..`), or an empty or missing value, are refused without
// sending anything. Checked on the raw request line a loopback server receives and on the
// operation the example server routes it to, for the named operations and the path-based client.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/paths.test.ts
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./lib/helpers.js";
import { API_KEY, builds, useExampleServer } from "./support.js";

const HOSTILE = [
  "a/b",
  "../../org/1189c444-8a2d-4c41-8b4b-ae43ce79a492",
  "a?include_orgs=true",
  "a#fragment",
  "%2e%2e",
  "..%2f..%2forg",
  ".%2e",
  "/",
  "a b",
  "ünïcødé",
  "{user_id}",
  "$&",
  "...",
  "a/../..",
];

describe.each(builds)("path parameters (%s build)", (_name, lib) => {
  const { server } = useExampleServer();
  let raw: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    raw = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  afterAll(() => raw.close());

  it.each(HOSTILE)("user_id %j stays one encoded segment and the same operation", async (value) => {
    const client = lib.createClient({ authUrl: raw.url, apiKey: API_KEY });
    raw.paths.length = 0;
    await lib.deleteUser(client, { path: { user_id: value } });
    await client.DELETE("/api/backend/v1/user/{user_id}", { params: { path: { user_id: value } } });
    const expected = `/api/backend/v1/user/${encodeURIComponent(value)}`;
    expect(raw.paths).toEqual([expected, expected]);
    expect(raw.paths[0]!.split("/")).toHaveLength(6);

    // The example server decodes the segment back to the value and still routes to the same operation.
    const example = lib.createClient({ authUrl: server().url, apiKey: API_KEY, maxRetries: 0 });
    await lib.fetchUserSignupQueryParameters.safe(example, { path: { user_id: value } });
    const seen = server().requests.at(-1)!;
    expect(seen.operationId).toBe("fetchUserSignupQueryParameters");
    expect(seen.path).toBe(`/api/backend/v1/user/${encodeURIComponent(value)}/signup_query_parameters`);
  });

  it.each(["", ".", "..", null, undefined, { id: 1 }, ["a"]])("user_id %j is refused before anything is sent", async (value) => {
    const client = lib.createClient({ authUrl: raw.url, apiKey: API_KEY });
    raw.paths.length = 0;
    const { error } = await lib.deleteUser.safe(client, { path: { user_id: value as string } });
    expect(error).toBeInstanceOf(lib.InvalidRequestError);
    expect(error!.message).toContain("user_id");
    await expect(lib.deleteUser(client, { path: { user_id: value as string } })).rejects.toBeInstanceOf(lib.InvalidRequestError);
    await expect(
      client.DELETE("/api/backend/v1/user/{user_id}", { params: { path: { user_id: value as string } } }),
    ).rejects.toBeInstanceOf(lib.InvalidRequestError);
    expect(raw.paths).toEqual([]);
  });

  it("a missing path object is refused too", async () => {
    const client = lib.createClient({ authUrl: raw.url, apiKey: API_KEY });
    raw.paths.length = 0;
    // @ts-expect-error path is required
    const { error } = await lib.fetchOrg.safe(client, {});
    expect(error?.kind).toBe("invalid_request");
    expect(raw.paths).toEqual([]);
  });

  it("query values are encoded: they cannot add parameters", async () => {
    const client = lib.createClient({ authUrl: server().url, apiKey: API_KEY });
    const email = "ada+test@example.com&include_orgs=true#x";
    await lib.fetchUserByEmail.safe(client, { query: { email } });
    const seen = server().requests.at(-1)!;
    expect([...seen.query]).toEqual([["email", email]]);
  });
});
