import { describe, expect, it } from "vitest";
import { createRouter, createValidator, listOperations, loadBundledDocument, successExample } from "../../src/index.js";

const doc = loadBundledDocument();
const match = createRouter(doc);
const validator = createValidator(doc);
const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";

const routeOf = (method: string, path: string) => {
  const found = match(method, path);
  return found.kind === "match" ? found.op.operationId : found.kind;
};

describe("router", () => {
  it("prefers literal segments over templated ones", () => {
    expect(routeOf("GET", "/api/backend/v1/user/email")).toBe("fetchUserByEmail");
    expect(routeOf("GET", "/api/backend/v1/user/query")).toBe("queryUsers");
    expect(routeOf("GET", `/api/backend/v1/user/${USER_ID}`)).toBe("fetchUserById");
    expect(routeOf("GET", `/api/backend/v1/user/org/${USER_ID}`)).toBe("fetchUsersInOrg");
  });

  it("decodes path parameters and treats trailing slashes as different paths", () => {
    const found = match("GET", `/api/backend/v1/user/${encodeURIComponent("a/b")}`);
    expect(found.kind === "match" && found.pathParams).toEqual({ user_id: "a/b" });
    expect(routeOf("GET", "/api/backend/v1/user/email/")).toBe("not-found");
  });

  it("tells a wrong method from an unknown path", () => {
    expect(match("DELETE", "/api/backend/v1/user/emails")).toEqual({ kind: "method-not-allowed", allowed: ["POST"] });
    expect(routeOf("GET", "/api/backend/v2/user/email")).toBe("not-found");
  });
});

describe("validator", () => {
  const op = (id: string) => listOperations(doc).find((o) => o.operationId === id)!;

  it("converts query strings to their schema types and accepts a valid request", () => {
    const result = validator.validateRequest(op("queryUsers"), {
      pathParams: {},
      query: new URLSearchParams("page_size=5&page_number=0&include_orgs=true&order_by=EMAIL"),
      body: undefined,
    });
    expect(result).toEqual({ ok: true, errors: {}, query: { page_size: 5, page_number: 0, include_orgs: true, order_by: "EMAIL" } });
  });

  it("names each offending field with the rule it breaks", () => {
    const result = validator.validateRequest(op("queryUsers"), {
      pathParams: {},
      query: new URLSearchParams("page_size=500&order_by=NEWEST&color=blue"),
      body: undefined,
    });
    expect(result.errors).toEqual({
      page_size: ["must be <= 100"],
      order_by: [expect.stringContaining("must be one of")],
      color: ["is not a known query parameter"],
    });
  });

  it("refuses a missing required body, unknown body fields and wrong item types", () => {
    expect(
      validator.validateRequest(op("fetchUsersByEmails"), { pathParams: {}, query: new URLSearchParams(), body: undefined }).errors,
    ).toEqual({
      body: ["is required (a JSON object)"],
    });
    expect(
      validator.validateRequest(op("fetchUsersByEmails"), {
        pathParams: {},
        query: new URLSearchParams(),
        body: { emails: [1], extra: true },
      }).errors,
    ).toEqual({ emails: ["must be of type string"], extra: ["is not a known field"] });
  });

  it("validates a oneOf body against the variant its const property names", () => {
    const check = (body: unknown) =>
      validator.validateRequest(op("setOidcIdpMetadata"), { pathParams: {}, query: new URLSearchParams(), body }).errors;
    const common = { org_id: USER_ID, client_id: "id", client_secret: "secret", uses_pkce: true };
    expect(check({ ...common, idp_type: "Okta" })).toEqual({ okta_sso_domain: ["is required"] });
    expect(check({ ...common, idp_type: "Okta", okta_sso_domain: "acme.okta.com" })).toEqual({});
    expect(check({ ...common, idp_type: "Ping" })).toEqual({ idp_type: ['must be one of "Generic", "Okta", "Azure"'] });
  });

  it("accepts every success example of the document and rejects a wrong response", () => {
    for (const operation of listOperations(doc)) {
      const example = successExample(doc, operation);
      expect(validator.validateResponse(operation, example.status, example.body), operation.operationId).toEqual([]);
    }
    expect(validator.validateResponse(op("fetchUserById"), 200, { user_id: USER_ID })).not.toEqual([]);
    expect(validator.validateResponse(op("fetchUserById"), 418, {})).toEqual(["fetchUserById: status 418 is not documented"]);
  });
});
