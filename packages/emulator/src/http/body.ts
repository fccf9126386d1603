import type { IncomingMessage } from "node:http";

/**
 * What reading a request body gave. `close` says that the connection must be closed after the
 * answer (a body too large even to drop).
 */
export type Body = { kind: "text"; text: string } | { kind: "too-large"; limit: number; close: boolean } | { kind: "not-utf8" };

/** Default body limit: 5 MiB, far above any PropelAuth request (metadata included). */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * A refused body is read and dropped up to this many bytes before the answer: Node clients (node:http,
 * fetch) that are still sending when the server closes report a broken pipe instead of the answer.
 * Past it, the answer is sent and the connection closed.
 */
export const DRAIN_LIMIT = 128 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Whether the request declares a body. */
export const hasBody = (req: IncomingMessage) =>
  req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;

/** Whether the request's Content-Length is past `limit`: refused from its headers, before the key. */
export const declaredTooLarge = (req: IncomingMessage, limit: number) => Number(req.headers["content-length"] ?? 0) > limit;

/**
 * Reads a request body, refusing it once it passes `limit` bytes (by its Content-Length, or while
 * it streams in), before anything parses it: the rest is dropped, up to DRAIN_LIMIT. Invalid
 * UTF-8 is refused, not replaced.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> | Body {
  // Most GETs have no body: answer them without waiting a turn of the event loop.
  if (!hasBody(req)) return { kind: "text", text: "" };
  // Declared past the limit: refused, read only to be dropped (not at all past DRAIN_LIMIT).
  const over = declaredTooLarge(req, limit);
  if (over && Number(req.headers["content-length"]) > DRAIN_LIMIT) return { kind: "too-large", limit, close: true };
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (!over && size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      if (size > DRAIN_LIMIT) {
        req.off("data", onData);
        req.pause();
        resolve({ kind: "too-large", limit, close: true });
      }
    };
    req.on("data", onData);
    req.on("end", () => {
      if (over || size > limit) return resolve({ kind: "too-large", limit, close: false });
      try {
        resolve({ kind: "text", text: chunks.length === 0 ? "" : utf8.decode(Buffer.concat(chunks)) });
      } catch {
        resolve({ kind: "not-utf8" });
      }
    });
    // A client that goes away mid-body gets no answer; nothing was read into the state.
    req.on("error", () => resolve({ kind: "text", text: "" }));
  });
}

/**
 * Drops the body of a request answered without it (no key, no such route), up to `bound` bytes,
 * so the connection stays usable; a longer one is cut off.
 */
export function discardBody(req: IncomingMessage, bound = DRAIN_LIMIT): void {
  if (!hasBody(req) || req.readableEnded) return;
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > bound) req.socket.destroy();
  });
  req.resume();
}
