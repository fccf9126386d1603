// The minimum TypeScript version the README states (5.0), checked: a strict ESM and a CJS
// consumer type-check against the built declarations with skipLibCheck off, on TypeScript 5.0,
// 5.2, 5.4 (installed from npm into .tmp/typescript on first use) and the workspace's own.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/typescript.test.ts
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageDir, run, tempDir } from "./lib/pack.js";
import { tscPath } from "./lib/typescript.js";

const ESM = `import { createClient, fetchUserById, type Schemas, documentVersion } from ${JSON.stringify(join(packageDir, "dist/index.js"))};
const client = createClient({ authUrl: "https://auth.example.com", apiKey: "k", deadline: 5_000 });
export const user: Promise<Schemas["UserMetadata"]> = fetchUserById(client, { path: { user_id: "u" } });
export const viaPath = client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id: "u" } } });
export const version: string = documentVersion;
`;
const CJS = `import propelauth = require(${JSON.stringify(join(packageDir, "dist/index.cjs"))});
const client: propelauth.PropelAuthClient = propelauth.createClient({ authUrl: "https://auth.example.com", apiKey: "k" });
export const pending: Promise<propelauth.Schemas["UserMetadata"]> = propelauth.fetchUserById(client, { path: { user_id: "u" } });
`;

describe("the minimum TypeScript version: 5.0", () => {
  it.each([
    ["5.0.4", () => tscPath("5.0.4")],
    ["5.2.2", () => tscPath("5.2.2")],
    ["5.4.5", () => tscPath("5.4.5")],
    ["workspace", () => createRequire(join(packageDir, "package.json")).resolve("typescript/bin/tsc")],
  ])(
    "TypeScript %s type-checks ESM and CJS consumers with skipLibCheck off",
    (_version, tsc) => {
      const dir = tempDir("typescript");
      writeFileSync(join(dir, "esm.mts"), ESM);
      writeFileSync(join(dir, "cjs.cts"), CJS);
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            skipLibCheck: false,
            noEmit: true,
            target: "es2022",
            module: "nodenext",
            moduleResolution: "nodenext",
            lib: ["es2022", "dom"],
            types: [],
          },
          include: ["*.mts", "*.cts"],
        }),
      );
      const result = run(process.execPath, [tsc(), "-p", join(dir, "tsconfig.json")], { stdio: "pipe" });
      expect(`${result.stdout}${result.stderr}`).toBe("");
      expect(result.status).toBe(0);
    },
    300_000,
  );
});
