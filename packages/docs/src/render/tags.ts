// Each tag's section (its name and description) followed by its operations' sections.
import type { OpenApiDocument, Operation } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { tagGroups } from "../enrich.js";
import { slug } from "../intro.js";
import { anchorLink } from "./anchor.js";
import { markdown } from "./markdown.js";
import { operationHtml } from "./operation.js";
import { tagOf } from "./sidebar.js";

function tagSection(doc: OpenApiDocument, tag: string): string {
  const route = `/${slug(tag)}`;
  const description = doc.tags?.find((t) => t.name === tag)?.description;
  return `<section class="pa-tag" id="${escapeHtml(route)}"><h2 class="pa-heading">${escapeHtml(tag)}${anchorLink(route)}</h2>${markdown(description)}</section>`;
}

export function tagsHtml(doc: OpenApiDocument, ops: Operation[]): string {
  return tagGroups(doc)
    .flatMap((g) => g.tags)
    .map(
      (tag) =>
        tagSection(doc, tag) +
        ops
          .filter((op) => tagOf(op) === tag)
          .map((op) => operationHtml(doc, op))
          .join(""),
    )
    .join("");
}
