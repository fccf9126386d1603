// Serves each operation's success examples from the bundled document to the Cloudflare Worker
// SDK's functions and records whether they read them (parsed.json). Not run by the tests:
//   node <tsx cli> parse-examples.ts <cloudflare-worker checkout> > parsed.json
// Each function of calls.ts is called with each of its argument lists, once per example of the
// operation its request routes to; a function reads an example when it resolves.
import { createHash } from "node:crypto";
import { createRouter, deref, loadBundledDocument } from "../../../../src/index.js";
import { canonical, successExamples } from "../../replay/parsed-examples.js";
import { AUTH, CALLS, KEY } from "./calls.js";

const [dir] = process.argv.slice(2);
if (!dir) throw new Error("usage: tsx parse-examples.ts <cloudflare-worker checkout>");
const doc = loadBundledDocument();
const match = createRouter(doc);
let index = 0;
const state: { served?: { operationId: string; example: string; sha256: string; count: number } } = {};

globalThis.fetch = (async (input: string | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const found = match(request.method, new URL(request.url).pathname);
  if (found.kind !== "match") throw new Error(`no operation for ${request.method} ${request.url}`);
  const examples = [...successExamples(found.op.operationId)];
  const [name, value] = examples[index] ?? examples[0]!;
  state.served = {
    operationId: found.op.operationId,
    example: name,
    sha256: createHash("sha256").update(canonical(value)).digest("hex"),
    count: examples.length,
  };
  const status = Number(
    Object.keys(found.op.operation.responses)
      .filter((s) => s.startsWith("2"))
      .sort()[0],
  );
  const media = Object.keys(deref(doc, found.op.operation.responses[String(status)]!).content ?? {})[0];
  const text = value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value);
  return new Response(text, { status, headers: media ? { "content-type": media } : {} });
}) as typeof fetch;

const api = (await import(`${dir}/src/api.ts`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
const out: unknown[] = [];
const seen = new Set<string>();
for (const [fn, calls] of Object.entries(CALLS)) {
  for (const [, args] of calls) {
    for (index = 0; ; index++) {
      state.served = undefined;
      let error: string | null = null;
      try {
        await api[fn]!(AUTH, KEY, ...args);
      } catch (e) {
        error = `${(e as Error).name}: ${(e as Error).message}`.slice(0, 300);
      }
      const served = state.served as { operationId: string; example: string; sha256: string; count: number } | undefined;
      if (!served) break; // raised before sending (see capture.ts)
      const key = `${fn} ${served.operationId} ${served.example}`;
      if (!seen.has(key)) out.push({ public: fn, operationId: served.operationId, example: served.example, sha256: served.sha256, error });
      seen.add(key);
      if (index + 1 >= served.count) break;
    }
  }
}
console.log(JSON.stringify({ calls: out }, null, 1));
