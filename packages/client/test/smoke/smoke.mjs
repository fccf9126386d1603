// The smoke calls (calls.mjs) on a command-line runtime (Node, Bun, Deno), with the ESM or the CJS
// build, and the verifier's (verify-calls.mjs); prints the runtime and the results as one JSON line.
// Usage: <runtime> test/smoke/smoke.mjs <emulator-url> <full-access-key> [esm|cjs]
import { createRequire } from "node:module";
import { smoke } from "./calls.mjs";
import { verifySmoke } from "./verify-calls.mjs";

const [url, key, format = "esm"] = globalThis.Deno?.args ?? process.argv.slice(2);
const require = createRequire(import.meta.url);
const lib = format === "cjs" ? require("../../dist/index.cjs") : await import("../../dist/index.js");
const verify = format === "cjs" ? require("../../dist/verify.cjs") : await import("../../dist/verify.js");
const runtime = globalThis.Bun
  ? `bun ${globalThis.Bun.version}`
  : globalThis.Deno
    ? `deno ${globalThis.Deno.version.deno}`
    : `node ${process.version}`;
console.log(JSON.stringify({ runtime, format, ...(await smoke(lib, url, key)), ...(await verifySmoke(verify, lib, url, key)) }));
