import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // openapi-fetch's types are inlined too (from the copy in src/generated/): the published
  // package has no dependency to resolve them from.
  dts: true,
  // No source maps: they would point at sources the package does not ship.
  sourcemap: false,
  clean: true,
  target: "es2022",
  platform: "neutral",
  // openapi-fetch's own CJS build breaks CJS consumers (`default is not a function`), so it is
  // bundled into both builds: the package has no runtime dependency at all.
  deps: { alwaysBundle: ["openapi-fetch"] },
});
