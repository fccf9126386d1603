// The samples panel beside an operation: curl, the TypeScript client, the TypeScript operation
// (the view's samples) and the request payload, switched by tabs; the choice applies to every
// operation. The copy button sits in the tab bar, never over the code.
import type { OpenApiDocument } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { exampleRequest } from "../examples.js";
import { slug } from "../routes.js";
import type { OperationView } from "../view.js";
import { codeBlock, json, type Tab, tabsHtml } from "./tabs.js";

const COPY = '<button type="button" class="pa-copy" aria-label="Copy the code">Copy</button>';

export function samplesPanelHtml(doc: OpenApiDocument, { op, samples }: OperationView): string {
  const tabs: Tab[] = samples.map((s) => ({ key: slug(s.label), label: s.label, panel: codeBlock(s.source, s.lang.toLowerCase()) }));
  const body = exampleRequest(doc, op).body;
  if (body) {
    const payload = typeof body.value === "string" ? codeBlock(body.value, "text") : json(body.value);
    tabs.push({ key: "payload", label: "Payload", panel: payload });
  }
  if (tabs.length === 0) return "";
  return `<aside class="pa-samples" aria-label="Request samples of ${escapeHtml(op.operation.summary ?? op.operationId)}"><p class="pa-label">Request samples</p>${tabsHtml(tabs, { id: `${op.operationId}-sample`, label: "Request samples", group: "sample", className: "pa-sample-tabs", extra: COPY })}</aside>`;
}
