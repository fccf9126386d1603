// The file where a test run leaves its counts (written by scripts/summary-reporter.ts, summed by
// scripts/test.ts, a cached output of its turbo task).
import { join } from "node:path";

/**
 * Where a test run leaves its counts, under its vitest root: one file per package.json script
 * (.tmp/test-summary.json for `test`, .tmp/test-summary.test-rehearsal.json for `test:rehearsal`),
 * as several of the root's scripts share scripts/ as their root.
 */
export const summaryFile = (script: string | undefined): string =>
  join(".tmp", !script || script === "test" ? "test-summary.json" : `test-summary.${script.replace(/[^\w-]/g, "-")}.json`);
