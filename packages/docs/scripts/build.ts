// Builds the reference site: dist/openapi.json (the enriched document) and dist/index.html, one
// self-contained page (Redoc 3 inlined by `redocly build-docs --inlineBundle`) that needs no
// network to render or search, and its precompressed copies (index.html.br, index.html.gz).
// Fails if the page still points at anything outside itself.
// Run: pnpm --filter @propelauth-openapi/docs build
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listOperations, loadBundledDocument } from "@propelauth-openapi/spec";
import { readReleaseNotes } from "../src/changelog.js";
import { enrich } from "../src/enrich.js";
import { externalResources, replaceCdnAssets } from "../src/offline.js";
import { compressed, finishPage } from "../src/page.js";
import { packageDir, repoRoot } from "../src/paths.js";

const started = Date.now();
const dist = join(packageDir, "dist");
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const source = loadBundledDocument();
const doc = enrich(source, readReleaseNotes(repoRoot));
const documentPath = join(dist, "openapi.json");
writeFileSync(documentPath, `${JSON.stringify(doc, null, 2)}\n`);

/** Redoc's options (https://redocly.com/docs/redoc/config). */
const redocOptions = {
  downloadUrls: [{ title: "OpenAPI document (JSON)", url: "openapi.json" }],
  jsonSamplesExpandLevel: 3,
  // The code sample languages offered (a sample shows only when its label is listed here).
  codeSamples: {
    languages: [
      { lang: "bash", label: "curl" },
      { lang: "typescript", label: "TypeScript client" },
      { lang: "typescript", label: "TypeScript operation" },
      { lang: "payload", label: "Payload" },
    ],
  },
  hideLoading: true,
};

const htmlPath = join(dist, "index.html");
try {
  execFileSync(
    join(packageDir, "node_modules", ".bin", "redocly"),
    [
      "build-docs",
      documentPath,
      "--inlineBundle",
      "--output",
      htmlPath,
      "--template",
      join(packageDir, "src", "template.hbs"),
      "--title",
      `${doc.info.title} reference`,
      `--templateOptions.description=${source.info.title}: every operation with who may call it, examples and code samples.`,
      "--openapi",
      JSON.stringify(redocOptions),
    ],
    {
      cwd: packageDir,
      stdio: "pipe",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
} catch (error) {
  const failure = error as { stderr?: Buffer; stdout?: Buffer; message: string };
  process.stderr.write(`${failure.stdout ?? ""}${failure.stderr ?? failure.message}`);
  process.exit(1);
}

const html = finishPage(replaceCdnAssets(readFileSync(htmlPath, "utf8")));
const external = externalResources(html);
if (external.length > 0) {
  throw new Error(`build: dist/index.html still loads resources from the network:\n${external.join("\n")}`);
}
writeFileSync(htmlPath, html);
// Precompressed copies for servers that send them as they are (Content-Encoding: br or gzip).
const { gz, br } = compressed(Buffer.from(html));
writeFileSync(`${htmlPath}.gz`, gz);
writeFileSync(`${htmlPath}.br`, br);

const operations = listOperations(doc).length;
const size = (Buffer.byteLength(html) / 1024 / 1024).toFixed(1);
const kb = (n: number) => `${Math.round(n / 1024)} KB`;
console.log(
  `docs: ${operations} operations -> dist/index.html (${size} MB, offline; ${kb(br.length)} br, ${kb(gz.length)} gz), dist/openapi.json in ${Date.now() - started} ms`,
);
