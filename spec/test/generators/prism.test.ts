// Prism (@stoplight/prism-cli) still serves the bundled document as a mock: it answers operations
// with the document's examples and refuses a body the document refuses.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE, freePort, startPrism } from "./tools.js";

const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const headers = { authorization: "Bearer 3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f", "content-type": "application/json" };
let prism: { child: ChildProcess; log: () => string };
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  prism = await startPrism(BUNDLE, port);
}, 90_000);

afterAll(() => {
  if (prism?.child.pid !== undefined && prism.child.exitCode === null) process.kill(prism.child.pid);
});

describe("Prism mock of the bundled document", () => {
  it("loads every operation without an error", () => {
    expect(prism.log()).not.toMatch(/✖|error/i);
  });

  it("answers fetchUserById with the document's example user", async () => {
    const response = await fetch(`${base}/api/backend/v1/user/${USER_ID}?include_orgs=true`, { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user_id?: string; email?: string };
    expect(typeof body.user_id).toBe("string");
    expect(typeof body.email).toBe("string");
  });

  it("answers createUser, at the path with its trailing slash, with the created user's id", async () => {
    const response = await fetch(`${base}/api/backend/v1/user/`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "grace@example.com" }),
    });
    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()) as object)).toEqual(["user_id"]);
  });

  it("refuses a createUser body with an unknown field and no email", async () => {
    const response = await fetch(`${base}/api/backend/v1/user/`, { method: "POST", headers, body: JSON.stringify({ emailx: 1 }) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(prism.log()).toContain("must have required property 'email'");
  });

  it("does not serve the path without its trailing slash", async () => {
    const response = await fetch(`${base}/api/backend/v1/user`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "grace@example.com" }),
    });
    expect(response.status).toBe(404);
  });

  it("answers an end-user API key validation with one of the document's examples", async () => {
    const response = await fetch(`${base}/api/backend/v1/end_user_api_keys/validate`, {
      method: "POST",
      headers,
      body: JSON.stringify({ api_key_token: "9f8e7d6c5b4a39281706f5e4d3c2b1a0" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("metadata");
  });
});
