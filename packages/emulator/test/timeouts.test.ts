// A slow client is cut as the README says: its headers within 10 s, its whole request within 30 s
// (Node checks these deadlines every second here, not every 30 s by default).
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { PREFIX, useEmulator } from "./support.js";

const h = useEmulator();

/** Opens a connection, sends `first`, then one byte of `trickle` every 500 ms; resolves with the seconds until the server closed it. */
function trickle(first: string): Promise<number> {
  const url = new URL(h().emu.url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(url.port), url.hostname);
    socket.on("error", () => {});
    socket.write(first);
    const timer = setInterval(() => socket.writable && socket.write(" "), 500);
    socket.on("close", () => {
      clearInterval(timer);
      resolve((Date.now() - started) / 1000);
    });
    setTimeout(() => socket.destroy(), 60_000);
  });
}

describe("slow clients", () => {
  it("are cut 10 s after the request began when the headers are not in, 30 s when the body is not", async () => {
    const [headers, body] = await Promise.all([
      trickle(`GET ${PREFIX}/user/query HTTP/1.1\r\nHost: localhost\r\nX-Slow: `),
      trickle(`POST ${PREFIX}/user/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`),
    ]);
    expect(headers).toBeGreaterThanOrEqual(9.5);
    expect(headers).toBeLessThan(12.5);
    expect(body).toBeGreaterThanOrEqual(29.5);
    expect(body).toBeLessThan(32.5);
  }, 70_000);
});
