// The model reader refuses what encoding/json and serde_json refuse, and only that.
import { describe, expect, it } from "vitest";
import { type Models, read } from "./shape.js";

const models: Models = {
  User: { user_id: "uuid", email: "string", created_at: "i64", nickname: { option: "string" }, tags: { default: { list: "string" } } },
  Member: { role: { enum: ["single_role_in_hierarchy", "multi_role"] }, seats: "i32" },
};
const user = { user_id: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a", email: "ada@example.com", created_at: 1700000000 };

describe("model reader", () => {
  it("reads a complete value in both dialects, ignoring unknown fields", () => {
    expect(read({ ...user, extra: true }, { ref: "User" }, models, "serde")).toEqual([]);
    expect(read({ ...user, extra: true }, { ref: "User" }, models, "go")).toEqual([]);
  });
  it("serde refuses a missing required field and a null one; Go leaves the zero value", () => {
    expect(read({ user_id: user.user_id, created_at: 1 }, { ref: "User" }, models, "serde")).toEqual(["$.email is missing"]);
    expect(read({ ...user, email: null }, { ref: "User" }, models, "serde")).toEqual(["$.email is null"]);
    expect(read({ user_id: user.user_id, email: null }, { ref: "User" }, models, "go")).toEqual([]);
  });
  it("Option and #[serde(default)] fields may be missing; only Option may be null", () => {
    expect(read({ ...user, nickname: null }, { ref: "User" }, models, "serde")).toEqual([]);
    expect(read({ ...user, tags: null }, { ref: "User" }, models, "serde")).toEqual(["$.tags is null"]);
  });
  it("both refuse a wrong JSON type, a fraction in an integer and a malformed UUID", () => {
    for (const dialect of ["go", "serde"] as const) {
      expect(read({ ...user, email: 42 }, { ref: "User" }, models, dialect)).toHaveLength(1);
      expect(read({ ...user, created_at: 1.5 }, { ref: "User" }, models, dialect)).toHaveLength(1);
      expect(read({ ...user, user_id: "usr_1" }, { ref: "User" }, models, dialect)).toHaveLength(1);
    }
  });
  it("serde refuses an unknown enum variant and an integer outside the Rust type; Go takes any string", () => {
    expect(read({ role: "owner", seats: 2 ** 31 }, { ref: "Member" }, models, "serde")).toHaveLength(2);
    expect(read({ role: "owner", seats: 2 ** 31 }, { ref: "Member" }, models, "go")).toEqual([]);
  });
  it("a required field (Go type assertion on a map) must be present in both dialects", () => {
    expect(read({}, { map: "any" }, models, "go")).toEqual([]);
    expect(read(undefined, { required: "string" }, models, "go")).toEqual(["$ is missing"]);
  });
});
