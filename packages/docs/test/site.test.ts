// The built files, without a browser: current with the spec, self-contained, and served by the
// preview server.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { listOperations, loadBundledDocument } from "@propelauth-openapi/spec";
import { describe, expect, it } from "vitest";
import { readReleaseNotes } from "../src/changelog.js";
import { externalResources } from "../src/offline.js";
import { packageDir, repoRoot } from "../src/paths.js";
import { startPreviewServer } from "../src/preview.js";
import { pageHtml } from "../src/render/page.js";
import { operationHref } from "../src/routes.js";
import { distDir, enrich, indexHtml, loadDistDocument, loadSiteDocument, loadSiteView } from "./support.js";

const site = loadSiteDocument();
const html = readFileSync(indexHtml, "utf8");

describe("dist/", () => {
  it("was built from the current spec/dist/openapi.json (else rebuild the docs)", () => {
    expect(site).toEqual(enrich(loadBundledDocument(), readReleaseNotes(repoRoot)));
  });

  it("offers the plain bundled document as dist/openapi.json (no HTML of the page in it)", () => {
    expect(loadDistDocument()).toEqual(loadBundledDocument());
    expect(readFileSync(join(distDir, "openapi.json"), "utf8")).not.toContain("pa-access");
  });

  it("is one page, its precompressed copies and the document it renders: no screenshot or other test artefact", () => {
    expect(readdirSync(distDir).sort()).toEqual(["index.html", "index.html.br", "index.html.gz", "openapi.json"]);
  });

  it("index.html.br and index.html.gz hold exactly index.html, smaller", () => {
    const raw = readFileSync(indexHtml);
    const br = readFileSync(`${indexHtml}.br`);
    const gz = readFileSync(`${indexHtml}.gz`);
    expect(brotliDecompressSync(br).equals(raw)).toBe(true);
    expect(gunzipSync(gz).equals(raw)).toBe(true);
    expect(br.length).toBeLessThan(raw.length / 4);
    expect(gz.length).toBeLessThan(raw.length / 3);
  });

  it("index.html loads nothing from the network", () => {
    expect(externalResources(html)).toEqual([]);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(html).not.toMatch(/<link\b(?![^>]*rel="icon")[^>]*href=/);
  });

  it("index.html is what src/render makes of dist/openapi.json: the same document gives the same bytes", () => {
    // The build inlines the bundled src/browser/script.ts and src/render/page.css; take them from the page.
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const css = readFileSync(join(packageDir, "src", "render", "page.css"), "utf8");
    const description = /<meta name="description" content="([^"]*)">/.exec(html)![1]!.replaceAll("&#39;", "'");
    const again = pageHtml(loadSiteView(), { css, script, description });
    expect(again === html).toBe(true);
  });

  it("index.html holds every operation pre-rendered, sidebar first, and one small script in <head>", () => {
    const nav = html.indexOf('<nav class="pa-nav"');
    const main = html.indexOf("<main");
    expect(nav).toBeGreaterThan(-1);
    expect(nav).toBeLessThan(main);
    for (const op of listOperations(site)) {
      const id = operationHref(op).slice(1);
      expect(html, op.operationId).toContain(`<section class="pa-op" id="${id}" data-operation-id="${op.operationId}">`);
      expect(html, op.operationId).toContain(`<a href="#${id}"`);
    }
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(1);
    expect(scripts[0]![1]!.length).toBeLessThan(15 * 1024);
    // In <head>: its listeners are on `document` before the body streams in.
    expect(html.indexOf("<script>")).toBeLessThan(html.indexOf("<body>"));
    // The download link of the document, beside the page.
    expect(html).toContain('<a href="openapi.json" download>');
  });
});

describe("externalResources", () => {
  it("finds scripts, styles, images, fonts and module imports from other hosts, not links", () => {
    const page = [
      '<script src="https://cdn.example.com/redoc.js"></script>',
      "<link rel=stylesheet href='//fonts.googleapis.com/css?family=Roboto'>",
      '<img alt="" src="http://img.example.com/a.png">',
      "<style>@font-face{src:url(https://fonts.gstatic.com/x.woff2)}</style>",
      '<script type="module">import { hydrate } from "https://cdn.redocly.com/redoc/v3/redoc.js";</script>',
      '<a href="https://redocly.com/redoc/">Redoc</a>',
      '<link rel="icon" href="data:image/svg+xml,%3Csvg%3E">',
    ].join("\n");
    expect(externalResources(page)).toEqual([
      "//fonts.googleapis.com/css?family=Roboto",
      "http://img.example.com/a.png",
      "https://cdn.example.com/redoc.js",
      "https://cdn.redocly.com/redoc/v3/redoc.js",
      "https://fonts.gstatic.com/x.woff2",
    ]);
  });
});

describe("the preview server", () => {
  it("serves dist/ on 127.0.0.1 and nothing outside it", async () => {
    const server = await startPreviewServer({ root: distDir, port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await fetch(server.url, { headers: { "accept-encoding": "identity" } });
      expect([index.status, index.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);
      expect(await index.text()).toBe(html);
      const doc = await fetch(new URL("openapi.json", server.url));
      expect(doc.status).toBe(200);
      expect(await doc.json()).toEqual(loadDistDocument());
      expect((await fetch(new URL("missing.html", server.url))).status).toBe(404);
      expect((await fetch(new URL("/..%2fpackage.json", server.url))).status).toBe(403);
      expect((await fetch(server.url, { method: "POST" })).status).toBe(405);
      // Compressed when the client takes it (fetch decodes it).
      const compressed = await fetch(server.url, { headers: { "accept-encoding": "gzip, br" } });
      expect([compressed.headers.get("content-encoding"), compressed.headers.get("vary")]).toEqual(["br", "Accept-Encoding"]);
      expect(await compressed.text()).toBe(html);
      const gzip = await fetch(server.url, { headers: { "accept-encoding": "gzip" } });
      expect(gzip.headers.get("content-encoding")).toBe("gzip");
      expect(await gzip.text()).toBe(html);
      const refused = await fetch(server.url, { headers: { "accept-encoding": "br;q=0, gzip;q=0" } });
      expect(refused.headers.get("content-encoding")).toBeNull();
    } finally {
      await server.close();
    }
  });
});
