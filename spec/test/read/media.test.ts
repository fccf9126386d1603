import { describe, expect, it } from "vitest";
import { firstExample, requestBodyOf, requestMedia, successExample, successOf } from "../../src/index.js";
import { doc, op } from "./fixture.js";

describe("requestBodyOf / requestMedia", () => {
  it("chooses application/json over other JSON and non-JSON types, through a $ref", () => {
    const body = requestBodyOf(doc, op("searchUsers"));
    expect(body?.contentType).toBe("application/json");
    expect(body?.required).toBe(true);
    expect(requestMedia(doc, op("searchUsers"))).toBe(body?.media);
  });
  it("is undefined without a request body", () => {
    expect(requestBodyOf(doc, op("queryUsers"))).toBeUndefined();
  });
});

describe("firstExample", () => {
  it("takes the first named example's value", () => {
    expect(firstExample(doc, requestMedia(doc, op("searchUsers")))).toEqual({ found: true, value: { email: "a@b.c" } });
  });
  it("prefers example, and counts a named example without a value as none", () => {
    expect(firstExample(doc, { example: 1, examples: { a: { value: 2 } } })).toEqual({ found: true, value: 1 });
    expect(firstExample(doc, { examples: { a: { summary: "external" } } })).toEqual({ found: false });
    expect(firstExample(doc, undefined)).toEqual({ found: false });
  });
});

describe("successOf / successExample", () => {
  it("is the lowest 2xx, whatever the order in the document", () => {
    expect(successOf(doc, op("queryUsers"))?.status).toBe(200);
    expect(successOf(doc, op("queryUsers"))?.contentType).toBe("application/json");
  });
  it("has no media type for an empty answer", () => {
    expect(successOf(doc, op("ping"))).toEqual({ status: 204 });
    expect(successExample(doc, op("ping"))).toEqual({ status: 204, body: undefined, contentType: undefined });
  });
});
