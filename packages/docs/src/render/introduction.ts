// The introduction: the title, the release line and the document's preamble, the servers, then
// one section per `## ` heading of `info.description` (enriched with the generated tables). Its
// `### ` headings get ids too, and both levels are listed in the sidebar.
import type { OpenApiDocument } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { slug, splitSections } from "../intro.js";
import { markdown, textOf } from "./markdown.js";

export interface IntroEntry {
  title: string;
  route: string;
  children: { title: string; route: string }[];
}

const sectionRoute = (title: string) => `/section/${slug(title)}`;

function anchor(route: string, title: string): string {
  return ` <a class="pa-anchor" href="#${escapeHtml(route)}" aria-label="Link to ${escapeHtml(title)}">#</a>`;
}

/** Gives each `<h3>` of a section an id and a link, and lists them. */
function subheadings(html: string): { html: string; children: IntroEntry["children"] } {
  const children: IntroEntry["children"] = [];
  const out = html.replace(/<h3>([\s\S]*?)<\/h3>/g, (_, inner: string) => {
    const title = textOf(inner).trim();
    const route = sectionRoute(title);
    children.push({ title, route });
    return `<h3 class="pa-heading" id="${escapeHtml(route)}">${inner}${anchor(route, title)}</h3>`;
  });
  return { html: out, children };
}

export function introEntries(doc: OpenApiDocument): IntroEntry[] {
  return splitSections(doc.info.description ?? "").sections.map((s) => ({
    title: s.title,
    route: sectionRoute(s.title),
    children: subheadings(markdown(s.body)).children,
  }));
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

export function introductionHtml(doc: OpenApiDocument): string {
  const { preamble, sections } = splitSections(doc.info.description ?? "");
  const head = [
    '<header class="pa-intro-head" id="/">',
    `<h1>${escapeHtml(doc.info.title)}</h1>`,
    markdown(preamble),
    `<div class="pa-cards">${downloadPanel()}${serversPanel(doc)}</div>`,
    "</header>",
  ].join("");
  const body = sections.map((s) => {
    const route = sectionRoute(s.title);
    return `<section class="pa-intro" id="${escapeHtml(route)}"><h2 class="pa-heading">${escapeHtml(s.title)}${anchor(route, s.title)}</h2>${subheadings(markdown(s.body)).html}</section>`;
  });
  return head + body.join("");
}
