import { defineConfig } from "vitest/config";

// `npx vitest run` here: every package's tests in one process. `npm test` runs them package by
// package as turbo tasks (scripts/test.ts), each with its own `test` script.
export default defineConfig({
  test: {
    projects: ["spec", "packages/*", "scripts"],
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
