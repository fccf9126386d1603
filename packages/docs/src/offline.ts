// Keeps the built page self-contained: `externalResources` lists every reference that would make
// the browser fetch something from the network. The build fails when it finds one.

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
