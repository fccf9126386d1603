import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
  target: "es2022",
  platform: "neutral",
  // The client is a dependency, not bundled: one copy of it serves the app and this package.
  deps: { neverBundle: ["@propelauth-openapi/client"] },
});
