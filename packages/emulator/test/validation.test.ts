import { describe, expect, it } from "vitest";
import { startEmulator } from "../dist/index.js";
import { harness, request, uniqueEmail, useEmulator } from "./support.js";

describe("request validation against the document", () => {
  const h = useEmulator();

  it("answers 400 with the field-error map for unknown fields, wrong types and missing required fields", async () => {
    const answer = await h().op("createUser", {}, { body: { email_confirmed: "yes", favourite_colour: "blue" } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      email: ["is required"],
      email_confirmed: ["must be of type boolean"],
      favourite_colour: ["is not a known field"],
    });
    expect((await h().op("createUser", {}, { body: { email: "not an email" } })).body).toEqual({ email: ["must be a valid email"] });
    expect((await h().op("queryUsers", {}, { query: { page_size: "ten", colour: "blue" } })).body).toEqual({
      page_size: ["must be of type integer"],
      colour: ["is not a known query parameter"],
    });
    expect((await h().op("createUser", {}, { raw: "{not json" })).body.body).toEqual(expect.arrayContaining(["must be valid JSON"]));
    expect((await h().op("createUser")).body).toEqual({ body: ["is required (a JSON object)"] });
  });

  it("validates before any handler runs: a refused request changes nothing", async () => {
    const before = (await h().admin("GET", "/state")).body.digest;
    await h().op("createUser", {}, { body: { email: uniqueEmail(), unknown: 1 } });
    await h().op("createOrg", {}, { body: { name: 42 } });
    expect((await h().admin("GET", "/state")).body.digest).toBe(before);
  });

  it("answers 404 with the map where the operation documents no 400 (malformed path parameter)", async () => {
    const answer = await h().op("fetchUserSignupQueryParameters", { user_id: "not-a-uuid" });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ user_id: ["must be a valid uuid"] });
  });

  it("answers 400 with the map where the operation documents a 400 (malformed path parameter)", async () => {
    const answer = await h().op("fetchUserById", { user_id: "not-a-uuid" });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ user_id: ["must be a valid uuid"] });
  });

  it("answers unknown paths with 404, wrong methods with 405, and tags every answer with x-request-id", async () => {
    expect((await h().api("GET", "/no/such/thing")).status).toBe(404);
    expect((await h().api("GET", "/user/")).status).toBe(405);
    const a = await h().op("fetchCustomRoleMappings");
    const b = await h().op("fetchCustomRoleMappings");
    expect(a.headers.get("x-request-id")).toMatch(/^req_/);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });
});

describe("response validation mode", () => {
  const broken = {
    fetchUserById: () => ({ status: 200, body: { user_id: "not-a-uuid", email: "x@example.com" } }),
    fetchOrg: () => ({ status: 418, body: { error: "teapot" } }),
  };

  it("turns an answer that does not match the document into a 500 that says why", async () => {
    const h = harness(await startEmulator({ memory: true, port: 0, validateResponses: true, handlerOverrides: broken }));
    try {
      const answer = await h.op("fetchUserById", { user_id: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a" });
      expect(answer.status).toBe(500);
      expect(answer.body.error).toBe("emulator response does not match the OpenAPI document");
      expect(answer.body.problems.join("\n")).toMatch(/user_id must be a valid uuid/);
      expect(answer.body.problems.join("\n")).toMatch(/email_confirmed/);
      const teapot = await h.op("fetchOrg", { org_id: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a" });
      expect(teapot.body.problems).toEqual(["fetchOrg: status 418 is not documented"]);
    } finally {
      await h.emu.close();
    }
  });

  it("lets the same answer through when the mode is off", async () => {
    const emu = await startEmulator({ memory: true, port: 0, handlerOverrides: broken });
    try {
      const answer = await request(emu.url, "GET", "/api/backend/v1/user/2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a", {
        key: emu.keys["full-access"].token,
      });
      expect(answer.status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
