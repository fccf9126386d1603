import { describe, expect, it } from "vitest";
import { propertiesOf, requiredOf } from "../../src/index.js";
import { doc } from "./fixture.js";

const page = { $ref: "#/components/schemas/Page" };

describe("propertiesOf / requiredOf", () => {
  it("merges allOf parts, the schema's own properties winning a name, values as written", () => {
    const props = propertiesOf(doc, page);
    expect(Object.keys(props)).toEqual(["id", "name", "users", "has_more_results", "page_size"]);
    expect(props.name).toEqual({ type: "integer" });
    expect(props.users).toEqual({ type: "array", items: { $ref: "#/components/schemas/Base" } });
  });
  it("lists required names of the parts first", () => {
    expect(requiredOf(doc, page)).toEqual(["id", "users"]);
  });
  it("gives nothing for no schema, and stops at a schema that reaches itself", () => {
    expect(propertiesOf(doc, undefined)).toEqual({});
    const loop: Record<string, unknown> = { properties: { a: {} } };
    loop.allOf = [loop];
    expect(propertiesOf(doc, loop)).toEqual({ a: {} });
  });
});
