import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // openapi-fetch's types are inlined too: the published package has no dependency to resolve them from.
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  // openapi-fetch's own CJS build breaks CJS consumers (`default is not a function`), so it is
  // bundled into both builds: the package has no runtime dependency at all.
  noExternal: ["openapi-fetch"],
});
