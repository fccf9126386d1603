import { describe, expect, it } from "vitest";
import { builds, thrownBy } from "./support.js";

describe.each(builds)("createClient options (%s build)", (_name, lib) => {
  it.each([
    [{ authUrl: "", apiKey: "k" }, "authUrl", "is required"],
    [{ authUrl: "auth.example.com", apiKey: "k" }, "authUrl", "must be an absolute URL"],
    [{ authUrl: "ftp://auth.example.com", apiKey: "k" }, "authUrl", "must use https"],
    [{ authUrl: "http://auth.example.com", apiKey: "k" }, "authUrl", "http only on localhost, or with allowInsecureHttp"],
    [{ authUrl: "https://auth.example.com/api", apiKey: "k" }, "authUrl", "without a path"],
    [{ authUrl: "https://auth.example.com", apiKey: "" }, "apiKey", "is required"],
    [{ authUrl: "https://auth.example.com", apiKey: "Bearer abc" }, "apiKey", "without `Bearer `, whitespace"],
  ])("refuses %j naming %s", (options, option, rule) => {
    const thrown = thrownBy(() => lib.createClient(options));
    expect(thrown).toBeInstanceOf(lib.InvalidClientOptionError);
    expect((thrown as InstanceType<typeof lib.InvalidClientOptionError>).option).toBe(option);
    expect(String((thrown as Error).message)).toContain(rule);
  });

  it("accepts an https Auth URL with a trailing slash, http on localhost, and http elsewhere when allowed", () => {
    expect(() => lib.createClient({ authUrl: "https://auth.example.com/", apiKey: "k" })).not.toThrow();
    expect(() => lib.createClient({ authUrl: "http://localhost:4010", apiKey: "k" })).not.toThrow();
    expect(() => lib.createClient({ authUrl: "http://10.0.0.5:4010", apiKey: "k", allowInsecureHttp: true })).not.toThrow();
  });
});
