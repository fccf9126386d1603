// Fails when one of an SDK's backend functions has no replay case, or a case names a function the
// SDK does not have: the inventory is the list of backend functions read from the SDK's source.
import { describe, expect, it } from "vitest";
import type { ReplayCase } from "./types.js";

/**
 * `exempt` names inventory functions that have no request to replay, each with the evidence: they
 * raise before sending anything in the released version, or call an endpoint outside the Backend
 * API. They must have no case.
 */
export function coverage(sdk: string, inventory: string[], cases: ReplayCase[], exempt: Record<string, string> = {}) {
  describe(`${sdk} SDK coverage`, () => {
    const covered = new Set(cases.map((c) => c.source.fn));
    it("the inventory lists each function once", () => {
      expect(inventory.filter((fn, i) => inventory.indexOf(fn) !== i)).toEqual([]);
    });
    it.each([...inventory].sort())("%s has a replay case", (fn) => {
      if (fn in exempt) expect(covered.has(fn), `${fn} has no request to replay (${exempt[fn]}), so no case`).toBe(false);
      else expect(covered.has(fn), `a case whose source.fn is ${fn}`).toBe(true);
    });
    it("every case names a function of the inventory", () => {
      expect([...covered].filter((fn) => !inventory.includes(fn)).sort()).toEqual([]);
    });
    it("every exempt function is in the inventory", () => {
      expect(Object.keys(exempt).filter((fn) => !inventory.includes(fn))).toEqual([]);
    });
  });
}
