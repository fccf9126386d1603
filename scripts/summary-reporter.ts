import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestModule, Vitest } from "vitest/node";
import { summaryFile } from "./test-summary.js";

/**
 * Prints one closing line, "N passed, N failed, N skipped", that CI can read, and writes the same
 * counts to .tmp/test-summary.json (named for the package.json script that ran it: scripts/test.ts), a
 * turbo output, so `npm test` can add up runs that turbo replayed from its cache.
 */
export default class SummaryReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: Vitest) {
    this.root = vitest.config.root;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []) {
    let passed = 0;
    // An error no test caught fails the run (vitest exits 1): it counts.
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const mod of modules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failedHere++;
        else skipped++;
      }
      // A file that failed outside its tests (an import, a beforeAll hook) leaves them skipped: one failure more.
      failed += failedHere || (mod.state() === "failed" ? 1 : 0);
    }
    mkdirSync(join(this.root, ".tmp"), { recursive: true });
    const file = join(this.root, summaryFile(process.env.npm_lifecycle_event));
    writeFileSync(file, `${JSON.stringify({ passed, failed, skipped })}\n`);
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
