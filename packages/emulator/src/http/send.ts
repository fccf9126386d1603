import type { ServerResponse } from "node:http";

export type Send = (res: ServerResponse, status: number, body: unknown, contentType?: string, headers?: Record<string, string>) => void;

/**
 * Sends an answer: a string or Buffer with its content type, else JSON. An answer too large to
 * serialise becomes a 500 that says so rather than a request left hanging.
 */
export const send: Send = (res, status, body, contentType, headers = {}) => {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, headers).end();
  } else if (typeof body === "string" && contentType) {
    res.writeHead(status, { "content-type": contentType, ...headers }).end(body);
  } else if (Buffer.isBuffer(body)) {
    res.writeHead(status, { "content-type": contentType ?? "application/octet-stream", ...headers }).end(body);
  } else {
    let text: string;
    try {
      text = JSON.stringify(body);
    } catch (error) {
      text = JSON.stringify({ error: `the emulator could not serialise its answer: ${(error as Error).message}` });
      status = 500;
    }
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
  }
};
