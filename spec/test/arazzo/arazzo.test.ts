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
import {
  arazzoDocument,
  listOperations,
  loadBundledDocument,
  requiredPermissions,
  STEPS,
  stepId,
  TASKS,
  type Task,
  taskStep,
} from "../../src/index.js";

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
      expect(steps.map((s: { stepId: string }) => s.stepId)).toEqual(task.steps.map((e) => taskStep(e).id));
      expect(new Set(steps.map((s: { stepId: string }) => s.stepId)).size, task.id).toBe(steps.length);
      for (const [j, entry] of task.steps.entries()) {
        const step = STEPS.find((s) => stepId(s) === taskStep(entry).step)!;
        expect(steps[j].operationId).toBe(step.operation);
        expect(ids.has(steps[j].operationId)).toBe(true);
      }
    }
  });

  it("states each step's success status as an explicit $statusCode == N, the Postman request's unless the task expects a refusal", () => {
    for (const [i, task] of TASKS.entries()) {
      for (const [j, entry] of task.steps.entries()) {
        const { step: id, status } = taskStep(entry);
        const step = STEPS.find((s) => stepId(s) === id)!;
        const op = listOperations(doc).find((o) => o.operationId === step.operation)!;
        const success =
          status ??
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

  it("declares every input a step reads, with what to give, and answers only outputs a step saved", () => {
    for (const workflow of arazzo.workflows) {
      const used = new Set([...JSON.stringify(workflow.steps).matchAll(/\$inputs\.(\w+)/g)].map((m) => m[1]!));
      expect(new Set(workflow.inputs.required), workflow.workflowId).toEqual(used);
      for (const name of used) expect(workflow.inputs.properties[name].description, `${workflow.workflowId} ${name}`).toMatch(/\w/);
      for (const [name, from] of Object.entries(workflow.outputs ?? {}))
        expect(
          workflow.steps.some(
            (s: { stepId: string; outputs?: object }) => from === `$steps.${s.stepId}.outputs.${name}` && s.outputs && name in s.outputs,
          ),
        ).toBe(true);
    }
    const stepUp = arazzo.workflows.find((w: { workflowId: string }) => w.workflowId === "stepUpMfa");
    expect(stepUp.outputs).toEqual({ smsChallengeId: "$steps.sendStepUpSmsCode.outputs.smsChallengeId" });
  });
});

describe("the Custom key refused task", () => {
  const ops = new Map(listOperations(doc).map((o) => [o.operationId, o]));
  const refused = TASKS.find((t) => t.id === "customKeyRefused")!;

  it("expects 401 exactly where the document's x-propelauth-access needs a permission the key lacks", () => {
    const statuses = refused.steps.map((e) => taskStep(e).status ?? 200);
    expect(statuses).toContain(200);
    expect(statuses).toContain(401);
    for (const entry of refused.steps) {
      const { step: id, status } = taskStep(entry);
      const step = STEPS.find((s) => stepId(s) === id)!;
      const missing = requiredPermissions(ops.get(step.operation)!, step.body).filter((p) => !refused.customKey!.includes(p));
      expect(missing.length > 0, id).toBe(status === 401);
    }
    const workflow = arazzo.workflows.find((w: { workflowId: string }) => w.workflowId === "customKeyRefused");
    expect(workflow.inputs.properties.apiKey.description).toContain("`read-users`");
  });

  it("cannot be built with a refusal the key would not get, nor a success it would be refused", () => {
    const held: Task = { ...refused, id: "held", customKey: ["read-users", "read-api-keys"] };
    const lacking: Task = { ...refused, id: "lacking", customKey: ["read-api-keys"] };
    for (const task of [held, lacking]) {
      TASKS.push(task);
      try {
        expect(() => arazzoDocument(doc)).toThrow(task.id === "held" ? /expects 401, but the Custom key holds/ : /lacks read-users/);
      } finally {
        TASKS.pop();
      }
    }
  });
});
