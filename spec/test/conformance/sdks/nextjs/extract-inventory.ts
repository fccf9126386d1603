// Re-extracts inventory.ts from a checkout of PropelAuth/nextjs:
//   git -C <mirror> archive <commit> | tar -x -C <dir> && npx tsx extract-inventory.ts <dir> <version>
// A backend function is a function of src/server/ that calls `fetch` with the backend key (the
// integration API key) itself. The backend calls the package makes through @propelauth/node-apis
// (src/server/api.ts) are the Node SDK's, replayed in the Node conformance tests.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [root, version = "0.3.14"] = process.argv.slice(2);
if (!root) throw new Error("usage: tsx extract-inventory.ts <nextjs checkout> [version]");
const found: string[] = [];
for (const name of readdirSync(join(root, "src/server"))) {
  if (!name.endsWith(".ts")) continue;
  const text = readFileSync(join(root, "src/server", name), "utf8");
  const starts = [...text.matchAll(/(?:async )?function (\w+)\s*\(/g)].map((m) => ({ fn: m[1]!, at: m.index }));
  starts.forEach((s, i) => {
    const body = text.slice(s.at, starts[i + 1]?.at ?? text.length);
    const fetches = [...body.matchAll(/await fetch\(/g)].length;
    if (fetches > 0 && /getIntegrationApiKey\(\)/.test(body)) found.push(`${s.fn} src/server/${name}`);
  });
}
found.sort();
process.stdout.write(`// The functions of PropelAuth/nextjs ${version} that call the API with the backend key: generated
// by extract-inventory.ts (see there how), not edited by hand.
export const version = "${version}";

export const inventory: string[] = [
${found.map((f) => `  "${f.split(" ")[0]}", // ${f.split(" ")[1]}`).join("\n")}
];
`);
