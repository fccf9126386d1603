// One operation's section: heading, method and path (with the servers it is served from), the
// description (with "Who can call this", its names and the Sources note, put there by enrich),
// parameters, request body and responses, and the samples panel beside them. Its id is its route
// (`/users/fetchuserbyemail`), so the sidebar's `#/users/fetchuserbyemail` links scroll to it
// natively.
import type { OpenApiDocument, Operation } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { operationHref } from "../intro.js";
import { anchorLink } from "./anchor.js";
import { requestBodyHtml, responsesHtml } from "./bodies.js";
import { markdown } from "./markdown.js";
import { parametersHtml } from "./parameters.js";
import { pathHtml } from "./path.js";
import { samplesPanelHtml } from "./samples-panel.js";

/** The method and path, unfolding to the servers (plain text) that serve it. */
function endpointHtml(doc: OpenApiDocument, op: Operation): string {
  const servers = (doc.servers ?? []).map(
    (s) =>
      `<li><code class="pa-nowrap">${escapeHtml(s.url)}${escapeHtml(op.path)}</code><span class="pa-server-about">${escapeHtml(s.description ?? "")}</span></li>`,
  );
  const method = op.method.toUpperCase();
  return `<details class="pa-endpoint"><summary><span class="pa-method pa-method-${op.method}">${method}</span> <code class="pa-path">${pathHtml(op.path)}</code></summary><ul class="pa-server-list">${servers.join("")}</ul></details>`;
}

export function operationHtml(doc: OpenApiDocument, op: Operation): string {
  const route = operationHref(op).slice(1);
  const title = op.operation.summary ?? op.operationId;
  const deprecated = op.operation.deprecated ? ' <span class="pa-badge">deprecated</span>' : "";
  return [
    `<section class="pa-op" id="${escapeHtml(route)}" data-operation-id="${escapeHtml(op.operationId)}">`,
    '<div class="pa-op-doc">',
    `<h2 class="pa-heading">${escapeHtml(title)}${deprecated}${anchorLink(route)}</h2>`,
    endpointHtml(doc, op),
    markdown(op.operation.description),
    parametersHtml(doc, op),
    requestBodyHtml(doc, op),
    responsesHtml(doc, op),
    "</div>",
    samplesPanelHtml(doc, op),
    "</section>",
  ].join("");
}
