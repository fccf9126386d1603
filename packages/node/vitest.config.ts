import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Starting an emulator (its SQLite is WebAssembly) takes more than the default 10 s on a busy machine.
    hookTimeout: 60_000,
  },
});
