// Runs the whole collection with newman against a loopback server that answers according to
// the document, and proves the collection's own tests fail on a wrong answer, naming the request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedStatus } from "../src/index.js";
import {
  expectGreenRun,
  failuresOf,
  itemFor,
  operationOf,
  operations,
  runNewman,
  type StartTarget,
  startExampleTarget,
  stepFor,
  type TargetServer,
  unattendedItems,
} from "./support.js";

/** The server the collection runs against: the spec's example server (the emulator has its own test file). */
const startTarget: StartTarget = startExampleTarget;
const KEY = "example-server-key";

/** The server answers the success example; a step that expects an error gets that error's saved example. */
function primeExpectedErrors(server: TargetServer) {
  for (const { item } of unattendedItems) {
    const step = stepFor(item);
    if (step.status === undefined || step.status < 300) continue;
    const saved = item.response.find((r) => r.code === step.status);
    server.respondOnce(step.operation, step.status, saved ? JSON.parse(saved.body) : undefined);
  }
}

describe("newman run against a server that answers by the document", () => {
  let server: TargetServer;
  let summary: Awaited<ReturnType<typeof runNewman>>;

  beforeAll(async () => {
    server = await startTarget();
    primeExpectedErrors(server);
    summary = await runNewman({ authUrl: server.url, apiKey: KEY });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("runs every request that needs no live person once, in collection order, and passes every assertion", () => {
    expectGreenRun(summary);
  });

  it("gets the status each request expects, so the server accepted every request as valid", () => {
    for (const execution of summary.run.executions) {
      const item = itemFor(execution.item.id!);
      const op = operations.find((o) => o.operationId === operationOf(item))!;
      const body = execution.response?.stream?.toString() ?? "";
      expect(`${item.id} ${execution.response?.code}`, body.slice(0, 300)).toBe(`${item.id} ${expectedStatus(op, stepFor(item))}`);
    }
  });

  it("sends the exact paths, trailing slashes included, with the bearer key", () => {
    if (!server.requests) return;
    expect(server.requests.map((r) => r.operationId)).toEqual(unattendedItems.map((i) => operationOf(i.item)));
    for (const request of server.requests) {
      const op = operations.find((o) => o.operationId === request.operationId)!;
      expect(request.method).toBe(op.method.toUpperCase());
      const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      expect(request.path).toMatch(pattern);
      expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    }
    expect(server.requests.find((r) => r.operationId === "createUser")?.path).toBe("/api/backend/v1/user/");
  });
});

describe("the collection's tests fail on a wrong answer, and say which request got it", () => {
  let server: TargetServer;
  beforeAll(async () => {
    server = await startTarget();
  });
  afterAll(async () => {
    await server?.close();
  });

  const run = (folder: string) => runNewman({ authUrl: server.url, apiKey: KEY, folder: ["Create", folder] });

  it("reports a body that violates the schema", async () => {
    const item = itemFor("fetchUserById");
    server.respondOnce("fetchUserById", 200, { wrong: true });
    const failures = failuresOf(await run("Read"));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(`fetchUserById (${item.name}): [${item.name}: body matches the 200 schema]`);
    expect(failures[0]).toMatch(/should have required property|should NOT have additional properties/);
  });

  it("reports a status the document does not list", async () => {
    const item = itemFor("fetchTokenVerificationMetadata");
    const listed = Object.keys(operations.find((o) => o.operationId === item.id)!.operation.responses).join(", ");
    server.respondOnce(item.id, 418, { error: "teapot" });
    primeExpectedErrors(server);
    const summary = await runNewman({ authUrl: server.url, apiKey: KEY, folder: "Validation Only checks" });
    expect(failuresOf(summary)).toEqual([
      expect.stringContaining(
        `[${item.name}: answered 418, not 200] AssertionError: ${item.name} (fetchTokenVerificationMetadata) answered 418`,
      ),
      expect.stringContaining(`[${item.name}: body matches the 418 error schema] AssertionError: the document lists ${listed}, not 418`),
    ]);
  });

  it("reports a JSON answer that is not JSON", async () => {
    server.respondOnce("fetchUserById", 200, undefined, { "content-type": "application/json" });
    expect(failuresOf(await run("Read"))).toEqual([expect.stringContaining("the body is not JSON")]);
  });

  it("fails a documented error answer: only the success status passes", async () => {
    const item = itemFor("fetchUsersByIds");
    server.respondOnce("fetchUsersByIds", 400, { user_ids: ["must be a list of ids"] });
    expect(failuresOf(await run("Read"))).toEqual([
      expect.stringContaining(`fetchUsersByIds (${item.name}): [${item.name}: answered 400, not 200]`),
    ]);
  });

  it("fails a create whose answer lacks the id it must save", async () => {
    const item = itemFor("createOrg");
    server.respondOnce("createOrg", 200, { org_id: "", name: "x" });
    const failures = failuresOf(await runNewman({ authUrl: server.url, apiKey: KEY, folder: "Create" }));
    expect(failures).toContainEqual(expect.stringContaining(`createOrg (${item.name}): [${item.name}: saves org_id as orgId]`));
  });
});
