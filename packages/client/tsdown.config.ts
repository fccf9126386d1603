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
  // The token verifier (`/verify`), built apart so the API client's files carry none of it. What
  // it uses of the client (the key-fetching operation) it imports from the main entry's file, so
  // an application using both ships that code once; its declarations take the client type from
  // the main entry too, so a client from `createClient` is the same type in both.
  {
    ...common,
    entry: { verify: "src/verify/index.ts" },
    clean: false,
    deps: { alwaysBundle: ["openapi-fetch"], neverBundle: ["@propelauth-openapi/client"] },
    // The code imports the sibling file; the declarations keep the package's own name.
    outputOptions: (options, format) => ({
      ...options,
      paths: (id: string) => (id === "@propelauth-openapi/client" ? (format === "cjs" ? "./index.cjs" : "./index.js") : id),
    }),
  },
]);
