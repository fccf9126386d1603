// The bundled document with the router and validator built once for every replay test file.
import { createRouter, createValidator, listOperations, loadBundledDocument } from "../../../src/index.js";

export const doc = loadBundledDocument();
export const match = createRouter(doc);
export const validator = createValidator(doc);
export const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
