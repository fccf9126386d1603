// Re-extracts inventory.ts from a checkout of PropelAuth/propelauth-rb:
//   git -C <mirror> archive <commit> | tar -x -C <dir> && npx tsx extract-inventory.ts <dir> <version>
// A backend function is a public method of PropelAuth::Client (lib/propelauth/client.rb): every
// `def` that is not `private def`.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [root, version = "0.1.0"] = process.argv.slice(2);
if (!root) throw new Error("usage: tsx extract-inventory.ts <propelauth-rb checkout> [version]");
const client = readFileSync(join(root, "lib/propelauth/client.rb"), "utf8");
const inventory = [...client.matchAll(/^\s+def (\w+)/gm)].map((m) => m[1]).sort();
process.stdout.write(`// The backend functions of PropelAuth/propelauth-rb ${version} (lib/propelauth/client.rb): generated
// by extract-inventory.ts (see there how), not edited by hand.
export const version = "${version}";

export const inventory: string[] = [
${inventory.map((fn) => `  "${fn}",`).join("\n")}
];
`);
