import { describe, expect, it } from "vitest";
import { handlers } from "../dist/index.js";
import { operations } from "./support.js";

describe("handler inventory", () => {
  const ids = operations.map((op) => op.operationId);

  it("the bundled document has operations", () => {
    expect(ids.length).toBeGreaterThan(60);
  });

  it("every operation of the document has a handler", () => {
    expect(ids.filter((id) => !(id in handlers))).toEqual([]);
  });

  it("no handler names an operation the document does not have", () => {
    expect(Object.keys(handlers).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("operationIds are unique", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });
});
