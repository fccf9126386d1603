// How many operations have at least one fact from a published PropelAuth page
// (`x-propelauth-sources.published`), and which pages they come from. spec/README.md quotes the
// figure; test/facts/coverage.test.ts fails when the README and this count differ.
//   tsx scripts/published-coverage.ts   (after the build: reads dist/openapi.json)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { HttpMethod, OpenApiDocument, OperationObject } from "../src/types.js";

const METHODS: HttpMethod[] = ["get", "put", "post", "delete", "patch"];

/** The operations with a published fact, of how many; operations per page; the operationIds without one. */
export interface Coverage {
  covered: number;
  total: number;
  pages: Record<string, number>;
  uncovered: string[];
}

/** How many operations of a bundled document have a fact from a published page, and from which pages. */
export function publishedCoverage(doc: Pick<OpenApiDocument, "paths">): Coverage {
  const operations = Object.values(doc.paths).flatMap((item) =>
    METHODS.map((m) => item[m]).filter((op): op is OperationObject => op !== undefined),
  );
  const pages: Record<string, number> = {};
  const uncovered: string[] = [];
  for (const op of operations) {
    const published = op["x-propelauth-sources"]?.published ?? [];
    if (published.length === 0) uncovered.push(op.operationId);
    for (const url of new Set(published.map((p) => p.page))) pages[url] = (pages[url] ?? 0) + 1;
  }
  return { covered: operations.length - uncovered.length, total: operations.length, pages, uncovered };
}

/** The sentence spec/README.md carries. */
export const coverageSentence = ({ covered, total }: Pick<Coverage, "covered" | "total">): string =>
  `**${covered} of ${total}** operations have at least one fact from a published PropelAuth page`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = JSON.parse(readFileSync(new URL("../dist/openapi.json", import.meta.url), "utf8"));
  const coverage = publishedCoverage(doc);
  console.log(`${coverageSentence(coverage)}.`);
  for (const [url, n] of Object.entries(coverage.pages).sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${url}`);
  console.log(`without one: ${coverage.uncovered.join(", ")}`);
}
