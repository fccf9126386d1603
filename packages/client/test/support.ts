// Shared set-up for client tests: the built client (ESM and CJS files, not the sources) and a
// loopback server that validates each request against the document and answers its example.
import { createRequire } from "node:module";
import {
  deref,
  type ExampleServer,
  listOperations,
  loadBundledDocument,
  type RecordedRequest,
  startExampleServer,
  successExample,
} from "@propelauth-openapi/spec";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import * as esm from "../dist/index.js";

const require = createRequire(import.meta.url);
const cjs = require("../dist/index.cjs") as typeof esm;

export const doc = loadBundledDocument();
export const API_KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";
/** The user and organization of the document's examples. */
export const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
export const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";

/** Both builds of the package, so every test runs against what users install. */
export const builds = [
  ["esm", esm],
  ["cjs", cjs],
] as const;

/** Starts the example server for the file's tests and gives each test a fresh request log. */
export function useExampleServer(): {
  server: () => ExampleServer;
  lastRequest: () => RecordedRequest;
  /** Method, exact path, query and parsed body (undefined when none) of the one request the test sent. */
  sent: () => readonly [string, string, Record<string, string>, unknown];
} {
  let server: ExampleServer;
  beforeAll(async () => {
    server = await startExampleServer(doc);
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });
  const lastRequest = () => {
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    return request;
  };
  return {
    server: () => server,
    lastRequest,
    sent: () => {
      const req = lastRequest();
      return [req.method, req.path, Object.fromEntries(req.query), req.body] as const;
    },
  };
}

const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));

/** The value of an example (the first, or the named one) of an operation's success response. */
export function exampleOf(operationId: string, name?: string): unknown {
  const op = operations.get(operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  const success = successExample(doc, op);
  if (name === undefined) return success.body;
  const media = deref(doc, op.operation.responses[String(success.status)]!).content?.[success.contentType ?? ""];
  const example = media?.examples?.[name];
  if (!example) throw new Error(`${operationId} has no example named ${name}`);
  return deref<{ value?: unknown }>(doc, example).value;
}

/** What `fn` throws (undefined when it returns). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
