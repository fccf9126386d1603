// Shared by the docs tests: the built site (dist/), the document beside it and the enriched copy it renders.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listOperations, type OpenApiDocument, type Operation } from "@propelauth-openapi/spec";
import { readReleaseNotes } from "../src/changelog.js";
import { enrich } from "../src/enrich.js";
import { packageDir, repoRoot } from "../src/paths.js";
import type { CodeSample } from "../src/samples.js";

/** The built site; DOCS_DIST points the tests at another build (such as main's, to see them fail). */
export const distDir = process.env.DOCS_DIST ?? join(packageDir, "dist");
export const indexHtml = join(distDir, "index.html");
/** Test artefacts go here, never into dist/ (which is what the package ships). */
export const artefactDir = join(packageDir, ".tmp", "test");
export const screenshotPath = join(artefactDir, "screenshot.png");

/** The document beside the page (dist/openapi.json, the plain bundled one); fails clearly when it is not built. */
export function loadDistDocument(): OpenApiDocument {
  const path = join(distDir, "openapi.json");
  if (!existsSync(path) || !existsSync(indexHtml)) {
    throw new Error(`${path} or ${indexHtml} is missing: run \`pnpm --filter @propelauth-openapi/docs build\` first`);
  }
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

/** The enriched document the site renders: dist/openapi.json with the generated parts. */
export function loadSiteDocument(): OpenApiDocument {
  return enrich(loadDistDocument(), readReleaseNotes(repoRoot));
}

export function samplesOf(op: Operation): { curl: CodeSample; ts: CodeSample; operation?: CodeSample } {
  const samples = (op.operation["x-codeSamples"] ?? []) as CodeSample[];
  const curl = samples.find((s) => s.label === "curl");
  const ts = samples.find((s) => s.label === "TypeScript client");
  const operation = samples.find((s) => s.label === "TypeScript operation");
  if (!curl || !ts) throw new Error(`${op.operationId} lacks its curl or TypeScript sample`);
  return { curl, ts, operation };
}

export { listOperations };
