// Writes dist/propelauth.arazzo.yaml (the task workflows as Arazzo 1.0, see src/arazzo.ts) next to
// the bundled document (run after scripts/bundle.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { ARAZZO_FILE, arazzoDocument } from "../src/arazzo.js";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const arazzo = arazzoDocument(JSON.parse(readFileSync(join(dist, "openapi.json"), "utf8")));
writeFileSync(join(dist, ARAZZO_FILE), stringify(arazzo, { lineWidth: 0 }));
console.log(
  `arazzo: ${arazzo.workflows.length} workflows, ${arazzo.workflows.reduce((n, w) => n + w.steps.length, 0)} steps in dist/${ARAZZO_FILE}`,
);
