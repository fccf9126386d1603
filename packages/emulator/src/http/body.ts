import type { IncomingMessage } from "node:http";

/** What reading a request body gave. */
export type Body = { kind: "text"; text: string } | { kind: "too-large"; limit: number } | { kind: "not-utf8" };

/** Default body limit: 5 MiB, far above any PropelAuth request (metadata included). */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

/** Past the limit, this much more is read and dropped so that the client hears the 413; then the connection is cut. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a request body, refusing it as soon as it passes `limit` bytes (by its Content-Length, or
 * while it streams in), before anything parses it. Invalid UTF-8 is refused, not replaced.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> | Body {
  // Most GETs have no body: answer them without waiting a turn of the event loop.
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return { kind: "text", text: "" };
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    drain(req, declared);
    return { kind: "too-large", limit };
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        chunks.length = 0;
        drain(req, Number.POSITIVE_INFINITY);
        resolve({ kind: "too-large", limit });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => {
      if (size > limit) return;
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

/** Drops the rest of a refused body; one far too large is cut off instead. */
function drain(req: IncomingMessage, expected: number) {
  if (expected > DRAIN_LIMIT) {
    req.socket.once("finish", () => req.destroy());
    req.pause();
    return;
  }
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT) req.destroy();
  });
  req.resume();
}
