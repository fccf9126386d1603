// Bundle size of `initBaseAuth` for an edge target: this package against @propelauth/node 2.1.36,
// side by side in one run. Each is bundled by esbuild from `export { initBaseAuth } from "…"`
// (platform browser, ES2022, minified, everything bundled: for this package its dependency
// @propelauth-openapi/client too), then gzipped at level 9. The official bundle's `node:` imports
// are left external, as an edge runtime cannot provide them without Node compatibility; so its
// figure is a lower bound. The target is ≤ 0.6× the official size, min+gzip. Our figure is then
// split: the client and verifier code it pulls in (the same client exports, bundled alone), and
// the rest, the compatibility layer (79 functions' names, messages, exceptions and field renames).
// Run: pnpm --filter @propelauth-openapi/node build && pnpm --filter @propelauth-openapi/node bench:size
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

/** A bundle's size in bytes, minified and min+gzip, and the `node:` imports left out of it. */
interface Size {
  min: number;
  gzip: number;
  nodeImports: string[];
}

async function bundle(specifier: string): Promise<Size> {
  return bundleSource(`export { initBaseAuth } from ${JSON.stringify(specifier)};`);
}

async function bundleSource(contents: string): Promise<Size> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    external: ["node:*"],
    logLevel: "silent",
    metafile: true,
  });
  const code = result.outputFiles[0]!.contents;
  const [output] = Object.values(result.metafile.outputs);
  const nodeImports = output!.imports.filter((i) => i.external).map((i) => i.path);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, nodeImports };
}

const ours = await bundle(join(root, "dist/index.js"));
// The client exports our build uses (`ops.name`, `{ name }` imports), bundled without the layer above them.
const built = readFileSync(join(root, "dist/index.js"), "utf8");
const used = new Set([...built.matchAll(/\bops\.(\w+)/g)].map((m) => m[1]!));
for (const m of built.matchAll(/import \{([^}]*)\} from "@propelauth-openapi\/client"/g))
  for (const name of m[1]!.split(",")) if (name.trim()) used.add(name.trim().split(" ")[0]!);
const clientOnly = await bundleSource(
  `export { ${[...used].join(", ")} } from "@propelauth-openapi/client";
  export { createTokenVerifier } from "@propelauth-openapi/client/verify";`,
);
const theirs = await bundle("@propelauth/node");
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows: [string, Size][] = [
  ["@propelauth-openapi/node", ours],
  ["@propelauth/node 2.1.36", theirs],
];
console.log("initBaseAuth bundled for an edge target (esbuild, platform browser, minified)\n");
console.log(`${"bundle".padEnd(28)}${"min".padStart(10)}${"min+gzip".padStart(12)}  node: imports left out`);
for (const [name, r] of rows)
  console.log(`${name.padEnd(28)}${kb(r.min).padStart(10)}${kb(r.gzip).padStart(12)}  ${r.nodeImports.join(", ") || "none"}`);
console.log(
  `\nof ours: client + verifier (${used.size} client exports and createTokenVerifier) ${kb(clientOnly.gzip)}, ` +
    `the compatibility layer ${kb(ours.gzip - clientOnly.gzip)} (min+gzip; ` +
    `0.60× would be ${kb(0.6 * theirs.gzip)})`,
);
const ratio = ours.gzip / theirs.gzip;
console.log(`\nmin+gzip ratio: ${ratio.toFixed(2)}× (target ≤ 0.60×) ${ratio <= 0.6 ? "met" : "NOT met"}`);
