// Descriptions speak to the reader: every description and summary of the bundled document says what
// the API does. Research notes (guesses, which SDK sends what, what a source shows) belong in the
// operation's x-propelauth-sources.
import { describe, expect, it } from "vitest";
import { loadBundledDocument } from "../../src/index.js";
import { extensionPointers, researchNotes } from "./prose.js";

describe("reader-facing prose", () => {
  const doc = loadBundledDocument();

  it("no description or summary carries a research note", () => {
    expect(researchNotes(doc)).toEqual([]);
  });

  it("the check finds research wording wherever it is, and skips x- extensions", () => {
    const planted = {
      paths: {
        "/a": { get: { description: "The Python SDK sends it.", "x-propelauth-sources": { notes: ["The Python SDK sends it."] } } },
      },
      components: { schemas: { A: { properties: { b: { description: "Presumably seconds." } } } } },
    };
    expect(researchNotes(planted)).toEqual([
      '/paths/~1a/get/description: "SDK" (which SDK does what (x-propelauth-sources.sdks and differences))',
      '/components/schemas/A/properties/b/description: "Presumably" (a guess)',
    ]);
  });

  it("the migration section of the introduction may name the official SDK; nothing else may, and other rules still apply there", () => {
    const description = [
      "Intro: the Go SDK sends it.",
      "## Validate frontend requests\n\nMigrating from `@propelauth/node`: the official SDK. Presumably fine.",
      "## Pagination\n\nAs getApis does.",
    ].join("\n\n");
    expect(researchNotes({ info: { description } })).toEqual([
      '/info/description: "Presumably" (a guess)',
      '/info/description: "SDK" (which SDK does what (x-propelauth-sources.sdks and differences))',
    ]);
    const onlyTheSection = "## Validate frontend requests\n\n`@propelauth/node` and its SDK.";
    expect(researchNotes({ info: { description: onlyTheSection } })).toEqual([]);
    expect(researchNotes({ paths: { "/a": { get: { description: onlyTheSection } } } })).toHaveLength(1);
  });

  it("no operation's prose points the reader to an extension field by its name", () => {
    expect(extensionPointers(doc)).toEqual([]);
  });

  it("the pointer check finds an extension name in an operation, and leaves the introduction alone", () => {
    const planted = {
      info: { description: "Each operation's `x-propelauth-access` names its `key-kinds`." },
      paths: { "/a": { patch: { description: "Extra permissions per field (see `field-permissions`)." } } },
    };
    expect(extensionPointers(planted)).toEqual(["/paths/~1a/patch/description: `field-permissions`"]);
  });
});
