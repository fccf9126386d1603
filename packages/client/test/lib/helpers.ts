// Helpers for the client's own tests: a recording fetch stub, a scriptable loopback server,
// and the example input of any operation of the document.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { deref, firstExample, listOperations, type Operation, requestMedia } from "@propelauth-openapi/spec";
import { doc } from "../support.js";

export const AUTH_URL = "https://auth.example.com";

/** One request as a stubbed fetch saw it. */
export interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

type Reply = Response | Error | ((seen: Seen, index: number) => Response | Error | Promise<Response | Error>);

/**
 * A `fetch` that records each call and answers from `replies` in order (the last one repeats).
 * An `Error` reply makes the call reject, as a network failure does.
 */
export function stubFetch(...replies: Reply[]) {
  const seen: Seen[] = [];
  const fetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const entry: Seen = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: request.body ? await request.text() : undefined,
      signal: init?.signal ?? undefined,
    };
    seen.push(entry);
    const reply = replies[Math.min(seen.length - 1, replies.length - 1)]!;
    const result = typeof reply === "function" ? await reply(entry, seen.length - 1) : reply;
    if (result instanceof Error) throw result;
    return result.clone();
  };
  return { fetch, seen };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/** A JSON answer whose body breaks off after its first bytes, as a dropped connection leaves it. */
export const brokenBody = () =>
  new Response(
    new ReadableStream({
      start: (c) => {
        c.enqueue(new TextEncoder().encode('{"user_id":'));
        c.error(new TypeError("terminated"));
      },
    }),
    { headers: { "content-type": "application/json" } },
  );

/** A loopback server whose handler the test writes; it records the raw path of every request. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, index: number) => void | Promise<void>) {
  const paths: string[] = [];
  const server = createServer(async (req, res) => {
    paths.push(req.url ?? "");
    try {
      await handler(req, res, paths.length - 1);
    } catch {
      res.destroy();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const UUID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";

/** A value for a parameter: its example, its schema's example, default or first enum value, or one that fits its format. */
function parameterValue(param: Operation["parameters"][number]): unknown {
  if (param.example !== undefined) return param.example;
  const schema = deref<Record<string, unknown>>(doc, param.schema ?? {});
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.format === "uuid") return UUID;
  if (schema.pattern === "^[0-9a-fA-F]{32}$") return "85b90f382257db0ef057982725997fe1";
  return schema.type === "integer" ? 1 : schema.type === "boolean" ? true : "example";
}

/** The input of an operation built from the document's examples: every path parameter, the required query parameters, the example body. */
export function exampleInput(op: Operation): { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown } {
  const input: { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown } = {};
  for (const param of op.parameters) {
    if (param.in === "path") input.path = { ...input.path, [param.name]: parameterValue(param) };
    if (param.in === "query" && param.required) input.query = { ...input.query, [param.name]: parameterValue(param) };
  }
  const example = firstExample(doc, requestMedia(doc, op));
  if (example.found) input.body = example.value;
  return input;
}

export const operations = () => listOperations(doc);
