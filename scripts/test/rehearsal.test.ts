// `pnpm release:rehearse` on every test run: the real release flow against a throwaway registry,
// then each package installed with npm, pnpm 10 and Bun and used for real (see scripts/rehearse.ts).
import { expect, it } from "vitest";
import { runAsUser } from "./run-as-user.js";

it("the packages publish, install with npm, pnpm 10 and Bun, and work together", async () => {
  // The rehearsal's installs must see the machine's own npm settings, as a user's would.
  const { code, output } = await runAsUser("rehearse.ts");
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
