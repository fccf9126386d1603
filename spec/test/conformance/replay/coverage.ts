// Fails when one of an SDK's backend functions has no replay case, or a case names a function the
// SDK does not have: the inventory is the list of backend functions read from the SDK's source.
import { describe, expect, it } from "vitest";
import type { ReplayCase } from "./types.js";

export function coverage(sdk: string, inventory: string[], cases: ReplayCase[]) {
  describe(`${sdk} SDK coverage`, () => {
    const covered = new Set(cases.map((c) => c.source.fn));
    it("the inventory lists each function once", () => {
      expect(inventory.filter((fn, i) => inventory.indexOf(fn) !== i)).toEqual([]);
    });
    it.each([...inventory].sort())("%s has a replay case", (fn) => {
      expect(covered.has(fn), `a case whose source.fn is ${fn}`).toBe(true);
    });
    it("every case names a function of the inventory", () => {
      expect([...covered].filter((fn) => !inventory.includes(fn)).sort()).toEqual([]);
    });
  });
}
