// The task guides: each Arazzo workflow of the spec package (dist/propelauth.arazzo.yaml) as an
// ordered list of its steps, each linking to its operation's section, with the status that means
// success and what it saves for later steps. One section, with the introduction's markup.
import { listOperations, type OpenApiDocument } from "@propelauth-openapi/spec";
import { codeSpans, escapeHtml } from "../access.js";
import { operationHref } from "../routes.js";
import { anchorLink } from "./anchor.js";
import type { IntroEntry } from "./introduction.js";

/** The parts of an Arazzo 1.0 document the guides show. */
export interface ArazzoDocument {
  workflows: {
    workflowId: string;
    summary?: string;
    description?: string;
    inputs?: { properties?: Record<string, { description?: string }> };
    outputs?: Record<string, string>;
    steps: {
      stepId: string;
      description?: string;
      operationId?: string;
      successCriteria?: { condition: string }[];
      outputs?: Record<string, string>;
    }[];
  }[];
}

export const WORKFLOWS_ROUTE = "/section/task-guides";
export const WORKFLOWS_TITLE = "Task guides";

const guideRoute = (workflowId: string) => `${WORKFLOWS_ROUTE}/${workflowId.toLowerCase()}`;

/** The guides' sidebar entry (after the introduction's): the section, then one link per guide. */
export function workflowsEntry(arazzo: ArazzoDocument): IntroEntry {
  const children = arazzo.workflows.map((w) => ({ title: w.summary ?? w.workflowId, route: guideRoute(w.workflowId) }));
  return { title: WORKFLOWS_TITLE, route: WORKFLOWS_ROUTE, children };
}

/** The success status a step states (`$statusCode == 200`), or undefined. */
const statusOf = (conditions: { condition: string }[] = []) =>
  conditions.map((c) => /^\$statusCode\s*==\s*(\d{3})$/.exec(c.condition.trim())?.[1]).find(Boolean);

/** What a run of the workflow is given (the key, a live person's code …), each with what to give. */
function inputsHtml(properties: Record<string, { description?: string }>): string {
  const items = Object.entries(properties).map(
    ([name, p]) => `<li><code>${escapeHtml(name)}</code>${p.description ? `: ${codeSpans(p.description)}` : ""}</li>`,
  );
  return items.length ? `<p>Inputs:</p><ul class="pa-guide-inputs">${items.join("")}</ul>` : "";
}

/** The guides' section; throws when a step names an operation the document does not have. */
export function workflowsHtml(doc: OpenApiDocument, arazzo: ArazzoDocument): string {
  const ops = new Map(listOperations(doc).map((op) => [op.operationId, op]));
  const guides = arazzo.workflows.map((workflow) => {
    const route = guideRoute(workflow.workflowId);
    const title = workflow.summary ?? workflow.workflowId;
    const steps = workflow.steps.map((step) => {
      const op = step.operationId ? ops.get(step.operationId) : undefined;
      if (!op) throw new Error(`workflow ${workflow.workflowId}: step ${step.stepId} names ${step.operationId}, not in the document`);
      const status = statusOf(step.successCriteria);
      const saves = Object.keys(step.outputs ?? {});
      return [
        "<li>",
        `<a href="${escapeHtml(operationHref(op))}">${escapeHtml(op.operation.summary)}</a> `,
        `<code>${escapeHtml(`${op.method.toUpperCase()} ${op.path}`)}</code>`,
        status ? `: succeeds with <strong>${status}</strong>` : "",
        saves.length ? `; saves ${saves.map((s) => `<code>${escapeHtml(s)}</code>`).join(", ")}` : "",
        step.description && step.description !== op.operation.summary
          ? `<br><span class="pa-muted">${codeSpans(step.description)}</span>`
          : "",
        "</li>",
      ].join("");
    });
    return [
      `<section class="pa-guide" id="${escapeHtml(route)}">`,
      `<h3 class="pa-heading">${escapeHtml(title)}${anchorLink(route)}</h3>`,
      workflow.description ? `<p>${codeSpans(workflow.description)}</p>` : "",
      inputsHtml(workflow.inputs?.properties ?? {}),
      `<ol class="pa-guide-steps">${steps.join("")}</ol>`,
      workflow.outputs
        ? `<p>Answers ${Object.keys(workflow.outputs)
            .map((o) => `<code>${escapeHtml(o)}</code>`)
            .join(", ")}, for a later run.</p>`
        : "",
      "</section>",
    ].join("");
  });
  return [
    `<section class="pa-intro" id="${WORKFLOWS_ROUTE}">`,
    `<h2 class="pa-heading">${WORKFLOWS_TITLE}${anchorLink(WORKFLOWS_ROUTE)}</h2>`,
    "<p>What a backend does with the API, step by step. Each guide is an Arazzo 1.0 workflow of ",
    "<code>@propelauth-openapi/spec</code> (<code>dist/propelauth.arazzo.yaml</code>), which Redocly Respect runs; ",
    "each step names the one status that means success.</p>",
    guides.join(""),
    "</section>",
  ].join("");
}
