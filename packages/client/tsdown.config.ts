import { defineConfig, type UserConfig } from "tsdown";

const common: UserConfig = {
  format: ["esm", "cjs"],
  // openapi-fetch's types are inlined too (from the copy in src/generated/): the published
  // package has no dependency to resolve them from.
  dts: true,
  // No source maps: they would point at sources the package does not ship.
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  // openapi-fetch's own CJS build breaks CJS consumers (`default is not a function`), so it is
  // bundled into both builds: the package has no runtime dependency at all.
  deps: { alwaysBundle: ["openapi-fetch"] },
};

export default defineConfig([
  // The API client: one self-contained file per format, as before the verifier existed.
  { ...common, entry: { index: "src/index.ts" }, clean: true },
  // The token verifier (`/verify`), built apart so the API client's files carry none of it. It
  // bundles the little of the client it calls; its declarations take the client type from the
  // main entry, so a client from `createClient` is the same type in both.
  {
    ...common,
    entry: { verify: "src/verify/index.ts" },
    clean: false,
    // Its declarations import the client type from the package's own name: one type for both entries.
    deps: { alwaysBundle: ["openapi-fetch"], neverBundle: ["@propelauth-openapi/client"] },
  },
]);
