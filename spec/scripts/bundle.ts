// Bundles the split document into dist/openapi.json and dist/openapi.yaml, the one artefact that
// every package consumes. Fails if the bundle is not a complete OpenAPI 3.1 document.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type { OpenApiDocument } from "../src/types.js";

const specDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(specDir, "dist");
mkdirSync(dist, { recursive: true });
const jsonPath = join(dist, "openapi.json");

try {
  execFileSync(
    join(specDir, "node_modules", ".bin", "redocly"),
    ["bundle", "openapi.yaml", "--config", "redocly.yaml", "--ext", "json", "--output", jsonPath],
    {
      cwd: specDir,
      stdio: "pipe",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
} catch (error) {
  // Redocly's own output says which file and line failed; show it only then.
  const failed = error as Error & { stderr?: Buffer };
  process.stderr.write(String(failed.stderr ?? failed.message));
  process.exit(1);
}

// Partial: the checks below are what make it a complete document.
const doc: Partial<OpenApiDocument> = JSON.parse(readFileSync(jsonPath, "utf8"));
if (doc.openapi !== "3.1.0" || typeof doc.info?.description !== "string" || !doc.paths || !doc.info) {
  throw new Error(`bundle: ${jsonPath} is not a complete OpenAPI 3.1 document (info.description must be inlined text)`);
}
// One version identity: the document's info.version is the spec package's version, so a reader can
// tell which release they hold (the packages built from it show the same number).
doc.info.version = JSON.parse(readFileSync(join(specDir, "package.json"), "utf8")).version;
writeFileSync(jsonPath, `${JSON.stringify(doc, null, 2)}\n`);
writeFileSync(join(dist, "openapi.yaml"), stringify(doc, { lineWidth: 0 }));
const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item).filter((k) => k !== "parameters"));
console.log(`bundle: ${operations.length} operations, version ${doc.info.version} -> dist/openapi.json, dist/openapi.yaml`);
