// Finishing touches on the page `redocly build-docs` writes:
// - links: the server-rendered markup links sidebar items and heading anchors root-relative
//   (`/users`), which "open in new tab" and "copy link" turn into the site root; they become hash
//   links (`#/users`), which work from file:// and from any sub-path. The page's link script
//   (`LINK_SCRIPT`) does the same for links the renderer adds later.
// - start-up: the markup is rendered for the first page. Opened on a deep link (`#/users/...`),
//   the page renders afresh instead of hydrating that markup, which would keep the first page's
//   sidebar highlight; the server-rendered page stays on screen until the fresh one is drawn.
import zlib from "node:zlib";

const HYDRATE_CALL = "hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));";

const START = [
  "const ssr = document.getElementById('redoc');",
  "const route = window.location.hash.replace(/^#/, '');",
  "if (route === '' || route === '/') {",
  "  hydrate(__redoc_definition, __redoc_options, ssr);",
  "} else {",
  "  const fresh = document.createElement('div');",
  "  fresh.id = 'redoc-app';",
  "  ssr.before(fresh);",
  "  new MutationObserver((_, observer) => {",
  "    if (fresh.childElementCount > 0) { ssr.remove(); observer.disconnect(); }",
  "  }).observe(fresh, { childList: true });",
  "  hydrate(__redoc_definition, __redoc_options, fresh);",
  "}",
].join("\n      ");

/** Rewrites `<a href="/x">` to `<a href="#/x">` (not `//host` links). */
export function hashLinks(markup: string): string {
  return markup.replace(/(<a\b[^>]*?\shref=")\/(?!\/)/g, "$1#/");
}

export function finishPage(html: string): string {
  const start = html.indexOf('<div id="redoc">');
  const end = html.indexOf('<script type="module">', start);
  if (start === -1 || end === -1) throw new Error("build: the page has no server-rendered #redoc markup followed by its script");
  if (!html.includes(HYDRATE_CALL)) throw new Error("build: the page's hydrate call has changed; update src/page.ts");
  const page = html.slice(0, start) + hashLinks(html.slice(start, end)) + html.slice(end);
  return page.replace(HYDRATE_CALL, START);
}

/** The page compressed as a server sends it: `.gz` (gzip -9) and `.br` (Brotli, best). */
export function compressed(content: Buffer): { gz: Buffer; br: Buffer } {
  return {
    gz: zlib.gzipSync(content, { level: 9 }),
    br: zlib.brotliCompressSync(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  };
}
