// What a user gets from npm: `pnpm pack`, then `npm install <tarball> --offline` into an empty
// project outside the workspace (no registry needed: the package has no dependency). From
// there: import it from ESM and require it from CommonJS and call operations against the
// loopback example server; type-check every TypeScript example of the README against the
// installed package (strict, skipLibCheck off, ESM and CJS consumers), then run each one.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/fresh-install.test.ts
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, pack, packageDir, repoRoot, run, runAsync, tempDir } from "./lib/pack.js";
import { API_KEY, exampleOf, USER_ID, useExampleServer } from "./support.js";

const README = readFileSync(join(packageDir, "README.md"), "utf8");
const examples = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

const ESM_SMOKE = `
import { createClient, fetchUserById, NotFoundError, queryUsers } from "@propelauth-openapi/client";
const client = createClient({ authUrl: process.env.AUTH_URL, apiKey: process.env.API_KEY });
const user = await fetchUserById(client, { path: { user_id: "${USER_ID}" } });
const { data } = await client.GET("/api/backend/v1/user/email", { params: { query: { email: "ada@example.com" } } });
const missing = await fetchUserById.safe(client, { path: { user_id: "not-a-uuid" } });
const users = await queryUsers.all(client, {}, { limit: 2 });
console.log(JSON.stringify({ format: "esm", email: user.email, viaPath: data.email, error: missing.error.name, users: users.length, resolved: import.meta.resolve("@propelauth-openapi/client") }));
`;

const CJS_SMOKE = `
const { createClient, fetchUserById, BadRequestError } = require("@propelauth-openapi/client");
const client = createClient({ authUrl: process.env.AUTH_URL, apiKey: process.env.API_KEY });
(async () => {
  const user = await fetchUserById(client, { path: { user_id: "${USER_ID}" } });
  const missing = await fetchUserById.safe(client, { path: { user_id: "not-a-uuid" } });
  console.log(JSON.stringify({ format: "cjs", email: user.email, error: missing.error instanceof BadRequestError, resolved: require.resolve("@propelauth-openapi/client") }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

const CJS_TYPES = `
import propelauth = require("@propelauth-openapi/client");
const client: propelauth.PropelAuthClient = propelauth.createClient({ authUrl: "https://auth.example.com", apiKey: "k" });
export const pending: Promise<propelauth.Schemas["UserMetadata"]> = propelauth.fetchUserById(client, { path: { user_id: "u" } });
`;

describe("fresh install of the packed tarball, outside the workspace", () => {
  const { server } = useExampleServer();
  let project: string;
  let tarball: string;
  const env = () => ({ ...process.env, AUTH_URL: server().url, API_KEY, PROPELAUTH_AUTH_URL: server().url, PROPELAUTH_API_KEY: API_KEY });

  beforeAll(() => {
    tarball = pack();
    project = tempDir("install");
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "smoke", private: true, version: "1.0.0" }));
    run("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
      cwd: project,
      env: { ...process.env, npm_config_cache: join(project, ".npm-cache") },
    });
  }, 120_000);
  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(dirname(tarball), { recursive: true, force: true });
  });

  it("installed the package alone: no dependency came with it", () => {
    expect(readdirSync(join(project, "node_modules")).filter((d) => !d.startsWith("."))).toEqual(["@propelauth-openapi"]);
    const installed = JSON.parse(readFileSync(join(project, "node_modules/@propelauth-openapi/client/package.json"), "utf8"));
    expect(installed.dependencies).toBeUndefined();
  });

  it("imports from ESM and calls operations against the loopback server", async () => {
    writeFileSync(join(project, "smoke.mjs"), ESM_SMOKE);
    const result = await runAsync(process.execPath, ["smoke.mjs"], { cwd: project, env: env() });
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({ format: "esm", email: "ada@example.com", viaPath: "ada@example.com", error: "BadRequestError", users: 2 });
    expect(out.resolved).toMatch(/node_modules\/@propelauth-openapi\/client\/dist\/index\.js$/);
  });

  it("requires from CommonJS and calls operations against the loopback server", async () => {
    writeFileSync(join(project, "smoke.cjs"), CJS_SMOKE);
    const result = await runAsync(process.execPath, ["smoke.cjs"], { cwd: project, env: env() });
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({ format: "cjs", email: "ada@example.com", error: true });
    expect(out.resolved).toMatch(/node_modules\/@propelauth-openapi\/client\/dist\/index\.cjs$/);
  });

  it("the README's TypeScript examples (and a CJS consumer) type-check against the installed package", () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
    examples.forEach((code, i) => {
      writeFileSync(join(project, `readme-${i + 1}.mts`), code);
    });
    writeFileSync(join(project, "consumer.cts"), CJS_TYPES);
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          lib: ["es2022"],
          types: ["node"],
          typeRoots: [join(repoRoot, "node_modules/@types")],
          outDir: "out",
        },
        include: ["*.mts", "*.cts"],
      }),
    );
    const result = run(bin("tsc"), ["-p", "tsconfig.json"], { cwd: project, stdio: "pipe" });
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  }, 180_000);

  it("the README's examples run against the loopback server", async () => {
    // The example server's page of users always says there is more: make it the last page,
    // so that the paging example walks one page instead of 10 000.
    const page = exampleOf("queryUsers") as Record<string, unknown>;
    server().respondOnce("queryUsers", 200, { ...page, has_more_results: false });
    for (let i = 1; i <= examples.length; i++) {
      const started = Date.now();
      const result = await runAsync(process.execPath, [join("out", `readme-${i}.mjs`)], { cwd: project, env: env(), timeout: 60_000 });
      console.log(`README example ${i}: exit ${result.status} in ${Date.now() - started} ms`);
      expect(result.stderr, `README example ${i}`).toBe("");
      expect(result.status, `README example ${i}: ${result.stdout}`).toBe(0);
      // The "Validate frontend requests" example prints what its comment says.
      if (examples[i - 1]!.includes("createTokenVerifier")) expect(result.stdout.trim()).toBe("401 { error: 'missing_header' }");
    }
  });
});
