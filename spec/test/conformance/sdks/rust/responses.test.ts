// The Rust crate's serde models read every success example of the operations it calls.
import { describe, expect, it } from "vitest";
import { deref } from "../../../../src/index.js";
import { doc } from "../../replay/document.js";
import { responses } from "../models/responses.js";
import { rustInventory } from "./inventory.js";
import { rustModels, rustSuccess, rustUndefinedFields } from "./models.js";

responses("rust", "serde", rustModels, rustSuccess, rustInventory, rustUndefinedFields);

// serde refuses an enum string that is no variant: every value the document allows for a field the
// crate decodes into an enum must be one of its variants, not only the values the examples use.
describe("Rust enums cover the document's values", () => {
  const values = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "org_role_structure") {
          const target = deref<{ enum?: string[] }>(doc, value as object);
          for (const v of target.enum ?? []) values.add(v);
        }
        walk(value);
      }
    }
  };
  walk(doc);
  it("org_role_structure (OrgRoleStructure in token_models.rs)", () => {
    expect(values.size, "the document enumerates org_role_structure").toBeGreaterThan(0);
    const variants = (rustModels.UserInOrg!.org_role_structure as { enum: string[] }).enum;
    expect([...values].filter((v) => !variants.includes(v))).toEqual([]);
  });
});
