// The README's Node example, as written, in a separate Node process: `node --import
// @propelauth-openapi/emulator/route app.mjs` sends the official SDK's calls to the emulator named
// by PROPELAUTH_EMULATOR_URL, with no routing code in the app.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { useEmulator } from "./support.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The README's only `js` block. */
function readmeExample(): string {
  const blocks = [...readFileSync(join(packageDir, "README.md"), "utf8").matchAll(/```js\n([\s\S]*?)```/g)];
  expect(blocks).toHaveLength(1);
  return blocks[0]![1]!;
}

describe("the Node SDK with no routing code", () => {
  const h = useEmulator();
  // Inside the package, so that the app resolves @propelauth/node and the package itself.
  const dir = mkdtempSync(join(packageDir, ".route-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = (env: Record<string, string>) =>
    run(process.execPath, ["--import", "@propelauth-openapi/emulator/route", join(dir, "app.mjs")], {
      cwd: packageDir,
      env: { ...process.env, PROPELAUTH_AUTH_URL: h().emu.authUrl, PROPELAUTH_API_KEY: h().key, ...env },
      timeout: 30_000,
    });

  it("runs the README's example against the emulator: the user is created there and the token checks pass", async () => {
    writeFileSync(join(dir, "app.mjs"), readmeExample());
    const { stdout } = await start({ PROPELAUTH_EMULATOR_URL: h().emu.url });
    expect(stdout.trim()).toBe("ada@example.com");
    const stored = await h().op("fetchUserByEmail", {}, { query: { email: "ada@example.com" } });
    expect(stored.status).toBe(200);
  });

  it("refuses to start without PROPELAUTH_EMULATOR_URL, rather than calling PropelAuth", async () => {
    writeFileSync(join(dir, "app.mjs"), 'console.log("ran");\n');
    const failed = await start({ PROPELAUTH_EMULATOR_URL: "" }).catch((error: { stderr: string }) => error);
    expect((failed as { stderr: string }).stderr).toContain("set PROPELAUTH_EMULATOR_URL");
  });
});
