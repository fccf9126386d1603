import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { handlers } from "../dist/index.js";
import { doc, operations } from "./support.js";

/** A tag's handler file: "End-user API keys" → end-user-api-keys.ts. */
const fileOf = (tag: string) => `${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.ts`;
const handlerDir = new URL("../src/handlers/", import.meta.url);
/** The modules of src/handlers that are not a tag's. */
const SHARED = ["index.ts", "types.ts", "util.ts"];

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

  it("handler files follow the document's tags: one file per tag, holding that tag's operations", async () => {
    const tags = (doc.tags ?? []).map((t) => t.name);
    expect(tags.length).toBeGreaterThan(10);
    const files = readdirSync(fileURLToPath(handlerDir)).filter((f) => f.endsWith(".ts") && !SHARED.includes(f));
    expect(files.sort()).toEqual(tags.map(fileOf).sort());
    for (const tag of tags) {
      const module = (await import(new URL(`../dist/handlers/${fileOf(tag).replace(/\.ts$/, ".js")}`, import.meta.url).href)) as Record<
        string,
        Record<string, unknown>
      >;
      const held = Object.values(module).flatMap((value) => Object.keys(value));
      const tagged = operations.filter((op) => op.operation.tags?.[0] === tag).map((op) => op.operationId);
      expect(held.sort(), tag).toEqual(tagged.sort());
    }
  });
});
