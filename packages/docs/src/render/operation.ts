// One operation's section: heading, method and path (with the servers it is served from), the
// description and the view's notes ("Who can call this", its names and the Sources note),
// parameters, request body and responses, and the samples panel beside them. Its id is its route
// (`/users/fetchuserbyemail`), so the sidebar's `#/users/fetchuserbyemail` links scroll to it
// natively.
import { escapeHtml } from "../access.js";
import type { OperationView, ServerView, SiteView } from "../view.js";
import { anchorLink } from "./anchor.js";
import { requestBodyHtml, responsesHtml } from "./bodies.js";
import { markdown } from "./markdown.js";
import { parametersHtml } from "./parameters.js";
import { pathHtml } from "./path.js";
import { samplesPanelHtml } from "./samples-panel.js";

/** The method and path, unfolding to the servers (plain text) that serve it. */
function endpointHtml(list: ServerView[], { op }: OperationView): string {
  const servers = list.map(
    (s) =>
      `<li><code class="pa-nowrap">${escapeHtml(s.url)}${escapeHtml(op.path)}</code><span class="pa-server-about">${escapeHtml(s.description)}</span></li>`,
  );
  const method = op.method.toUpperCase();
  return `<details class="pa-endpoint"><summary><span class="pa-method pa-method-${op.method}">${method}</span> <code class="pa-path">${pathHtml(op.path)}</code></summary><ul class="pa-server-list">${servers.join("")}</ul></details>`;
}

export function operationHtml(site: SiteView, view: OperationView): string {
  const { op, route, title } = view;
  const doc = site.doc;
  const deprecated = op.operation.deprecated ? ' <span class="pa-badge">deprecated</span>' : "";
  return [
    `<section class="pa-op" id="${escapeHtml(route)}" data-operation-id="${escapeHtml(op.operationId)}">`,
    '<div class="pa-op-doc">',
    `<h2 class="pa-heading">${escapeHtml(title)}${deprecated}${anchorLink(route)}</h2>`,
    endpointHtml(site.servers, view),
    // The notes are HTML blocks, which pass through Markdown as they are.
    markdown([op.operation.description ?? "", ...view.notes].filter(Boolean).join("\n\n")),
    parametersHtml(doc, op),
    requestBodyHtml(doc, op),
    responsesHtml(doc, op),
    "</div>",
    samplesPanelHtml(doc, view),
    "</section>",
  ].join("");
}
