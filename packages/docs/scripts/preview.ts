// Serves the built site (dist/) on 127.0.0.1 for local viewing.
// Run: pnpm --filter @propelauth-openapi/docs preview [--port 4173] [--host 127.0.0.1]  (or PORT=4173)
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { packageDir } from "../src/paths.js";
import { startPreviewServer } from "../src/preview.js";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, host: { type: "string" } },
  allowPositionals: false,
});
const port = Number(values.port ?? process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`preview: --port must be a port number, got ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
const root = join(packageDir, "dist");
if (!existsSync(join(root, "index.html"))) {
  console.error("preview: dist/index.html is missing; run `pnpm --filter @propelauth-openapi/docs build` first");
  process.exit(1);
}
const server = await startPreviewServer({ root, port, host: values.host ?? "127.0.0.1" });
console.log(`preview: serving ${root} at ${server.url} (Ctrl+C to stop)`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
