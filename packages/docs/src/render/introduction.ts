// The introduction: the title, the release line and the document's preamble, the servers, then
// one section per `## ` heading of `info.description` (enriched with the generated tables). Its
// `### ` headings get ids too, and both levels are listed in the sidebar.
import type { OpenApiDocument } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { slug, splitSections } from "../intro.js";
import { anchorLink } from "./anchor.js";
import { markdown, textOf } from "./markdown.js";

export interface IntroEntry {
  title: string;
  route: string;
  children: { title: string; route: string }[];
}

const sectionRoute = (title: string) => `/section/${slug(title)}`;

/** Gives each `<h3>` of a section an id and a link, and lists them. */
function subheadings(html: string): { html: string; children: IntroEntry["children"] } {
  const children: IntroEntry["children"] = [];
  const out = html.replace(/<h3>([\s\S]*?)<\/h3>/g, (_, inner: string) => {
    const title = textOf(inner).trim();
    const route = sectionRoute(title);
    children.push({ title, route });
    return `<h3 class="pa-heading" id="${escapeHtml(route)}">${inner}${anchorLink(route)}</h3>`;
  });
  return { html: out, children };
}

function serversPanel(doc: OpenApiDocument): string {
  const items = (doc.servers ?? []).map(
    (s) =>
      `<li><code class="pa-nowrap">${escapeHtml(s.url)}</code> <span class="pa-server-about">${escapeHtml(s.description ?? "")}</span></li>`,
  );
  return `<div class="pa-card"><p class="pa-label">Servers</p><ul class="pa-server-list">${items.join("")}</ul></div>`;
}

function downloadPanel(): string {
  return '<div class="pa-card"><p class="pa-label">Download</p><p><a href="openapi.json" download>OpenAPI document (JSON)</a>: the document this page renders.</p></div>';
}

/**
 * The introduction's markup and its sidebar entries, from one rendering of each section (the
 * sidebar lists the `### ` headings that rendering gives ids).
 */
export function introductionParts(doc: OpenApiDocument): { html: string; entries: IntroEntry[] } {
  const { preamble, sections } = splitSections(doc.info.description ?? "");
  const head = [
    '<header class="pa-intro-head" id="/">',
    `<h1>${escapeHtml(doc.info.title)}</h1>`,
    markdown(preamble),
    `<div class="pa-cards">${downloadPanel()}${serversPanel(doc)}</div>`,
    "</header>",
  ].join("");
  const rendered = sections.map((s) => ({ title: s.title, route: sectionRoute(s.title), ...subheadings(markdown(s.body)) }));
  const body = rendered.map(
    (s) =>
      `<section class="pa-intro" id="${escapeHtml(s.route)}"><h2 class="pa-heading">${escapeHtml(s.title)}${anchorLink(s.route)}</h2>${s.html}</section>`,
  );
  return { html: head + body.join(""), entries: rendered.map(({ title, route, children }) => ({ title, route, children })) };
}
