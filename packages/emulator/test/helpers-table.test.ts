// The test helpers are one table: the listing GET /__emulator/ answers is made from it, and every
// listed helper is reached by the route the dispatcher (and the key gate) resolves for its path.
import { describe, expect, it } from "vitest";
import { ENDPOINTS, helperFor } from "../src/admin.js";

describe("the test helpers' table", () => {
  it("reaches every listed helper by its own path, ids filled in", () => {
    expect(ENDPOINTS.length).toBeGreaterThan(10);
    for (const line of ENDPOINTS) {
      const [method, path] = line.split(/\s+/) as [string, string];
      const filled = path.replace(/\{[^}]+\}/g, "0123abcd");
      const { helper } = helperFor(method, filled);
      expect(helper, line).toBeDefined();
      expect(`${helper!.method} /__emulator${helper!.path}`, line).toBe(`${method} ${path}`);
    }
  });

  it("lists each helper once, with what it does", () => {
    const routes = ENDPOINTS.map((l) => l.split(" — ")[0]!.split(/\s+/).slice(0, 2).join(" "));
    expect(new Set(routes).size).toBe(routes.length);
    for (const line of ENDPOINTS) expect(line).toMatch(/^(GET|POST|PUT) +\/__emulator\/\S+.* — \S/);
  });

  it("reaches nothing for a path it does not list", () => {
    expect(helperFor("DELETE", "/__emulator/keys").helper).toBeUndefined();
    expect(helperFor("GET", "/__emulator/users/x/nope").helper).toBeUndefined();
  });
});
