import type { ServerResponse } from "node:http";

export type Send = (res: ServerResponse, status: number, body: unknown, contentType?: string, headers?: Record<string, string>) => void;

/**
 * Writes the head and the whole body at once. The Content-Length goes in the head so that Node
 * sends head and body in one write, unchunked (cheaper for both ends than chunked encoding).
 */
function answer(
  res: ServerResponse,
  status: number,
  contentType: string,
  headers: Record<string, string> | undefined,
  body: string | Buffer,
) {
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  // A flat list of names and values: no header object is built and copied per answer.
  const list = ["content-type", contentType, "content-length", String(length)];
  if (headers) for (const name in headers) list.push(name, headers[name] as string);
  res.writeHead(status, list).end(body);
}

/**
 * Sends an answer: a string or Buffer with its content type, else JSON. An answer too large to
 * serialise becomes a 500 that says so rather than a request left hanging.
 */
export const send: Send = (res, status, body, contentType, headers) => {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, headers).end();
  } else if (typeof body === "string" && contentType) {
    answer(res, status, contentType, headers, body);
  } else if (Buffer.isBuffer(body)) {
    answer(res, status, contentType ?? "application/octet-stream", headers, body);
  } else {
    let text: string;
    try {
      text = JSON.stringify(body);
    } catch (error) {
      text = JSON.stringify({ error: `the emulator could not serialise its answer: ${(error as Error).message}` });
      status = 500;
    }
    answer(res, status, "application/json", headers, text);
  }
};
