// `pnpm release:rehearse` on every test run: the real release flow against a throwaway registry,
// then each package installed with npm, pnpm 10 and Bun and used for real (see scripts/rehearse.mjs).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { userEnv } from "./user-env.js";

const root = join(import.meta.dirname, "..", "..");

it("the packages publish, install with npm, pnpm 10 and Bun, and work together", async () => {
  // The rehearsal's installs must see the machine's own npm settings, as a user's would.
  const child = spawn(process.execPath, [join(root, "scripts", "rehearse.mjs")], {
    cwd: root,
    env: userEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  console.log(
    output
      .split("\n")
      .filter((l) => !l.startsWith("  |"))
      .join("\n"),
  );
  const failure = /^rehearsal failed: .*$/m.exec(output)?.[0];
  expect(failure ?? (code === 0 ? undefined : `exited ${code}`), output.slice(-8000)).toBeUndefined();
  expect(output).toMatch(/rehearsal \[\s*\d+ s\] passed/);
}, 1_800_000);
