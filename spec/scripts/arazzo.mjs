// Writes dist/propelauth.arazzo.yaml: the task workflows of src/workflow.ts (TASKS) as Arazzo 1.0,
// next to the document they call. Runs after tsc (it reads dist/tools/workflow.js). The same steps
// make the Postman collection, so the two never disagree. What Redocly Respect needs, and why:
//  - every step states its success status (`$statusCode == N`): without it any documented status
//    passes, 401 included;
//  - the backend key is an input (`apiKey`) sent as a header, never text in the file;
//  - values a step saves are read with JSON pointers (`$response.body#/user_id`), not JSONPath.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

const specDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ARAZZO_FILE = "propelauth.arazzo.yaml";

/** The Arazzo stepId of a workflow step (`createUser#unconfirmed` -> `createUser_unconfirmed`). */
export const arazzoStepId = (id) => id.replace(/[^A-Za-z0-9_-]/g, "_");

/**
 * The Arazzo document for the tasks.
 * @param {any} doc the bundled OpenAPI document
 * @param {typeof import("../dist/tools/workflow.js")} workflow
 */
export function generateArazzo(doc, workflow) {
  const { STEPS, TASKS, COMPUTED_VARIABLES, NUMERIC_VARIABLES, stepId } = workflow;
  const operations = new Map();
  for (const item of Object.values(doc.paths))
    for (const [method, op] of Object.entries(item)) if (op?.operationId) operations.set(op.operationId, { method, op });
  const workflows = TASKS.map((task) => {
    const saved = new Map(); // variable -> the Arazzo stepId that saves it
    const inputs = new Set(["apiKey"]);
    const expression = (name, where) => {
      if (saved.has(name)) return `$steps.${saved.get(name)}.outputs.${name}`;
      if (name in COMPUTED_VARIABLES) {
        inputs.add(name);
        return `$inputs.${name}`;
      }
      throw new Error(`${task.id}: ${where} uses {{${name}}}, which no earlier step of the task saves`);
    };
    // `{{x}}` alone becomes the expression (a number stays a number); inside text, `{$expr}`.
    const value = (v, where) => {
      if (typeof v === "string") {
        const whole = /^\{\{(\w+)\}\}$/.exec(v);
        if (whole) return expression(whole[1], where);
        return v.replace(/\{\{(\w+)\}\}/g, (_, name) => `{${expression(name, where)}}`);
      }
      if (Array.isArray(v)) return v.map((x) => value(x, where));
      if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x, where)]));
      return v;
    };
    const steps = task.steps.map((id) => {
      const step = STEPS.find((s) => stepId(s) === id);
      if (!step) throw new Error(`${task.id}: no step ${id} in src/workflow.ts`);
      const found = operations.get(step.operation);
      if (!found) throw new Error(`${task.id}: ${step.operation} is not in the document`);
      const status =
        step.status ??
        Math.min(
          ...Object.keys(found.op.responses)
            .filter((s) => /^2\d\d$/.test(s))
            .map(Number),
        );
      const where = `step ${id}`;
      const parameters = [
        { name: "Authorization", in: "header", value: "Bearer {$inputs.apiKey}" },
        ...Object.entries(step.path ?? {}).map(([name, v]) => ({ name, in: "path", value: value(v, where) })),
        ...Object.entries(step.query ?? {}).map(([name, v]) => ({ name, in: "query", value: value(v, where) })),
      ];
      const sid = arazzoStepId(id);
      const out = {
        stepId: sid,
        description: step.note ? `${step.name ?? found.op.summary}. ${step.note}` : (step.name ?? found.op.summary),
        operationId: step.operation,
        parameters,
        ...(step.body !== undefined ? { requestBody: { contentType: "application/json", payload: value(step.body, where) } } : {}),
        successCriteria: [{ condition: `$statusCode == ${status}` }],
        ...(step.capture
          ? { outputs: Object.fromEntries(Object.entries(step.capture).map(([name, field]) => [name, `$response.body#/${field}`])) }
          : {}),
      };
      for (const name of Object.keys(step.capture ?? {})) saved.set(name, sid);
      return out;
    });
    const properties = Object.fromEntries(
      [...inputs].map((name) => [
        name,
        name === "apiKey"
          ? { type: "string", description: "A backend API key of the environment (Full Access runs every workflow).", format: "password" }
          : { type: NUMERIC_VARIABLES.includes(name) ? "integer" : "string", description: COMPUTED_VARIABLES[name] },
      ]),
    );
    return {
      workflowId: task.id,
      summary: task.summary,
      description: task.description,
      inputs: { type: "object", required: [...inputs], properties },
      steps,
    };
  });
  return {
    arazzo: "1.0.1",
    info: {
      title: `${doc.info.title}: task workflows`,
      version: doc.info.version,
      description:
        "Tasks a backend does with PropelAuth's Backend API, step by step, each step with the one status that means success. The same steps make the Postman collection of @propelauth-openapi/postman.",
    },
    sourceDescriptions: [{ name: "propelauth", url: "./openapi.yaml", type: "openapi" }],
    workflows,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = JSON.parse(readFileSync(join(specDir, "dist", "openapi.json"), "utf8"));
  const workflow = await import(join(specDir, "dist", "tools", "workflow.js"));
  const arazzo = generateArazzo(doc, workflow);
  writeFileSync(join(specDir, "dist", ARAZZO_FILE), stringify(arazzo, { lineWidth: 0 }));
  console.log(
    `arazzo: ${arazzo.workflows.length} workflows, ${arazzo.workflows.reduce((n, w) => n + w.steps.length, 0)} steps in dist/${ARAZZO_FILE}`,
  );
}
