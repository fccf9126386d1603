import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { send } from "./send.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".yaml": "application/yaml",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".yaml", ".map", ".txt"]);

/** The encodings a request accepts (`q=0` refuses one). */
export function acceptedEncodings(req: IncomingMessage): Set<string> {
  const accepted = new Set<string>();
  for (const part of String(req.headers["accept-encoding"] ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name && !(q && Number(q[1]) === 0)) accepted.add(name);
  }
  return accepted;
}

/** Decodes a URL path; undefined for a malformed escape (such as `%E0%A4%A` or `%zz`). */
export function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * The file `relative` names inside `root`, or undefined when it would leave the folder (`..`, an
 * absolute path, a sibling folder whose name starts like root's) or does not exist. A folder
 * gives its index.html.
 */
export function resolveInside(root: string, relative: string): string | undefined {
  if (relative.includes("\0")) return undefined;
  const base = resolve(root);
  let file = resolve(base, `.${sep}${relative}`);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const gzipCache = new Map<string, { mtimeMs: number; data: Buffer }>();

function gzipped(file: string): Buffer {
  const { mtimeMs } = statSync(file);
  const cached = gzipCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.data;
  const data = gzipSync(readFileSync(file));
  gzipCache.set(file, { mtimeMs, data });
  return data;
}

/**
 * Serves a file of `root` (`relative` already decoded): the precompressed `.br` or `.gz` sibling
 * when the request accepts it, else text compressed with gzip on the fly. False when there is no
 * such file inside root.
 */
export function serveFile(req: IncomingMessage, res: ServerResponse, root: string, relative: string): boolean {
  const file = resolveInside(root, relative);
  if (!file) return false;
  const ext = extname(file);
  const type = CONTENT_TYPES[ext] ?? "application/octet-stream";
  if (!COMPRESSIBLE.has(ext)) {
    send(res, 200, readFileSync(file), type);
    return true;
  }
  const accepted = acceptedEncodings(req);
  const vary = { vary: "Accept-Encoding" };
  for (const [encoding, suffix] of [
    ["br", ".br"],
    ["gzip", ".gz"],
  ] as const) {
    if (accepted.has(encoding) && existsSync(file + suffix)) {
      send(res, 200, readFileSync(file + suffix), type, { ...vary, "content-encoding": encoding });
      return true;
    }
  }
  if (accepted.has("gzip")) send(res, 200, gzipped(file), type, { ...vary, "content-encoding": "gzip" });
  else send(res, 200, readFileSync(file), type, vary);
  return true;
}
