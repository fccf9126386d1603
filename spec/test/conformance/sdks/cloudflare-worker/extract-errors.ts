// Re-extracts errors.json from a checkout of PropelAuth/cloudflare-worker (see extract-inventory.ts):
//   npx tsx extract-errors.ts <dir> > errors.json
// For every function of src/api.ts, each `statusCode === N` branch and what it does with the body:
// keeps it as text (`httpResponse.response`), parses it (JSON.parse / parseSnakeCaseToCamelCase), or ignores it.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
if (!root) throw new Error("usage: tsx extract-errors.ts <cloudflare-worker checkout>");
const text = readFileSync(join(root, "src/api.ts"), "utf8");
const starts = [...text.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => ({ fn: m[1]!, at: m.index }));
const out: { fn: string; file: string; status: number; body: string }[] = [];
starts.forEach((s, i) => {
  const body = text.slice(s.at, starts[i + 1]?.at ?? text.length);
  for (const m of body.matchAll(/statusCode === (\d{3})\)\s*\{([^}]*)\}/g)) {
    const branch = m[2]!;
    const kind = /JSON\.parse|parseSnakeCaseToCamelCase/.test(branch) ? "json" : /httpResponse\.response/.test(branch) ? "text" : "ignored";
    out.push({ fn: s.fn, file: "src/api.ts", status: Number(m[1]), body: kind });
  }
});
console.log(JSON.stringify(out, null, 1));
