// The README's promise: importing the tools loads no Ajv; a validator loads it on its first schema
// (or at once with prepare()). Checked in a fresh process over the built tools, where nothing else
// has loaded Ajv before.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const tools = fileURLToPath(new URL("../../dist/tools/index.js", import.meta.url));

const probe = `
import { createRequire } from "node:module";
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => /[\\\\/]ajv[\\\\/]/.test(f));
const steps = {};
const spec = await import(${JSON.stringify(tools)});
steps.imported = loaded();
const doc = spec.loadBundledDocument();
const lazy = spec.createValidator(doc);
steps.created = loaded();
const op = spec.listOperations(doc).find((o) => o.operationId === "fetchUserById");
const checked = lazy.validateRequest(op, { pathParams: { user_id: "nope" }, query: new URLSearchParams(), body: undefined });
steps.firstRequest = loaded();
steps.errors = checked.errors;
console.log(JSON.stringify(steps));
`;

describe("createValidator", () => {
  it("loads Ajv on its first schema, not when the tools are imported or a validator is created", () => {
    const steps = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" }));
    expect(steps).toEqual({ imported: false, created: false, firstRequest: true, errors: { user_id: ["must be a valid uuid"] } });
  });

  it("loads it at once with prepare()", () => {
    const early = probe.replace("const lazy = spec.createValidator(doc);", "const lazy = spec.createValidator(doc);\nlazy.prepare();");
    const steps = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", early], { encoding: "utf8" }));
    expect(steps.created).toBe(true);
  });
});
