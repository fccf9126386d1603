// The spec README's coverage figure is computed, not typed: it must be what
// scripts/published-coverage.ts counts in the bundled document.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coverageSentence, publishedCoverage } from "../../scripts/published-coverage.js";
import { loadBundledDocument } from "../../src/index.js";

const doc = loadBundledDocument();
const coverage = publishedCoverage(doc) as { covered: number; total: number; pages: Record<string, number>; uncovered: string[] };

describe("published facts coverage", () => {
  it("the spec README states the count of operations with a published fact", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    expect(readme).toContain(coverageSentence(coverage));
  });

  it("counts every operation once and names the ones without a published fact", () => {
    expect(coverage.total).toBe(
      Object.values(doc.paths)
        .flatMap((item) => Object.values(item))
        .filter((o) => o?.operationId).length,
    );
    expect(coverage.covered + coverage.uncovered.length).toBe(coverage.total);
    expect(coverage.covered).toBeGreaterThan(0);
  });

  it("every published page is one of PropelAuth's own sites", () => {
    for (const url of Object.keys(coverage.pages)) expect(url).toMatch(/^https:\/\/((docs|www)\.)?propelauth\.com\//);
  });
});
