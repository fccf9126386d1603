// The docs' "Validate frontend requests" section (spec/info/description.md): the key kinds it
// names are those of the metadata operation's x-propelauth-access, and its migration table names
// every export of this package.
import { readFileSync } from "node:fs";
import { listOperations, loadBundledDocument } from "@propelauth-openapi/spec";
import { describe, expect, it } from "vitest";
import * as dropin from "../dist/index.js";

const description = readFileSync(new URL("../../../spec/info/description.md", import.meta.url), "utf8");
const section = description.split(/^## /m).find((s) => s.startsWith("Validate frontend requests")) ?? "";

describe('the docs section "Validate frontend requests"', () => {
  it("exists", () => {
    expect(section.length).toBeGreaterThan(1000);
  });

  it("names exactly the key kinds, and the permission, that may fetch the verification metadata", () => {
    const doc = loadBundledDocument();
    const op = listOperations(doc).find((o) => o.operationId === "fetchTokenVerificationMetadata");
    const access = op?.operation["x-propelauth-access"] as { "key-kinds": string[]; permissions: string[] };
    const kinds = doc.info["x-propelauth-key-kinds"] as Record<string, { name: string }>;
    const paragraph = section.split("\n\n").find((p) => p.includes("x-propelauth-access")) ?? "";
    const named = [...paragraph.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);
    expect(named).toEqual(access["key-kinds"].map((k) => kinds[k]?.name));
    for (const permission of access.permissions) expect(paragraph).toContain(`\`${permission}\``);
  });

  it("its migration table names every export of @propelauth-openapi/node", () => {
    const table = section.slice(section.indexOf("| `@propelauth/node` 2.1.36 |"), section.indexOf("Deliberate differences"));
    const missing = Object.keys(dropin).filter((name) => !table.includes(`\`${name}\``) && !table.includes(`\`${name}(`));
    expect(missing).toEqual([]);
    expect(table).toContain("the same 31 classes");
    expect(Object.keys(dropin).filter((k) => k.endsWith("Exception"))).toHaveLength(31);
  });
});
