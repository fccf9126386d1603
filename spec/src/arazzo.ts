// The task workflows of src/workflow.ts (TASKS) as an Arazzo 1.0 document over the bundled
// document: scripts/arazzo.ts writes it to dist/propelauth.arazzo.yaml, the docs render it as
// task guides. The same steps make the Postman collection, so the three never disagree. What
// Redocly Respect needs, and why:
//  - every step states its success status (`$statusCode == N`): without it any documented status
//    passes, 401 included;
//  - the backend key is an input (`apiKey`) sent as a header, never text in the file;
//  - values a step saves are read with JSON pointers (`$response.body#/user_id`), not JSONPath.
import { listOperations, type Operation } from "./operations.js";
import { requiredPermissions } from "./read/access.js";
import type { OpenApiDocument } from "./types.js";
import { COMPUTED_VARIABLES, LIVE_VARIABLES, NUMERIC_VARIABLES, STEPS, stepId, TASKS, type Task, taskStep } from "./workflow.js";

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
  outputs?: Record<string, string>;
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
  const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
  return {
    arazzo: "1.0.1",
    info: {
      title: `${doc.info.title}: task workflows`,
      version: doc.info.version,
      description:
        "Tasks a backend does with PropelAuth's Backend API, step by step, each step with the one status that means success. The same steps make the Postman collection of @propelauth-openapi/postman.",
    },
    sourceDescriptions: [{ name: "propelauth", url: "./openapi.yaml", type: "openapi" }],
    workflows: TASKS.map((task) => taskWorkflow(task, operations)),
  };
}

/** Where the values a task's steps send come from: saved by an earlier step, or inputs. */
class Values {
  readonly saved = new Map<string, string>(); // variable -> the Arazzo stepId that saves it
  readonly inputs = new Set<string>(["apiKey"]);
  constructor(private readonly task: Task) {}

  private expression(name: string, where: string): string {
    if (this.saved.has(name)) return `$steps.${this.saved.get(name)}.outputs.${name}`;
    if (name in COMPUTED_VARIABLES || name in LIVE_VARIABLES || name in (this.task.inputs ?? {})) {
      this.inputs.add(name);
      return `$inputs.${name}`;
    }
    throw new Error(`${this.task.id}: ${where} uses {{${name}}}, which no earlier step of the task saves`);
  }

  /** `{{x}}` alone becomes the expression (a number stays a number); inside text, `{$expr}`. */
  value(v: unknown, where: string): unknown {
    if (typeof v === "string") {
      const whole = /^\{\{(\w+)\}\}$/.exec(v);
      if (whole) return this.expression(whole[1]!, where);
      return v.replace(/\{\{(\w+)\}\}/g, (_, name: string) => `{${this.expression(name, where)}}`);
    }
    if (Array.isArray(v)) return v.map((x) => this.value(x, where));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x, where)]));
    return v;
  }

  /** The workflow's input schema: each input with what to give. */
  schema(): ArazzoWorkflow["inputs"] {
    const describe = (name: string): Record<string, unknown> => {
      if (name === "apiKey") return { type: "string", description: keyDescription(this.task), format: "password" };
      const type = NUMERIC_VARIABLES.includes(name) ? "integer" : "string";
      const text = { ...COMPUTED_VARIABLES, ...LIVE_VARIABLES, ...this.task.inputs }[name];
      return { type, description: text };
    };
    return { type: "object", required: [...this.inputs], properties: Object.fromEntries([...this.inputs].map((n) => [n, describe(n)])) };
  }
}

const keyDescription = (task: Task) =>
  task.customKey
    ? `A Custom backend key holding ${task.customKey.map((p) => `\`${p}\``).join(", ")} and none of the permissions the refused steps need.`
    : "A backend API key of the environment (Full Access runs every workflow but customKeyRefused).";

function taskWorkflow(task: Task, operations: Map<string, Operation>): ArazzoWorkflow {
  const values = new Values(task);
  const steps = task.steps.map((entry) => {
    const out = arazzoStep(task, taskStep(entry), operations, values);
    for (const name of Object.keys(out.outputs ?? {})) values.saved.set(name, out.stepId);
    return out;
  });
  const outputs = (task.outputs ?? []).map((name) => {
    const from = values.saved.get(name);
    if (!from) throw new Error(`${task.id}: its output ${name} is saved by none of its steps`);
    return [name, `$steps.${from}.outputs.${name}`];
  });
  return {
    workflowId: task.id,
    summary: task.summary,
    description: task.description,
    inputs: values.schema(),
    steps,
    ...(outputs.length ? { outputs: Object.fromEntries(outputs) } : {}),
  };
}

function arazzoStep(task: Task, entry: ReturnType<typeof taskStep>, operations: Map<string, Operation>, values: Values): ArazzoStep {
  const step = STEPS.find((s) => stepId(s) === entry.step);
  if (!step) throw new Error(`${task.id}: no step ${entry.step} in src/workflow.ts`);
  const op = operations.get(step.operation);
  if (!op) throw new Error(`${task.id}: ${step.operation} is not in the document`);
  const status = entry.status ?? step.status ?? lowestSuccess(op);
  if (task.customKey) checkCustomKey(task, entry.id, op, step.body, status);
  const where = `step ${entry.id}`;
  const parameters: ArazzoStep["parameters"] = [
    { name: "Authorization", in: "header", value: "Bearer {$inputs.apiKey}" },
    ...Object.entries(step.path ?? {}).map(([name, v]) => ({ name, in: "path" as const, value: values.value(v, where) })),
    ...Object.entries(step.query ?? {}).map(([name, v]) => ({ name, in: "query" as const, value: values.value(v, where) })),
  ];
  const notes = [step.note, entry.note].filter(Boolean).join(" ");
  return {
    stepId: entry.id,
    description: notes ? `${step.name ?? op.operation.summary}. ${notes}` : (step.name ?? op.operation.summary),
    operationId: step.operation,
    parameters,
    ...(step.body !== undefined ? { requestBody: { contentType: "application/json", payload: values.value(step.body, where) } } : {}),
    successCriteria: [{ condition: `$statusCode == ${status}` }],
    ...(step.capture
      ? { outputs: Object.fromEntries(Object.entries(step.capture).map(([name, field]) => [name, `$response.body#/${field}`])) }
      : {}),
  };
}

const lowestSuccess = (op: Operation) =>
  Math.min(
    ...Object.keys(op.operation.responses)
      .filter((s) => /^2\d\d$/.test(s))
      .map(Number),
  );

/** A Custom key's task: a 2xx step needs only the key's permissions, a 401 step one it lacks. */
function checkCustomKey(task: Task, id: string, op: Operation, body: unknown, status: number) {
  const held = task.customKey ?? [];
  const missing = requiredPermissions(op, body).filter((p) => !held.includes(p));
  if (status === 401 && missing.length === 0)
    throw new Error(`${task.id}: step ${id} expects 401, but the Custom key holds every permission ${op.operationId} needs`);
  if (status < 300 && missing.length > 0)
    throw new Error(`${task.id}: step ${id} expects ${status}, but the Custom key lacks ${missing.join(", ")}`);
}
