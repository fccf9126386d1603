// Records every backend request of the Cloudflare Worker SDK (PropelAuth/cloudflare-worker).
// Not run by the tests; its output is reviewed and committed as captured.json:
//   git -C <mirror> archive v2.1.3 | tar -x -C <dir>
//   npx tsx capture.ts <dir> v2.1.3 > captured.json
// Each function of src/api.ts that initAuth() wraps is called with its required arguments only
// ("minimal") and with every option given ("all options"); `fetch` is replaced by a recorder that
// builds the same Request the Workers runtime would (so a GET with a body fails as it does there).
import { AUTH, CALLS, KEY } from "./calls.js";

const [dir, version] = process.argv.slice(2);
if (!dir || !version) throw new Error("usage: tsx capture.ts <cloudflare-worker checkout> <version>");

interface Sent {
  method: string;
  path: string;
  query: string;
  body?: string;
  contentType: string | null;
  auth: string | null;
}
let sent: Sent[] = [];
globalThis.fetch = (async (input: string | URL, init?: RequestInit) => {
  const request = new Request(input, init); // throws for a GET or HEAD with a body, as the runtime does
  const url = new URL(request.url);
  sent.push({
    method: request.method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ""),
    body: init?.body == null ? undefined : String(init.body),
    contentType: request.headers.get("content-type"),
    auth: request.headers.get("authorization"),
  });
  return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
}) as typeof fetch;

const api = (await import(`${dir}/src/api.ts`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
const out: unknown[] = [];
for (const [fn, calls] of Object.entries(CALLS)) {
  if (typeof api[fn] !== "function") throw new Error(`${fn} is not exported by src/api.ts`);
  for (const [variant, args] of calls) {
    sent = [];
    let error: string | undefined;
    try {
      await api[fn]!(AUTH, KEY, ...args);
    } catch (e) {
      error = `${(e as Error).name}: ${(e as Error).message}`;
    }
    if (sent.length === 0) out.push({ fn, file: "src/api.ts", variant, neverSent: error ?? "no request" });
    else if (sent.length !== 1) throw new Error(`${fn} (${variant}) sent ${sent.length} requests`);
    else out.push({ fn, file: "src/api.ts", variant, ...sent[0] });
  }
}
console.log(JSON.stringify({ version, cases: out }, null, 1));
