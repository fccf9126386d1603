// The replay runner's own verdicts: a request the document describes passes, and each way a
// request can miss (another path, another method, an unknown field or query parameter, a wrong
// content type) is caught, so a deviation case can only claim what the document really refuses.
import { describe, expect, it } from "vitest";
import { judge } from "./replay.js";
import type { ReplayCase } from "./types.js";

const source = { repo: "PropelAuth/example", file: "api.ts", fn: "example", version: "v0.0.0" };
const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const base: ReplayCase = {
  source,
  operationId: "fetchUserById",
  method: "GET",
  path: `/api/backend/v1/user/${USER_ID}`,
  query: "include_orgs=true",
};

describe("replay runner verdicts", () => {
  it("accepts a request the document describes", () => {
    expect(judge(base)).toMatchObject({ routedTo: "fetchUserById", errors: {} });
  });
  it("names where a request with another method goes", () => {
    expect(judge({ ...base, method: "POST" }).routedTo).toBe(
      "method-not-allowed: POST /api/backend/v1/user/2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a",
    );
  });
  it("keeps trailing slashes exact", () => {
    expect(
      judge({
        ...base,
        operationId: "createUser",
        method: "POST",
        path: "/api/backend/v1/user",
        query: undefined,
        body: { email: "a@example.com" },
      }).routedTo,
    ).not.toBe("createUser");
  });
  it("reports an unknown query parameter", () => {
    expect(judge({ ...base, query: "include_orgs=true&mystery=1" }).errors).toHaveProperty("mystery");
  });
  it("reports an unknown body field and a null the schema refuses", () => {
    const c: ReplayCase = {
      source,
      operationId: "createOrg",
      method: "POST",
      path: "/api/backend/v1/org/",
      body: { name: "Acme", mystery: 1, domain: 5 },
    };
    expect(Object.keys(judge(c).errors).sort()).toEqual(["domain", "mystery"]);
  });
  it("reports a content type the operation does not take", () => {
    const c: ReplayCase = {
      source,
      operationId: "createOrg",
      method: "POST",
      path: "/api/backend/v1/org/",
      body: { name: "Acme" },
      contentType: "application/x-www-form-urlencoded",
    };
    expect(judge(c).errors).toHaveProperty("content-type");
  });
});
