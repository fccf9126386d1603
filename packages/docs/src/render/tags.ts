// Each tag's section (its name and description) followed by its operations' sections.
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

export function tagsHtml(view: SiteView): string {
  return view.tagGroups
    .flatMap((g) => g.tags)
    .map(
      (tag) =>
        tagSection(view.doc, tag) +
        view.operations
          .filter((op) => op.tag === tag)
          .map((op) => operationHtml(view, op))
          .join(""),
    )
    .join("");
}
