// The README's generated parts stay true: the "Migrating from @propelauth/node" table is exactly
// what scripts/migration-table.ts makes from the bundled document's x-propelauth-sdk (rerun it
// with --write when this fails), and every operation it names is an export of the built client.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/readme.test.ts
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { END, migrationTable, README, START } from "../scripts/migration-table.js";
import { builds, doc } from "./support.js";

const readme = readFileSync(README, "utf8");

describe("README", () => {
  it("the migration table is the one generated from the document's x-propelauth-sdk", () => {
    const between = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    expect(between).toBe(migrationTable(doc));
  });

  it("the table names every official function the document maps, each once, with an operation the client exports", () => {
    const named = Object.values(doc.paths).flatMap((item) =>
      Object.values(item as Record<string, { "x-propelauth-sdk"?: { node?: string[] }; operationId?: string }>).flatMap((op) =>
        (op?.["x-propelauth-sdk"]?.node ?? []).map((fn) => [fn, op.operationId!] as const),
      ),
    );
    expect(named.length).toBeGreaterThan(60);
    for (const [fn, id] of named) {
      expect(readme, fn).toContain(`| \`${fn}\` | \`${id}(client, …)\` |`);
      for (const [, lib] of builds) expect(typeof (lib as unknown as Record<string, unknown>)[id], id).toBe("function");
    }
    expect(new Set(named.map(([fn]) => fn)).size).toBe(named.length);
  });
});
