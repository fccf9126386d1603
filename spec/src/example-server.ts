import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { successExample } from "./read/media.js";
import { createRouter } from "./router.js";
import type { OpenApiDocument } from "./types.js";
import { createValidator } from "./validator.js";

/** A request as the example server received it, for tests to assert on. */
export interface RecordedRequest {
  method: string;
  /** The path exactly as sent, before decoding. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  operationId?: string;
}

export interface ExampleServer {
  url: string;
  requests: RecordedRequest[];
  /** Makes the next request to `operationId` answer with this status and body instead of the example. */
  respondOnce(operationId: string, status: number, body?: unknown, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType = "application/json") {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  // Only JSON media types are encoded; a text/plain example goes out as the text itself.
  const text = /json/.test(contentType) ? JSON.stringify(body) : String(body);
  res.writeHead(status, { "content-type": contentType, ...headers }).end(text);
}

/**
 * A stateless loopback server that answers every operation of the document with its first
 * success example, after checking the bearer key and validating the request against the
 * document (400 with a field-error map when it does not conform). It records every request.
 */
export async function startExampleServer(doc: OpenApiDocument, options: { port?: number } = {}): Promise<ExampleServer> {
  const match = createRouter(doc);
  const validator = createValidator(doc);
  const requests: RecordedRequest[] = [];
  const overrides = new Map<string, { status: number; body: unknown; headers?: Record<string, string> }[]>();

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const text = await readBody(req);
    let body: unknown;
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    requests.push(record);
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
        record.body = body;
      } catch {
        send(res, 400, { body: ["must be valid JSON"] });
        return;
      }
    }
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? "")) {
      send(res, 401, { error: "missing or malformed Authorization: Bearer <key>" });
      return;
    }
    const found = match(record.method, url.pathname);
    if (found.kind === "not-found") return send(res, 404, { error: `no operation at ${url.pathname}` });
    if (found.kind === "method-not-allowed")
      return send(res, 405, { error: `allowed: ${found.allowed.join(", ")}` }, { allow: found.allowed.join(", ") });
    record.operationId = found.op.operationId;
    const queued = overrides.get(found.op.operationId)?.shift();
    if (queued) return send(res, queued.status, queued.body, queued.headers);
    const checked = validator.validateRequest(found.op, { pathParams: found.pathParams, query: url.searchParams, body });
    if (!checked.ok) return send(res, 400, checked.errors);
    const example = successExample(doc, found.op);
    send(res, example.status, example.body, {}, example.contentType);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondOnce(operationId, status, body, headers) {
      const list = overrides.get(operationId) ?? [];
      list.push({ status, body, headers });
      overrides.set(operationId, list);
    },
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
