// The introduction: the title, the release line and the document's preamble, the servers, then
// one section per `## ` heading of the view's introduction (with the generated tables). Its
// `### ` headings (found in markdown-it's tokens) get ids too, and both levels are listed in the sidebar.
import { escapeHtml } from "../access.js";
import { slug } from "../routes.js";
import { splitSections } from "../sections.js";
import type { ServerView, SiteView } from "../view.js";
import { anchorLink } from "./anchor.js";
import { markdown, markdownWithSubheadings } from "./markdown.js";

export interface IntroEntry {
  title: string;
  route: string;
  children: { title: string; route: string }[];
}

const sectionRoute = (title: string) => `/section/${slug(title)}`;

/** A section's Markdown as HTML, its `### ` headings with ids and links, and their list. */
function subheadings(text: string): { html: string; children: IntroEntry["children"] } {
  const { html, subheadings } = markdownWithSubheadings(text, sectionRoute, anchorLink);
  return { html, children: subheadings };
}

function serversPanel(servers: ServerView[]): string {
  const items = servers.map(
    (s) => `<li><code class="pa-nowrap">${escapeHtml(s.url)}</code> <span class="pa-server-about">${escapeHtml(s.description)}</span></li>`,
  );
  return `<div class="pa-card"><p class="pa-label">Servers</p><ul class="pa-server-list">${items.join("")}</ul></div>`;
}

function downloadPanel(): string {
  return '<div class="pa-card"><p class="pa-label">Download</p><p><a href="openapi.json" download>OpenAPI document (JSON)</a>: the OpenAPI document this page is built from.</p></div>';
}

/**
 * The introduction's markup and its sidebar entries, from one rendering of each section (the
 * sidebar lists the `### ` headings that rendering gives ids).
 */
export function introductionParts(view: SiteView): { html: string; entries: IntroEntry[] } {
  const { preamble, sections } = splitSections(view.introduction);
  const head = [
    '<header class="pa-intro-head" id="/">',
    `<h1>${escapeHtml(view.doc.info.title)}</h1>`,
    markdown(preamble),
    `<div class="pa-cards">${downloadPanel()}${serversPanel(view.servers)}</div>`,
    "</header>",
  ].join("");
  const rendered = sections.map((s) => ({ title: s.title, route: sectionRoute(s.title), ...subheadings(s.body) }));
  const body = rendered.map(
    (s) =>
      `<section class="pa-intro" id="${escapeHtml(s.route)}"><h2 class="pa-heading">${escapeHtml(s.title)}${anchorLink(s.route)}</h2>${s.html}</section>`,
  );
  return { html: head + body.join(""), entries: rendered.map(({ title, route, children }) => ({ title, route, children })) };
}
