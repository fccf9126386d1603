import { describe, expect, it } from "vitest";
import { pageParameters, pagingOf } from "../../src/index.js";
import { doc, op } from "./fixture.js";

describe("pageParameters", () => {
  it("finds page parameters in the query, prefixed ones too, then in the JSON body", () => {
    expect(pageParameters(doc, op("queryUsers")).map((p) => `${p.in}:${p.name}`)).toEqual([
      "query:page_number",
      "query:page_size",
      "query:members_page_size",
    ]);
    expect(pageParameters(doc, op("searchUsers")).map((p) => `${p.in}:${p.name}:${p.schema.maximum ?? ""}`)).toEqual([
      "body:page_number:",
      "body:page_size:50",
    ]);
    expect(pageParameters(doc, op("ping"))).toEqual([]);
  });
});

describe("pagingOf", () => {
  it("names the one array of a paged envelope and the page_size maximum", () => {
    expect(pagingOf(doc, op("queryUsers"))).toEqual({ where: "query", items: "users", max: 100 });
  });
  it("is undefined when the answer is not a paged envelope", () => {
    expect(pagingOf(doc, op("searchUsers"))).toBeUndefined();
    expect(pagingOf(doc, op("ping"))).toBeUndefined();
    // Two arrays: which one holds the items is not known.
    expect(pagingOf(doc, op("queryOrgs"))).toBeUndefined();
  });
});
