// The task workflows of src/workflow.ts (TASKS) as an Arazzo 1.0 document over the bundled
// document: scripts/arazzo.mjs writes it to dist/propelauth.arazzo.yaml, the docs render it as
// task guides. The same steps make the Postman collection, so the three never disagree. What
// Redocly Respect needs, and why:
//  - every step states its success status (`$statusCode == N`): without it any documented status
//    passes, 401 included;
//  - the backend key is an input (`apiKey`) sent as a header, never text in the file;
//  - values a step saves are read with JSON pointers (`$response.body#/user_id`), not JSONPath.
import type { OpenApiDocument } from "./types.js";
import { COMPUTED_VARIABLES, NUMERIC_VARIABLES, STEPS, stepId, TASKS } from "./workflow.js";

export const ARAZZO_FILE = "propelauth.arazzo.yaml";

export interface ArazzoStep {
  stepId: string;
  description: string;
  operationId: string;
  parameters: { name: string; in: "header" | "path" | "query"; value: unknown }[];
  requestBody?: { contentType: string; payload: unknown };
  successCriteria: { condition: string }[];
  outputs?: Record<string, string>;
}

export interface ArazzoWorkflow {
  workflowId: string;
  summary: string;
  description: string;
  inputs: { type: "object"; required: string[]; properties: Record<string, Record<string, unknown>> };
  steps: ArazzoStep[];
}

export interface ArazzoDocument {
  arazzo: string;
  info: { title: string; version: string; description: string };
  sourceDescriptions: { name: string; url: string; type: "openapi" }[];
  workflows: ArazzoWorkflow[];
}

/** The Arazzo stepId of a workflow step (`createUser#unconfirmed` -> `createUser_unconfirmed`). */
export const arazzoStepId = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, "_");

/** The Arazzo document for the tasks. Throws when a step uses a value no earlier step of its task saves. */
export function arazzoDocument(doc: OpenApiDocument): ArazzoDocument {
  const operations = new Map<string, { summary: string; responses: Record<string, unknown> }>();
  for (const item of Object.values(doc.paths ?? {}))
    for (const op of Object.values(item as Record<string, { operationId?: string; summary: string; responses: Record<string, unknown> }>))
      if (op && typeof op === "object" && op.operationId) operations.set(op.operationId, op);
  const workflows = TASKS.map((task) => {
    const saved = new Map<string, string>(); // variable -> the Arazzo stepId that saves it
    const inputs = new Set<string>(["apiKey"]);
    const expression = (name: string, where: string): string => {
      if (saved.has(name)) return `$steps.${saved.get(name)}.outputs.${name}`;
      if (name in COMPUTED_VARIABLES) {
        inputs.add(name);
        return `$inputs.${name}`;
      }
      throw new Error(`${task.id}: ${where} uses {{${name}}}, which no earlier step of the task saves`);
    };
    // `{{x}}` alone becomes the expression (a number stays a number); inside text, `{$expr}`.
    const value = (v: unknown, where: string): unknown => {
      if (typeof v === "string") {
        const whole = /^\{\{(\w+)\}\}$/.exec(v);
        if (whole) return expression(whole[1]!, where);
        return v.replace(/\{\{(\w+)\}\}/g, (_, name: string) => `{${expression(name, where)}}`);
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
          ...Object.keys(found.responses)
            .filter((s) => /^2\d\d$/.test(s))
            .map(Number),
        );
      const where = `step ${id}`;
      const parameters: ArazzoStep["parameters"] = [
        { name: "Authorization", in: "header", value: "Bearer {$inputs.apiKey}" },
        ...Object.entries(step.path ?? {}).map(([name, v]) => ({ name, in: "path" as const, value: value(v, where) })),
        ...Object.entries(step.query ?? {}).map(([name, v]) => ({ name, in: "query" as const, value: value(v, where) })),
      ];
      const sid = arazzoStepId(id);
      const out: ArazzoStep = {
        stepId: sid,
        description: step.note ? `${step.name ?? found.summary}. ${step.note}` : (step.name ?? found.summary),
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
          : {
              type: NUMERIC_VARIABLES.includes(name) ? "integer" : "string",
              description: COMPUTED_VARIABLES[name as keyof typeof COMPUTED_VARIABLES],
            },
      ]),
    );
    const workflow: ArazzoWorkflow = {
      workflowId: task.id,
      summary: task.summary,
      description: task.description,
      inputs: { type: "object", required: [...inputs], properties },
      steps,
    };
    return workflow;
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
