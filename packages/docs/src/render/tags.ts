// Each tag's section (its name and description) followed by its operations' sections. Each
// operation's section is held in a `<noscript class="pa-later">`: with scripting on, the browser
// reads its content as plain text (cheap), so the first parse is the sidebar and the
// introduction only; the page's script turns each into its section when the reader goes there
// or when the browser is idle (src/browser/script.ts). With scripting off, the browser parses the
// same HTML in place as it is: every section is there, and links scroll to it natively.
import type { OpenApiDocument } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { slug } from "../routes.js";
import type { SiteView } from "../view.js";
import { anchorLink } from "./anchor.js";
import { markdown } from "./markdown.js";
import { operationHtml } from "./operation.js";

function tagSection(doc: OpenApiDocument, tag: string): string {
  const route = `/${slug(tag)}`;
  const description = doc.tags?.find((t) => t.name === tag)?.description;
  return `<section class="pa-tag" id="${escapeHtml(route)}"><h2 class="pa-heading">${escapeHtml(tag)}${anchorLink(route)}</h2>${markdown(description)}</section>`;
}

/** A section held back from the first parse; `route` is its id, which the script looks it up by. */
export function later(route: string, html: string): string {
  // The browser ends the element's text at the first `</noscript`, wherever it is.
  if (/<\/noscript/i.test(html)) throw new Error(`render: the section ${route} contains </noscript`);
  return `<noscript class="pa-later" data-route="${escapeHtml(route)}">${html}</noscript>`;
}

export function tagsHtml(view: SiteView): string {
  return view.tagGroups
    .flatMap((g) => g.tags)
    .map(
      (tag) =>
        tagSection(view.doc, tag) +
        view.operations
          .filter((op) => op.tag === tag)
          .map((op) => later(op.route, operationHtml(view, op)))
          .join(""),
    )
    .join("");
}
