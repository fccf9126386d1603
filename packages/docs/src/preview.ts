// A static file server for dist/ on the loopback interface, to look at the built site locally.
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Precompressed copies the server looks for, best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];

function fileSize(file: string): number | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** The encodings an Accept-Encoding header allows (q=0 excluded). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  return names;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on `host:port` (port 0 picks a free one); `/` is index.html; nothing outside root. */
export async function startPreviewServer(options: { root: string; port?: number; host?: string }): Promise<PreviewServer> {
  const root = normalize(options.root);
  const host = options.host ?? "127.0.0.1";
  const server: Server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad request\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const file = normalize(join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end("forbidden\n");
      return;
    }
    if (fileSize(file) === undefined) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${pathname}\n`);
      return;
    }
    // A precompressed copy beside the file (index.html.br, index.html.gz) when the client takes it.
    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    const encoding = ENCODINGS.find((e) => accepted.has(e.name) && fileSize(file + e.suffix) !== undefined);
    const sent = encoding ? file + encoding.suffix : file;
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": fileSize(sent),
      "cache-control": "no-cache",
      vary: "Accept-Encoding",
      ...(encoding ? { "content-encoding": encoding.name } : {}),
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(sent).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
