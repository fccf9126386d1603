// The README's "What PropelAuth's answers mean" list says the same as the document: 401 covers a
// key lacking a permission, 403 is never about the key's permissions, every 426 is
// "organizations not enabled", and a 429 may carry Retry-After.
// Run: npx vitest run --project client test/readme-statuses.test.ts
import { readFileSync } from "node:fs";
import { listOperations, loadBundledDocument } from "@propelauth-openapi/spec";
import { describe, expect, it } from "vitest";
import { errorFromResponse, OrganizationsNotEnabledError, UnauthorizedError } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const doc = loadBundledDocument();
const operations = listOperations(doc);
const ref = (response: unknown) => (response as { $ref?: string } | undefined)?.$ref ?? "";
const shared = (name: string) => doc.components.responses?.[name] as { description: string; headers?: Record<string, unknown> };
const error = (status: number) => errorFromResponse(new Response(null, { status }), undefined, "GET", "/x");

describe("README: what each status means", () => {
  it("401: the README and the document's Unauthorized response both include a key lacking a permission", () => {
    expect(readme).toMatch(
      /\*\*401\*\* \(`UnauthorizedError`\): the backend key is missing, wrong, of another environment, or\s+lacks a permission/,
    );
    expect(shared("Unauthorized").description).toMatch(/lacks a permission/);
    expect(error(401)).toBeInstanceOf(UnauthorizedError);
  });

  it("403: no operation describes it for a key's permissions", () => {
    expect(readme).toMatch(/\*\*403\*\* \(`ForbiddenError`\): not about the key/);
    expect(readme).not.toMatch(/403: the key lacks a permission/);
    for (const op of operations) {
      const forbidden = ref(op.operation.responses["403"]);
      if (forbidden) expect(forbidden, op.operationId).toMatch(/(AccessTokenUserNotFound|StepUpMfaForbidden)$/);
    }
  });

  it("426: every 426 of the document is organizations not enabled, thrown as OrganizationsNotEnabledError", () => {
    expect(readme).toMatch(/\*\*426\*\* \(`OrganizationsNotEnabledError`/);
    const with426 = operations.filter((op) => op.operation.responses["426"]);
    expect(with426.length).toBeGreaterThan(20);
    for (const op of with426) expect(ref(op.operation.responses["426"]), op.operationId).toMatch(/OrgsNotEnabled$/);
    expect(error(426)).toBeInstanceOf(OrganizationsNotEnabledError);
  });

  it("429: the document's shared answer has the Retry-After header the client reads", () => {
    expect(readme).toMatch(/`retryAfter` is the `Retry-After` header/);
    expect(Object.keys(shared("TooManyRequests").headers ?? {})).toContain("Retry-After");
  });
});
