// The sidebar, first in the page so it paints first: the title, search, the introduction's
// sections, then the tag groups with each tag as a native <details> (it opens on a tap before any
// script runs) listing its operations. Every link is a `#/...` fragment. Operation links carry
// the words search matches besides their text (operationId, official SDK functions, path).
import { escapeHtml } from "../access.js";
import { sdkFunctions } from "../facts.js";
import { slug } from "../routes.js";
import type { OperationView, SiteView } from "../view.js";
import type { IntroEntry } from "./introduction.js";

function searchWords({ op }: OperationView): string {
  const functions = sdkFunctions(op.operation).flatMap((s) => s.functions);
  return [op.operationId, ...functions, `${op.method.toUpperCase()} ${op.path}`].join(" ");
}

function operationItem(view: OperationView): string {
  const { op } = view;
  const method = op.method.toUpperCase();
  return `<li><a href="#${escapeHtml(view.route)}" data-words="${escapeHtml(searchWords(view))}"><span class="pa-method pa-method-${op.method}">${method}</span> ${escapeHtml(view.title)}</a></li>`;
}

function introItems(entries: IntroEntry[]): string {
  const item = (e: { title: string; route: string }) => `<a href="#${escapeHtml(e.route)}">${escapeHtml(e.title)}</a>`;
  const items = entries.map((e) => {
    const children = e.children.length > 0 ? `<ul>${e.children.map((c) => `<li>${item(c)}</li>`).join("")}</ul>` : "";
    return `<li>${item(e)}${children}</li>`;
  });
  return `<ul class="pa-nav-intro">${items.join("")}</ul>`;
}

function tagItem(tag: string, ops: OperationView[]): string {
  const list = ops.filter((op) => op.tag === tag);
  if (list.length === 0) return "";
  // The summary only folds (one Tab stop, no link inside it); the tag's own section is the list's first item.
  const about = `<li><a href="#/${slug(tag)}" class="pa-tag-link">About ${escapeHtml(tag)}</a></li>`;
  return `<details class="pa-nav-tag"><summary><span>${escapeHtml(tag)}</span></summary><ul>${about}${list.map(operationItem).join("")}</ul></details>`;
}

export function sidebarHtml(view: SiteView, intro: IntroEntry[]): string {
  const groups = view.tagGroups.map(
    (g) => `<p class="pa-group">${escapeHtml(g.name)}</p>${g.tags.map((t) => tagItem(t, view.operations)).join("")}`,
  );
  return [
    '<nav class="pa-nav" id="pa-nav" aria-label="Contents">',
    `<div class="pa-nav-head"><a class="pa-title" href="#/">${escapeHtml(view.doc.info.title)}</a>`,
    '<button type="button" class="pa-theme" aria-label="Switch between light and dark" title="Light or dark">◐</button></div>',
    '<div class="pa-search" role="search"><input type="search" id="pa-search" placeholder="Search operations, SDK functions…" aria-label="Search" aria-controls="pa-hits" autocomplete="off"><ol id="pa-hits" class="pa-hits" aria-label="Search results" hidden></ol></div>',
    introItems(intro),
    ...groups,
    "</nav>",
  ].join("");
}
