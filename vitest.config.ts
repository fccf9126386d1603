import { defineConfig } from "vitest/config";

// One run over every package, so `pnpm test` prints one summary for the whole repo.
export default defineConfig({
  test: {
    projects: ["spec", "packages/*", "scripts"],
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
