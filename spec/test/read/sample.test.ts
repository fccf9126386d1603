import { describe, expect, it } from "vitest";
import { sampleFromSchema } from "../../src/index.js";
import { doc } from "./fixture.js";

const sample = (schema: Record<string, unknown>) => sampleFromSchema(doc, schema);

describe("sampleFromSchema", () => {
  // The docs and Postman used to disagree here (Postman gave false and 0): one rule now.
  it("makes a boolean true and an integer or number 1, or the minimum", () => {
    expect(sample({ type: "boolean" })).toBe(true);
    expect(sample({ type: "integer" })).toBe(1);
    expect(sample({ type: "number" })).toBe(1);
    expect(sample({ type: "integer", minimum: 5 })).toBe(5);
  });
  it("prefers the schema's own example, then examples, const, default, enum", () => {
    expect(sample({ type: "boolean", example: false, default: true })).toBe(false);
    expect(sample({ type: "integer", examples: [7] })).toBe(7);
    expect(sample({ type: "string", const: "c", default: "d" })).toBe("c");
    expect(sample({ type: "integer", default: 0 })).toBe(0);
    expect(sample({ type: "string", enum: ["a", "b"] })).toBe("a");
  });
  it("makes strings by format, else 'example' padded to minLength", () => {
    expect(sample({ type: "string", format: "uuid" })).toBe("2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a");
    expect(sample({ type: "string", format: "email" })).toBe("ada@example.com");
    expect(sample({ type: "string" })).toBe("example");
    expect(sample({ type: "string", minLength: 10 })).toBe("examplexxx");
  });
  it("fills required properties only, through $ref, allOf, and the first non-null option", () => {
    expect(sampleFromSchema(doc, { $ref: "#/components/schemas/Base" })).toEqual({ id: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a" });
    expect(
      sample({
        allOf: [{ type: "object", required: ["a"], properties: { a: { type: "boolean" } } }, { $ref: "#/components/schemas/Base" }],
      }),
    ).toEqual({
      a: true,
      id: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a",
    });
    expect(sample({ oneOf: [{ type: "null" }, { type: "integer" }] })).toBe(1);
    expect(sample({ type: ["null", "boolean"] })).toBe(true);
  });
  it("makes minItems items (at least one), and nothing for no schema", () => {
    expect(sample({ type: "array", items: { type: "integer" } })).toEqual([1]);
    expect(sample({ type: "array", minItems: 2, items: { type: "boolean" } })).toEqual([true, true]);
    expect(sampleFromSchema(doc, undefined)).toBeUndefined();
    expect(sampleFromSchema(doc, true)).toBeUndefined();
    expect(sample({ type: "object", required: ["x"] })).toEqual({ x: null });
  });
});
