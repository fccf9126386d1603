// A raw HTTP client for hostile requests: any method, headers (Host included) and body bytes.
import { request as httpRequest } from "node:http";

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
  json: any;
}

export interface RawCall {
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Do not send Content-Length (chunked). */
  chunked?: boolean;
}

export function raw(base: string, method: string, path: string, call: RawCall = {}): Promise<RawAnswer> {
  const url = new URL(base);
  const headers: Record<string, string> = { ...call.headers };
  if (call.body !== undefined && !call.chunked) headers["content-length"] ??= String(Buffer.byteLength(call.body));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const text = body.toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json });
      });
    });
    // The server may answer (413) and close before the whole body is sent: the answer still counts.
    req.on("error", reject);
    req.end(call.body);
  });
}
