// The task guides: every Arazzo workflow of the spec package, each step linking to its
// operation's section (`#/<tag slug>/<operationid>`) with the status that means success.
import { arazzoDocument, listOperations, loadBundledDocument } from "@propelauth-openapi/spec";
import { describe, expect, it } from "vitest";
import { WORKFLOWS_ROUTE, WORKFLOWS_TITLE, workflowsEntry, workflowsHtml } from "../src/render/workflows.js";
import { operationHref } from "../src/routes.js";

const doc = loadBundledDocument();
const arazzo = arazzoDocument(doc);
const html = workflowsHtml(doc, arazzo);

describe("workflowsHtml", () => {
  it("renders one guide per workflow, with its own route and heading link", () => {
    expect(html.startsWith(`<section class="pa-intro" id="${WORKFLOWS_ROUTE}">`)).toBe(true);
    for (const w of arazzo.workflows) {
      const route = `${WORKFLOWS_ROUTE}/${w.workflowId.toLowerCase()}`;
      expect(html).toContain(`<section class="pa-guide" id="${route}">`);
      expect(html).toContain(`href="#${route}"`);
    }
  });

  it("lists each workflow's steps in order, each linking to its operation's section with its success status", () => {
    const ops = new Map(listOperations(doc).map((op) => [op.operationId, op]));
    for (const w of arazzo.workflows) {
      const guide = html.slice(html.indexOf(`id="${WORKFLOWS_ROUTE}/${w.workflowId.toLowerCase()}"`));
      const list = guide.slice(guide.indexOf("<ol"), guide.indexOf("</ol>"));
      const links = [...list.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
      expect(links).toEqual(w.steps.map((s) => operationHref(ops.get(s.operationId)!)));
      for (const link of links) expect(link).toMatch(/^#\/[a-z0-9-]+\/[a-z0-9]+$/);
      const statuses = [...list.matchAll(/succeeds with <strong>(\d{3})<\/strong>/g)].map((m) => m[1]);
      expect(statuses).toEqual(w.steps.map((s) => /== (\d{3})$/.exec(s.successCriteria[0]!.condition)![1]));
    }
    expect(html).toContain('<a href="#/users/createuser">');
  });

  it("lists each workflow's inputs with what to give, and the values it answers for a later run", () => {
    for (const w of arazzo.workflows) {
      const guide = html.slice(html.indexOf(`id="${WORKFLOWS_ROUTE}/${w.workflowId.toLowerCase()}"`));
      const inputs = guide.slice(guide.indexOf('<ul class="pa-guide-inputs">'), guide.indexOf("</ul>"));
      expect([...inputs.matchAll(/<li><code>(\w+)<\/code>/g)].map((m) => m[1])).toEqual(Object.keys(w.inputs.properties));
    }
    const stepUp = html.slice(html.indexOf(`id="${WORKFLOWS_ROUTE}/stepupmfa"`));
    expect(stepUp).toContain("<li><code>stepUpTotpCode</code>: The 6-digit code the user&#39;s authenticator app shows now");
    expect(stepUp.slice(0, stepUp.indexOf("</section>"))).toContain("<p>Answers <code>smsChallengeId</code>, for a later run.</p>");
  });

  it("gives the sidebar one entry for the guides, with each guide's title and route", () => {
    const entry = workflowsEntry(arazzo);
    expect(entry).toMatchObject({ title: WORKFLOWS_TITLE, route: WORKFLOWS_ROUTE });
    expect(entry.children.map((c) => c.route)).toEqual(arazzo.workflows.map((w) => `${WORKFLOWS_ROUTE}/${w.workflowId.toLowerCase()}`));
    for (const c of entry.children) expect(html).toContain(`<section class="pa-guide" id="${c.route}">`);
  });

  it("refuses a step naming an operation the document does not have", () => {
    const broken = structuredClone(arazzo);
    broken.workflows[0]!.steps[0]!.operationId = "noSuchOperation";
    expect(() => workflowsHtml(doc, broken)).toThrow(/noSuchOperation/);
  });

  it("escapes text", () => {
    const odd = structuredClone(arazzo);
    odd.workflows[0]!.summary = "<script>x</script>";
    expect(workflowsHtml(doc, odd)).not.toContain("<script>x");
  });
});
