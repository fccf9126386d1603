// The smoke calls on a command-line runtime (Node, Bun, Deno); prints the runtime and the results
// as one JSON line. Bundled with the package and the client by the runtime test.
// Usage: <runtime> <bundle> <emulator-url> <full-access-key>
import * as lib from "../../dist/index.js";
import { smoke } from "./calls.mjs";

const [url, key] = globalThis.Deno?.args ?? process.argv.slice(2);
const runtime = globalThis.Bun
  ? `bun ${globalThis.Bun.version}`
  : globalThis.Deno
    ? `deno ${globalThis.Deno.version.deno}`
    : `node ${process.version}`;
console.log(JSON.stringify({ runtime, ...(await smoke(lib, url, key)) }));
