// The whole page: the styles and one small script in <head> for what HTML cannot do alone
// (search, tabs, copy, theme, the current item, the phone's menu: it listens on `document`, so the
// controls answer while the page streams in), then the sidebar (it paints first), the
// introduction, the task guides and every tag and operation as plain HTML.
import { arazzoDocument } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import type { SiteView } from "../view.js";
import { introductionParts } from "./introduction.js";
import { sidebarHtml } from "./sidebar.js";
import { tagsHtml } from "./tags.js";
import { workflowsEntry, workflowsHtml } from "./workflows.js";

const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%235a45f5'/%3E%3Cpath d='M10 24V8h7a5 5 0 0 1 0 10h-7' fill='none' stroke='white' stroke-width='3'/%3E%3C/svg%3E";

export interface PageParts {
  css: string;
  script: string;
  description: string;
}

export function pageHtml(view: SiteView, parts: PageParts): string {
  const intro = introductionParts(view);
  const arazzo = arazzoDocument(view.doc);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(view.doc.info.title)} reference</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="description" content="${escapeHtml(parts.description)}">`,
    '<meta name="generator" content="@propelauth-openapi/docs">',
    '<meta name="color-scheme" content="light dark">',
    "<!-- Everything this page needs is inside this file: no request leaves it. -->",
    `<link rel="icon" href="${ICON}">`,
    `<style>${parts.css}</style>`,
    `<script>${parts.script}</script>`,
    // Without scripting the phone's menu cannot open: the sidebar then sits above the page. And the
    // operations' <noscript class="pa-later"> hold their sections as HTML, laid out as if in <main> itself.
    "<noscript><style>@media (max-width: 900px) { .pa-nav { display: block; position: static; } .pa-menu-button { display: none !important; } } .pa-later { display: contents; }</style></noscript>",
    "</head>",
    "<body>",
    // First in the keyboard's order: the skip link, then the phone's Contents button (a bar
    // along the bottom edge; on a desktop it is not shown), then the sidebar it opens.
    '<a class="pa-skip" href="#pa-main">Skip to content</a>',
    '<button type="button" class="pa-menu-button" aria-expanded="false" aria-controls="pa-nav" aria-haspopup="dialog">Contents</button>',
    // The task guides follow the introduction's sections in the sidebar as on the page.
    sidebarHtml(view, [...intro.entries, workflowsEntry(arazzo)]),
    '<main id="pa-main" tabindex="-1">',
    intro.html,
    // The task guides: the spec package's Arazzo workflows, between the introduction and the operations.
    workflowsHtml(view.doc, arazzo),
    tagsHtml(view),
    "</main>",
    // Announces search results and copies to screen readers (the script writes into it).
    '<p id="pa-status" class="pa-sr" role="status"></p>',
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
