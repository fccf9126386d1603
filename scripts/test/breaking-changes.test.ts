// The breaking-change gate, proven with planted breaks: each one fails the gate with a message that
// names the change, and passes only once a changeset for the spec declares it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASELINE, declaredBreaks, gate, MARKER, root } from "../breaking-changes.js";

// biome-ignore lint/suspicious/noExplicitAny: a JSON document, walked by key
type Json = Record<string, any>;
const bundled = join(root, "spec", "dist", "openapi.json");
mkdirSync(join(root, ".tmp"), { recursive: true });
const work = mkdtempSync(join(root, ".tmp", "gate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const load = (): Json => JSON.parse(readFileSync(bundled, "utf8"));
/** The object a local $ref points at (mutating it changes the document). */
function deref(doc: Json, node: Json): Json {
  let current = node;
  while (typeof current?.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((o: Json, key: string) => o[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return current;
}
function operations(doc: Json): [string, string, Json][] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => method !== "parameters")
      .map(([method, op]) => [method, path, op as Json] as [string, string, Json]),
  );
}
let n = 0;
function write(doc: Json): string {
  const file = join(work, `doc-${n++}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}
function changesets(files: Record<string, string>): string {
  const dir = join(work, `changesets-${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const none = changesets({ "client-fix.md": '---\n"@propelauth-openapi/client": patch\n---\n\nA fix.\n' });

const plants: [string, (doc: Json) => string[]][] = [
  [
    "a removed operation",
    (doc) => {
      const [method, path] = operations(doc)[0]!;
      delete doc.paths[path][method];
      return [`${method.toUpperCase()} ${path}`, "cannot remove an operation"];
    },
  ],
  [
    "a new required request field",
    (doc) => {
      const [method, path, op] = operations(doc).find(
        ([, , op]) => deref(doc, op.requestBody?.content?.["application/json"]?.schema ?? {}).properties,
      )!;
      const schema = deref(doc, op.requestBody.content["application/json"].schema);
      schema.properties.planted_required_field = { type: "string" };
      schema.required = [...(schema.required ?? []), "planted_required_field"];
      return [`${method.toUpperCase()} ${path}`, "planted_required_field", "required"];
    },
  ],
  [
    "a changed response type",
    (doc) => {
      for (const [method, path, op] of operations(doc)) {
        const schema = deref(doc, op.responses?.["200"]?.content?.["application/json"]?.schema ?? {});
        const entry = Object.entries((schema.properties ?? {}) as Json).find(([, p]) => (p as Json).type === "string");
        if (!entry) continue;
        (entry[1] as Json).type = "integer";
        return [`${method.toUpperCase()} ${path}`, entry[0], "type"];
      }
      throw new Error("no response property of type string to change");
    },
  ],
];

describe("breaking-change gate", () => {
  it("the bundled document breaks no client of the last release, or a changeset declares it", () => {
    const result = gate();
    console.log(result.message.split("\n")[0]);
    expect(result.ok, result.message).toBe(true);
  });

  it("an unchanged document passes", () => {
    const same = write(load());
    expect(gate({ base: same, head: write(load()), changesets: none })).toMatchObject({ ok: true });
  });

  it.each(plants)("%s fails the gate with a message naming it", (_name, plant) => {
    const base = write(load());
    const doc = load();
    const names = plant(doc);
    const result = gate({ base, head: write(doc), changesets: none });
    expect(result.ok).toBe(false);
    for (const name of names) expect(result.message).toContain(name);
  });

  it("a declared break passes: a major spec changeset, or the marker in a spec changeset", () => {
    const base = write(load());
    const doc = load();
    plants[0]![1](doc);
    const head = write(doc);
    const major = changesets({ "spec-remove.md": '---\n"@propelauth-openapi/spec": major\n---\n\nRemoved an operation.\n' });
    const marked = changesets({ "spec-remove.md": `---\n"@propelauth-openapi/spec": minor\n---\n\n${MARKER} removed an operation.\n` });
    const otherPackage = changesets({ "client.md": `---\n"@propelauth-openapi/client": major\n---\n\n${MARKER} not the spec.\n` });
    const result = gate({ base, head, changesets: major });
    expect(result.ok).toBe(true);
    expect(result.message).toContain("declared by spec-remove.md");
    expect(declaredBreaks(marked)).toEqual(["spec-remove.md"]);
    expect(declaredBreaks(otherPackage)).toEqual([]);
  });

  it("the baseline is the released document, kept in the repo", () => {
    expect(BASELINE).toBe(join(root, "released", "openapi.json"));
  });
});
