// The smoke calls (calls.mjs) on a command-line runtime (Node, Bun, Deno), with the ESM or the CJS
// build; prints the runtime and the results as one JSON line.
// Usage: <runtime> test/smoke/smoke.mjs <emulator-url> <full-access-key> [esm|cjs]
import { createRequire } from "node:module";
import { smoke } from "./calls.mjs";

const [url, key, format = "esm"] = globalThis.Deno?.args ?? process.argv.slice(2);
const lib = format === "cjs" ? createRequire(import.meta.url)("../../dist/index.cjs") : await import("../../dist/index.js");
const runtime = globalThis.Bun
  ? `bun ${globalThis.Bun.version}`
  : globalThis.Deno
    ? `deno ${globalThis.Deno.version.deno}`
    : `node ${process.version}`;
console.log(JSON.stringify({ runtime, format, ...(await smoke(lib, url, key)) }));
