// Every function of the official Node SDK's getApis() must be mapped, through x-propelauth-sdk.node,
// to exactly one operation of the bundled document, and every name mapped must be a real function.
import { getApis } from "@propelauth/node-apis";
import { describe, expect, it } from "vitest";
import { listOperations, loadBundledDocument } from "../../src/index.js";

const functions = Object.keys(getApis(new URL("https://1581439057.propelauthtest.com"), "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f")).sort();
const operations = listOperations(loadBundledDocument());

/** The operations that name each SDK function. */
const named = new Map<string, string[]>();
for (const op of operations) {
  for (const fn of op.operation["x-propelauth-sdk"]?.node ?? []) named.set(fn, [...(named.get(fn) ?? []), op.operationId]);
}

describe("official Node SDK coverage", () => {
  it("getApis() has the 80 functions this document maps", () => {
    expect(functions).toHaveLength(80);
  });

  it.each(functions)("%s is named by exactly one operation", (fn) => {
    expect(named.get(fn) ?? [], `operations whose x-propelauth-sdk.node names ${fn}`).toHaveLength(1);
  });

  it("every name in x-propelauth-sdk.node is a getApis() function", () => {
    expect([...named.keys()].filter((fn) => !functions.includes(fn))).toEqual([]);
  });
});
