// Bodies past the limit and bodies without a key, sent by common Node clients to the CLI in its own
// process: the 413 reaches node:http and fetch (the body is read and dropped up to a bound, then
// the connection closes), and a request without a backend key is answered 401 before its body is
// read or parsed.
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cli, startCli } from "./cli.js";
import { PREFIX } from "./support.js";

const MiB = 1024 * 1024;
let cli: Cli;
beforeAll(async () => {
  cli = await startCli(["--memory"]);
});
afterAll(() => cli?.stop());

/** POSTs `size` bytes with node:http (Content-Length in one write, or chunked in 64 KiB writes); the status seen, or the error. */
function nodeHttp(size: number, chunked: boolean): Promise<string> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${cli.keys["full-access"]}` };
  return new Promise((resolve) => {
    const req = httpRequest(
      new URL(`${PREFIX}/user/`, cli.url),
      { method: "POST", agent: false, headers: chunked ? headers : { ...headers, "content-length": String(size) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.statusCode)));
        res.on("error", (e) => resolve(`error ${e.message}`));
      },
    );
    req.on("error", (e) => resolve(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    if (!chunked) return void req.end(Buffer.alloc(size, 0x20));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

async function viaFetch(size: number): Promise<string> {
  try {
    const res = await fetch(new URL(`${PREFIX}/user/`, cli.url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${cli.keys["full-access"]}` },
      body: Buffer.alloc(size, 0x20),
    });
    await res.arrayBuffer();
    return String(res.status);
  } catch (error) {
    const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
    return `error ${cause?.code ?? cause?.message ?? (error as Error).message}`;
  }
}

describe("a body over the limit (5 MiB)", () => {
  it("is answered 413 to node:http and fetch, whatever its size (6-100 MiB) and framing", async () => {
    const seen: string[] = [];
    for (const size of [6 * MiB, 20 * MiB, 100 * MiB]) {
      for (let i = 0; i < 4; i++) {
        seen.push(`${size / MiB} MiB node:http: ${await nodeHttp(size, false)}`);
        seen.push(`${size / MiB} MiB node:http chunked: ${await nodeHttp(size, true)}`);
        seen.push(`${size / MiB} MiB fetch: ${await viaFetch(size)}`);
      }
    }
    expect(seen.filter((s) => !s.endsWith(": 413"))).toEqual([]);
  }, 120_000);
});

describe("a request without a backend key", () => {
  it("is answered 401 from its headers, before its body is sent, read or parsed", async () => {
    const url = new URL(cli.url);
    for (const auth of ["", "Authorization: Bearer not-a-key\r\n"]) {
      const socket = connect(Number(url.port), url.hostname);
      socket.on("error", () => {});
      // The headers promise 4 MiB of body, none of which is ever sent.
      socket.write(
        `POST ${PREFIX}/user/ HTTP/1.1\r\nHost: ${url.host}\r\n${auth}Content-Type: application/json\r\nContent-Length: ${4 * MiB}\r\n\r\n`,
      );
      const head = await new Promise<string>((resolve) => {
        let text = "";
        socket.on("data", (d) => {
          text += d;
          if (text.includes("\r\n\r\n")) resolve(text);
        });
        setTimeout(() => resolve(text || "no answer within 3 s"), 3_000);
      });
      socket.destroy();
      expect(head.split("\r\n")[0], JSON.stringify(auth)).toBe("HTTP/1.1 401 Unauthorized");
    }
  });
});
