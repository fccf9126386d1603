import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OpenApiDocument } from "./types.js";

/** Absolute path of the bundled document, dist/openapi.json. */
export const bundledDocumentPath = fileURLToPath(
  // This module runs from dist/tools/ when built and from src/ under the tests.
  new URL(import.meta.url.includes("/dist/tools/") ? "../openapi.json" : "../dist/openapi.json", import.meta.url),
);

/** Reads the bundled document (run `pnpm build` first). */
export function loadBundledDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(bundledDocumentPath, "utf8")) as OpenApiDocument;
}
