// PropelAuth's Python SDK read the emulator's real answers: parse-emulator.py called every public
// method of Auth and AsyncAuth (released v4.4.0, its own code) against an emulator seeded with the
// document's examples and recorded the status and what raised (emulator-parsed.json). Every
// success answer must have been read without raising, and every method that reads an example
// (parsed.json) must have been called.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { match } from "../../replay/document.js";
import { loadParsed } from "../../replay/parsed-examples.js";

interface EmulatorCall {
  public: string;
  path: string;
  status: number;
  error: string | null;
}

const calls = (JSON.parse(readFileSync(new URL("./emulator-parsed.json", import.meta.url), "utf8")) as { calls: EmulatorCall[] }).calls;

describe("Python SDK reads the seeded emulator's answers", () => {
  it.each(calls.filter((c) => c.status < 300).map((c) => [`${c.public} <- ${c.path} ${c.status}`, c] as const))("%s", (_name, c) => {
    expect(c.error).toBeNull();
  });

  it("each call reached an operation of the document", () => {
    expect(calls.filter((c) => match("GET", c.path).kind === "not-found")).toEqual([]);
  });

  it("every method that reads the document's examples was called against the emulator", () => {
    const called = new Set(calls.map((c) => c.public));
    const reading = new Set(loadParsed(new URL("./parsed.json", import.meta.url)).map((p) => p.public));
    expect([...reading].filter((p) => p !== "init_base_auth" && !called.has(p))).toEqual([]);
  });

  it("most calls succeed on the seeded data (a drop means the seed or the arguments drifted apart)", () => {
    expect(calls.filter((c) => c.status < 300).length).toBeGreaterThanOrEqual(115);
  });
});
