// Shared set-up for client tests: the built client (ESM and CJS files, not the sources) and a
// loopback server that validates each request against the document and answers its example.
import { createRequire } from "node:module";
import { type ExampleServer, loadBundledDocument, type RecordedRequest, startExampleServer } from "@propelauth-openapi/spec";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import * as esm from "../dist/index.js";

const require = createRequire(import.meta.url);
const cjs = require("../dist/index.cjs") as typeof esm;

export const doc = loadBundledDocument();
export const API_KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";

/** Both builds of the package, so every test runs against what users install. */
export const builds = [
  ["esm", esm],
  ["cjs", cjs],
] as const;

/** Starts the example server for the file's tests and gives each test a fresh request log. */
export function useExampleServer(): { server: () => ExampleServer; lastRequest: () => RecordedRequest } {
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
  return {
    server: () => server,
    lastRequest: () => {
      expect(server.requests).toHaveLength(1);
      const request = server.requests[0]!;
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      return request;
    },
  };
}

/** The value of the named example of an operation's success response. */
export function exampleOf(operationId: string, name?: string): unknown {
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      if ((op as { operationId?: string }).operationId !== operationId) continue;
      const responses = (
        op as { responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown>; example?: unknown }> }> }
      ).responses;
      const status = Object.keys(responses)
        .filter((s) => s.startsWith("2"))
        .sort()[0]!;
      const media = Object.values(resolve(responses[status]!).content ?? {})[0];
      if (!media) return undefined;
      if (media.example !== undefined) return media.example;
      const examples = media.examples ?? {};
      const chosen = name ? examples[name] : Object.values(examples)[0];
      return (resolve(chosen) as { value: unknown }).value;
    }
  }
  throw new Error(`no operation ${operationId}`);
}

function resolve<T>(node: T): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((n, k) => (n as Record<string, unknown>)[k.replaceAll("~1", "/")], doc) as T;
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
