// How answers are framed and how a batch of writes commits: each answer carries its length (one
// write, not chunked), and a request that fails inside a batch of writes is undone alone.
import { Agent, request } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { GroupCommit } from "../src/group-commit.js";
import { Database } from "../src/sqlite.js";
import { PREFIX, useEmulator } from "./support.js";

// A kept-alive connection, as clients use: there an answer without a length would be chunked.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => agent.destroy());

function call(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; length: number }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent }, (res) => {
      let length = 0;
      res.on("data", (chunk: Buffer) => (length += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, length }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("answers", () => {
  const h = useEmulator();

  it("carry a Content-Length that matches the body, with no chunked encoding", async () => {
    const auth = { authorization: `Bearer ${h().key}`, "content-type": "application/json" };
    const answers = [
      await call(h().emu.url, "POST", `${PREFIX}/user/`, auth, JSON.stringify({ email: "framing@example.com" })),
      await call(h().emu.url, "GET", `${PREFIX}/user/00000000-0000-4000-8000-000000000000`, auth),
      await call(h().emu.url, "GET", `${PREFIX}/user/not-a-uuid`, auth),
      await call(h().emu.url, "GET", "/openapi.json"),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 400, 200]);
    for (const answer of answers) {
      expect(answer.headers["transfer-encoding"]).toBeUndefined();
      expect(answer.headers["content-length"]).toBe(String(answer.length));
    }
  });
});

describe("a batch of writes", () => {
  it("keeps the writes of the requests that succeeded when one in the same batch fails", async () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (n INTEGER)");
    const batch = new GroupCommit(db, () => {});
    batch.write(() => db.prepare("INSERT INTO t VALUES (?)").run(1));
    expect(() =>
      batch.write(() => {
        db.prepare("INSERT INTO t VALUES (?)").run(2);
        throw new Error("the handler failed");
      }),
    ).toThrow("the handler failed");
    batch.write(() => db.prepare("INSERT INTO t VALUES (?)").run(3));
    await new Promise<void>((resolve, reject) => batch.afterCommit(resolve, reject));
    expect(db.inTransaction).toBe(false);
    expect(db.prepare("SELECT n FROM t ORDER BY n").all()).toEqual([{ n: 1 }, { n: 3 }]);
    db.close();
  });
});
