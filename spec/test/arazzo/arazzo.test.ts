// The published Arazzo file (dist/propelauth.arazzo.yaml) is the task workflows of src/workflow.ts,
// step for step: every step states its success status as `$statusCode == N`, sends the backend key
// from an input, and Redocly's linter accepts it (and refuses a broken copy). The runs against the
// emulator are in scripts/test/arazzo-respect.test.ts (the emulator depends on this package).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { arazzoDocument, listOperations, loadBundledDocument, STEPS, stepId, TASKS } from "../../src/index.js";

const specDir = join(import.meta.dirname, "..", "..");
const file = join(specDir, "dist", "propelauth.arazzo.yaml");
const redocly = join(specDir, "node_modules", ".bin", "redocly");
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
// biome-ignore lint/suspicious/noExplicitAny: an Arazzo document, read by key
const arazzo: any = parse(readFileSync(file, "utf8"));
const doc = loadBundledDocument();

function lint(path: string) {
  return spawnSync(redocly, ["lint", path, "--format", "stylish"], { cwd: specDir, env, encoding: "utf8" });
}

describe("dist/propelauth.arazzo.yaml", () => {
  it("is Arazzo 1.0 over the bundled document next to it", () => {
    expect(arazzo.arazzo).toMatch(/^1\.0\.\d+$/);
    expect(arazzo.info.version).toBe(doc.info.version);
    expect(arazzo.sourceDescriptions).toEqual([{ name: "propelauth", url: "./openapi.yaml", type: "openapi" }]);
  });

  it("is what arazzoDocument() gives for the bundled document (the docs render the same object)", () => {
    expect(arazzo).toEqual(arazzoDocument(doc));
  });

  it("passes redocly lint", () => {
    const result = lint(file);
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it("fails redocly lint when a step names no operation (the lint can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "arazzo-lint-"));
    try {
      const broken = structuredClone(arazzo);
      delete broken.workflows[0].steps[0].operationId;
      writeFileSync(join(dir, "broken.arazzo.yaml"), stringify(broken));
      execFileSync("cp", [join(specDir, "dist", "openapi.yaml"), dir]);
      const result = lint(join(dir, "broken.arazzo.yaml"));
      expect(result.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has one workflow per task, with the task's steps in order, each an operation of the document", () => {
    const ids = new Set(listOperations(doc).map((o) => o.operationId));
    expect(arazzo.workflows.map((w: { workflowId: string }) => w.workflowId)).toEqual(TASKS.map((t) => t.id));
    for (const [i, task] of TASKS.entries()) {
      const steps = arazzo.workflows[i].steps;
      expect(steps.map((s: { stepId: string }) => s.stepId)).toEqual(task.steps.map((id) => id.replace("#", "_")));
      for (const [j, id] of task.steps.entries()) {
        const step = STEPS.find((s) => stepId(s) === id)!;
        expect(steps[j].operationId).toBe(step.operation);
        expect(ids.has(steps[j].operationId)).toBe(true);
      }
    }
  });

  it("states each step's success status as an explicit $statusCode == N, the same the Postman request asserts", () => {
    for (const [i, task] of TASKS.entries()) {
      for (const [j, id] of task.steps.entries()) {
        const step = STEPS.find((s) => stepId(s) === id)!;
        const op = listOperations(doc).find((o) => o.operationId === step.operation)!;
        const success =
          step.status ??
          Math.min(
            ...Object.keys(op.operation.responses)
              .filter((s) => /^2/.test(s))
              .map(Number),
          );
        expect(arazzo.workflows[i].steps[j].successCriteria, `${task.id} ${id}`).toEqual([{ condition: `$statusCode == ${success}` }]);
      }
    }
  });

  it("sends the backend key from the apiKey input on every step, and holds no key", () => {
    for (const workflow of arazzo.workflows) {
      expect(workflow.inputs.required).toContain("apiKey");
      for (const step of workflow.steps)
        expect(step.parameters).toContainEqual({ name: "Authorization", in: "header", value: "Bearer {$inputs.apiKey}" });
    }
    expect(readFileSync(file, "utf8")).not.toMatch(/[0-9a-f]{32,}/);
  });

  it("reads what a step saves with JSON pointers, and uses it only after it was saved", () => {
    for (const workflow of arazzo.workflows) {
      const saved = new Set<string>();
      for (const step of workflow.steps) {
        const text = JSON.stringify(step);
        for (const [, from] of text.matchAll(/\$steps\.(\w+)\.outputs\./g))
          expect(saved, `${workflow.workflowId} ${step.stepId}`).toContain(from);
        for (const output of Object.values(step.outputs ?? {})) expect(output).toMatch(/^\$response\.body#\/\w+$/);
        saved.add(step.stepId);
      }
    }
  });
});
