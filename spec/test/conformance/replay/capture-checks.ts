// Checks every captured.json must pass: recorded from the inventory's version, every request sent
// with the backend key (and, where the SDK sends it, the Auth URL's host), and the exempt functions
// exactly those that sent nothing.
import { describe, expect, it } from "vitest";
import type { Capture } from "./captured.js";

export const CAPTURE_KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";

export function captureChecks(sdk: string, capture: Capture, version: string, exempt: Record<string, string>, host?: string) {
  describe(`${sdk} SDK capture`, () => {
    it("was recorded from the version the inventory was extracted from", () => {
      expect(capture.version).toBe(version);
    });
    it(`every recorded request carries the backend key${host ? " and the Auth URL's host" : ""}`, () => {
      const sent = capture.cases.filter((c) => c.neverSent === undefined);
      expect(sent.filter((c) => c.auth !== `Bearer ${CAPTURE_KEY}` || (host !== undefined && c.host !== host))).toEqual([]);
    });
    it("the exempt functions are exactly those the capture saw send nothing", () => {
      const silent = new Set(capture.cases.filter((c) => c.neverSent !== undefined).map((c) => c.fn));
      expect([...silent].sort()).toEqual(Object.keys(exempt).sort());
    });
  });
}
