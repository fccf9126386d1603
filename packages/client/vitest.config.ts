import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "client",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Starting an emulator (its SQLite is WebAssembly) takes more than the default 10 s on a busy machine.
    hookTimeout: 30_000,
  },
});
