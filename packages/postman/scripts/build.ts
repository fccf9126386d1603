// Writes dist/propelauth-backend-api.postman_collection.json and dist/environments/*.postman_environment.json
// from the bundled document (build @propelauth-openapi/spec first).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundledDocumentPath, loadBundledDocument } from "@propelauth-openapi/spec";
import { COLLECTION_FILE, ENVIRONMENTS_DIR, generateCollection, generateEnvironments } from "../src/index.js";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const doc = loadBundledDocument();
const collection = generateCollection(doc);

rmSync(dist, { recursive: true, force: true });
mkdirSync(`${dist}${ENVIRONMENTS_DIR}`, { recursive: true });
writeFileSync(`${dist}${COLLECTION_FILE}`, `${JSON.stringify(collection, null, 2)}\n`);
for (const { fileName, environment } of generateEnvironments()) {
  writeFileSync(`${dist}${ENVIRONMENTS_DIR}/${fileName}`, `${JSON.stringify(environment, null, 2)}\n`);
}

const requests = collection.item.reduce((n, folder) => n + folder.item.length, 0);
console.log(`postman: ${requests} requests in ${collection.item.length} folders from ${bundledDocumentPath}`);
