// Keeps the built page self-contained. Redoc's inlined bundle still names Redocly's CDN for the
// "API docs by" logo (replaced by inline SVGs) and for two icon packs that this page does not use
// (pointed at an empty data: URL, so an icon could never cause a request). `externalResources`
// lists any reference left that would make the browser fetch something from the network.

const WORDMARK = `<svg xmlns="http://www.w3.org/2000/svg" width="58" height="14" viewBox="0 0 58 14"><text x="0" y="11" font-family="system-ui,sans-serif" font-size="11" font-weight="600" fill="#5a45f5">Redocly</text></svg>`;
const MARK = `<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="6" fill="#5a45f5"/></svg>`;
const dataUrl = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

const CDN_ASSETS: Record<string, string> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": dataUrl(WORDMARK),
  "https://cdn.redoc.ly/redoc/logo-mini.svg": dataUrl(MARK),
  "https://cdn.redocly.com/icons/fa/7.0.0": "data:image/svg+xml,",
  "https://cdn.redocly.com/icons/code/5.24.0": "data:image/svg+xml,",
};

export function replaceCdnAssets(html: string): string {
  let result = html;
  for (const [url, replacement] of Object.entries(CDN_ASSETS)) result = result.replaceAll(url, replacement);
  return result;
}

/** References to network resources: tags that load a URL, CSS url()/@import, module imports, CDN hosts. */
export function externalResources(html: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
    /\bimport\s*(?:[^"'`;]*?\bfrom\s*)?["'`]((?:https?:)?\/\/[^"'`]+)/g,
    /((?:https?:)?\/\/(?:cdn\.[a-z0-9.-]+|fonts\.(?:googleapis|gstatic)\.com|unpkg\.com|cdnjs\.[a-z.]+)\/[^"'`\s)]*)/gi,
  ];
  for (const pattern of patterns) for (const match of html.matchAll(pattern)) found.add(match[1]!);
  return [...found].sort();
}
