// Shared by the docs tests: the built site (dist/), the document beside it and the enriched copy it renders.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listOperations, type OpenApiDocument, type Operation } from "@propelauth-openapi/spec";
import { type Browser, chromium, type Page } from "playwright-core";
import { type ReleaseNotes, readReleaseNotes } from "../src/changelog.js";
import { ARGS, CHROMIUM } from "../src/chromium.js";
import { plainText } from "../src/intro-markdown.js";
import { packageDir, repoRoot } from "../src/paths.js";
import type { CodeSample } from "../src/samples.js";
import { type SiteView, siteView } from "../src/view.js";

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

/**
 * The site's view as a document, the shape the tests were written against: each operation's
 * description followed by its notes, its samples as `x-codeSamples`, "Other" for an operation
 * without a tag, the introduction as `info.description`, plain server descriptions and
 * `x-tagGroups`. Only the tests build it; the site renders the view itself.
 */
export function documentOf(view: SiteView): OpenApiDocument {
  const doc = structuredClone(view.doc);
  const ops = listOperations(doc);
  view.operations.forEach((v, i) => {
    const operation = ops[i]!.operation;
    operation.description = [operation.description ?? "", ...v.notes].filter(Boolean).join("\n\n");
    operation["x-codeSamples"] = v.samples;
    if (!operation.tags || operation.tags.length === 0) operation.tags = [v.tag];
  });
  doc.info.description = view.introduction;
  (doc.servers ?? []).forEach((server, i) => {
    if (server.description) server.description = view.servers[i]!.description;
    for (const variable of Object.values(server.variables ?? {})) {
      if (variable.description) variable.description = plainText(variable.description);
    }
  });
  (doc as OpenApiDocument & { "x-tagGroups": unknown })["x-tagGroups"] = view.tagGroups;
  return doc;
}

/** What `enrich` gave before the view model: the document with the site's view written into it. */
export const enrich = (doc: OpenApiDocument, releaseNotes?: ReleaseNotes) => documentOf(siteView(doc, releaseNotes));

/** The view the site renders, from dist/openapi.json. */
export function loadSiteView(): SiteView {
  return siteView(loadDistDocument(), readReleaseNotes(repoRoot));
}

/** The site's view as a document (see documentOf). */
export function loadSiteDocument(): OpenApiDocument {
  return documentOf(loadSiteView());
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

/**
 * Waits until every operation's section has arrived, starting the filling-in as a reader's first
 * scroll does, rather than waiting out the 2 s the page gives a reader who does nothing
 * (test/later.test.ts checks the page before that, and the 2 s start).
 */
export async function everySectionArrived(page: Page): Promise<void> {
  await page.evaluate(() => dispatchEvent(new Event("scroll")));
  await page.locator("html.pa-complete").waitFor({ state: "attached" });
}

/** Headless Chromium as the browser tests use it; a clear error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
