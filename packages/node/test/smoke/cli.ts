// The smoke calls on a command-line runtime (Node, Bun, Deno); prints the runtime and the results
// as one JSON line. Bundled with the package and the client by the runtime test.
// Usage: <runtime> <bundle> <emulator-url> <full-access-key>
import * as lib from "../../dist/index.js";
import { smoke } from "./calls.js";

const { Bun, Deno } = globalThis as { Bun?: { version: string }; Deno?: { args: string[]; version: { deno: string } } };
const [url = "", key = ""] = Deno?.args ?? process.argv.slice(2);
const runtime = Bun ? `bun ${Bun.version}` : Deno ? `deno ${Deno.version.deno}` : `node ${process.version}`;
console.log(JSON.stringify({ runtime, ...(await smoke(lib, url, key)) }));
