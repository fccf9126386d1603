// Runs the whole collection with newman against a loopback server that answers according to
// the document, and proves the collection's own tests fail on a wrong answer.
import { successExample } from "@propelauth-openapi/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_API_KEY_PLACEHOLDER } from "../src/index.js";
import {
  doc,
  expectGreenRun,
  failuresOf,
  items,
  operations,
  runNewman,
  type StartTarget,
  startExampleTarget,
  type TargetServer,
} from "./support.js";

/** The server the collection runs against: the spec's example server (the emulator can take its place). */
const startTarget: StartTarget = startExampleTarget;

describe("newman run against a server that answers by the document", () => {
  let server: TargetServer;
  let summary: Awaited<ReturnType<typeof runNewman>>;

  beforeAll(async () => {
    server = await startTarget();
    summary = await runNewman({ authUrl: server.url });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("runs every request once, in collection order, and passes both assertions of each (status documented, body matches the schema)", () => {
    expectGreenRun(summary);
  });

  it("gets each operation's success answer, so the server accepted every request as valid", () => {
    for (const execution of summary.run.executions) {
      const op = operations.find((o) => o.operationId === execution.item.id)!;
      const expected = successExample(doc, op).status;
      const body = execution.response?.stream?.toString() ?? "";
      expect(`${op.operationId} ${execution.response?.code}`, body.slice(0, 300)).toBe(`${op.operationId} ${expected}`);
    }
  });

  it("sends the exact paths, trailing slashes included, with the bearer key", () => {
    if (!server.requests) return;
    expect(server.requests.map((r) => r.operationId)).toEqual(items.map((i) => i.item.id));
    for (const request of server.requests) {
      const op = operations.find((o) => o.operationId === request.operationId)!;
      expect(request.method).toBe(op.method.toUpperCase());
      const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      expect(request.path).toMatch(pattern);
      expect(request.headers.authorization).toBe(`Bearer ${LOCAL_API_KEY_PLACEHOLDER}`);
    }
    expect(server.requests.find((r) => r.operationId === "createUser")?.path).toBe("/api/backend/v1/user/");
  });
});

describe("the collection's tests fail on a wrong answer", () => {
  let server: TargetServer;
  beforeAll(async () => {
    server = await startTarget();
  });
  afterAll(async () => {
    await server?.close();
  });

  const request = (operationId: string) => items.find((i) => i.item.id === operationId)!;

  it("reports a body that violates the schema", async () => {
    const { item, folder } = request("fetchUserById");
    server.respondOnce(item.id, 200, { wrong: true });
    const summary = await runNewman({ authUrl: server.url, folder });
    const failures = failuresOf(summary);
    expect(summary.run.stats.assertions.failed).toBe(1);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(`${item.id}: the 200 body matches the document`);
    expect(failures[0]).toMatch(/should have required property|should NOT have additional properties/);
  });

  it("reports a status the document does not list", async () => {
    const { item, folder } = items[0]!;
    server.respondOnce(item.id, 418, { error: "teapot" });
    const summary = await runNewman({ authUrl: server.url, folder });
    expect(failuresOf(summary)).toEqual([expect.stringContaining(`${item.id}: status 418 is documented`)]);
  });

  it("reports a JSON answer that is not JSON", async () => {
    const { item, folder } = request("fetchUserById");
    server.respondOnce(item.id, 200, undefined, { "content-type": "application/json" });
    const summary = await runNewman({ authUrl: server.url, folder });
    expect(failuresOf(summary)).toEqual([expect.stringContaining("the body is not JSON")]);
  });

  it("accepts a documented error answer whose body matches", async () => {
    const { item, folder } = request("fetchUsersByIds");
    server.respondOnce(item.id, 400, { user_ids: ["must be a list of ids"] });
    const ok = await runNewman({ authUrl: server.url, folder });
    expect(failuresOf(ok)).toEqual([]);
    server.respondOnce(item.id, 400, { user_ids: "not a list" });
    const bad = await runNewman({ authUrl: server.url, folder });
    expect(failuresOf(bad)).toEqual([expect.stringContaining(`${item.id}: the 400 body matches the document`)]);
  });
});
