// Builds the reference site: dist/openapi.json (the bundled document, as it is) and dist/index.html, one
// pre-rendered static page (every section and operation as plain HTML, the styles, and one small
// script for search, tabs, copy, theme and the phone's menu) that needs no network, and its
// precompressed copies (index.html.br, index.html.gz). Fails if the page points at anything
// outside itself. The build is reproducible: the same document and changesets give the same bytes.
// Run: pnpm --filter @propelauth-openapi/docs build
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadBundledDocument } from "@propelauth-openapi/spec";
import { buildSync } from "esbuild";
import { readReleaseNotes } from "../src/changelog.js";
import { compressed } from "../src/compress.js";
import { externalResources } from "../src/offline.js";
import { packageDir, repoRoot } from "../src/paths.js";
import { pageHtml } from "../src/render/page.js";
import { siteView } from "../src/view.js";

/** The inline script's budget: it only enhances a page that already reads and navigates. */
const SCRIPT_BUDGET = 15 * 1024;

const started = Date.now();
const dist = join(packageDir, "dist");
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const source = loadBundledDocument();
// The download beside the page is the plain bundled document; the page renders its view model.
writeFileSync(join(dist, "openapi.json"), `${JSON.stringify(source, null, 2)}\n`);
const view = siteView(source, readReleaseNotes(repoRoot));

// The browser script (src/browser/script.ts), bundled by esbuild as a classic script in its own
// scope (an IIFE: nothing it declares becomes a global of the page), for the browsers of `target`.
const bundled = buildSync({
  entryPoints: [join(packageDir, "src", "browser", "script.ts")],
  bundle: true,
  format: "iife",
  target: "es2022",
  write: false,
  legalComments: "none",
  logLevel: "warning",
});
const script = bundled.outputFiles[0]!.text.trim();
if (script.length > SCRIPT_BUDGET) throw new Error(`build: the page's script is ${script.length} bytes, over ${SCRIPT_BUDGET}`);
if (script.includes("</script")) throw new Error("build: the page's script contains </script");
const css = readFileSync(join(packageDir, "src", "render", "page.css"), "utf8");

const html = pageHtml(view, {
  css,
  script,
  description: `${source.info.title}: every operation with who may call it, examples and code samples.`,
});
const external = externalResources(html);
if (external.length > 0) {
  throw new Error(`build: dist/index.html would load resources from the network:\n${external.join("\n")}`);
}
const htmlPath = join(dist, "index.html");
writeFileSync(htmlPath, html);
// Precompressed copies for servers that send them as they are (Content-Encoding: br or gzip).
const { gz, br } = compressed(Buffer.from(html));
writeFileSync(`${htmlPath}.gz`, gz);
writeFileSync(`${htmlPath}.br`, br);

const operations = view.operations.length;
const kb = (n: number) => `${Math.round(n / 1024)} KB`;
console.log(
  `docs: ${operations} operations -> dist/index.html (${kb(Buffer.byteLength(html))}, offline, script ${kb(script.length)}; ${kb(br.length)} br, ${kb(gz.length)} gz), dist/openapi.json in ${Date.now() - started} ms`,
);
