import { describe, expect, it } from "vitest";
import { kindHolds, kindsAllowed, requiredPermissions } from "../../src/index.js";
import { doc, op } from "./fixture.js";

describe("kindHolds / kindsAllowed", () => {
  it("lets Full Access and Custom call everything, a predefined kind only what it is granted", () => {
    expect(kindsAllowed(doc.info, ["read:users"])).toEqual(["full-access", "read-only", "custom"]);
    expect(kindsAllowed(doc.info, ["read:users", "validate"])).toEqual(["full-access", "read-only", "custom"]);
    expect(kindsAllowed(doc.info, ["validate"])).toEqual(["full-access", "read-only", "validation-only", "custom"]);
    expect(kindsAllowed(doc.info, ["write:users"])).toEqual(["full-access", "custom"]);
  });
  it("treats an unknown permission as granted to no predefined kind", () => {
    expect(kindHolds(doc.info, "read-only", ["nope"])).toBe(false);
    expect(kindHolds(doc.info, "custom", ["nope"])).toBe(true);
    expect(kindsAllowed({}, ["read:users"])).toEqual([]);
  });
});

describe("requiredPermissions", () => {
  it("adds a field's permissions only when the field is sent, and not when sent as null", () => {
    expect(requiredPermissions(op("searchUsers"), {})).toEqual(["read:users"]);
    expect(requiredPermissions(op("searchUsers"), { email: null })).toEqual(["read:users"]);
    expect(requiredPermissions(op("searchUsers"), { email: "x" })).toEqual(["read:users", "write:users"]);
    expect(requiredPermissions(op("ping"), { email: "x" })).toEqual([]);
  });
});
