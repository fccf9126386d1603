// The release workflow is a valid GitHub Actions workflow (SchemaStore's schema, kept in the repo),
// runs the README's commands, and publishes with npm provenance.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..", "..");
const schema = JSON.parse(readFileSync(join(root, ".github", "schema", "github-workflow.json"), "utf8"));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
const text = readFileSync(join(root, ".github", "workflows", "release.yml"), "utf8");
const workflow = parse(text);
type Step = { run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> };

describe(".github/workflows/release.yml", () => {
  it("is valid against the GitHub workflow JSON schema", () => {
    expect(validate(workflow), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("the schema check can fail: a misspelt permission level is refused", () => {
    const broken = parse(text.replace("id-token: write", "id-token: writ"));
    expect(validate(broken)).toBe(false);
  });

  it("tests with .ci/run on Node 20, the way CI does", () => {
    const steps: Step[] = workflow.jobs.test.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(["bash .ci/run"]);
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node"))?.with?.["node-version"]).toBe(20);
  });

  it("publishes only after the tests, from main, with pnpm release and npm provenance", () => {
    const job = workflow.jobs.publish;
    expect(job.needs).toBe("test");
    expect(job.if).toContain("refs/heads/main");
    expect(job.permissions["id-token"]).toBe("write");
    const release: Step = job.steps.find((s: Step) => s.run === "npx pnpm release");
    expect(release.env?.NPM_CONFIG_PROVENANCE).toBe("true");
    expect(release.env?.npm_config_registry).toBe("https://registry.npmjs.org/");
    expect(job.steps.map((s: Step) => s.run).filter(Boolean)[0]).toBe("npm run setup");
    expect(workflow.permissions).toEqual({ contents: "read" });
  });
});
