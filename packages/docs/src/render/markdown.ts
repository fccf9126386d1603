// Markdown to HTML at build time (markdown-it, CommonMark with tables). The document's texts mix
// Markdown with the generated HTML blocks ("Who can call this", tables), which pass through as is.
// Code blocks and tables may scroll sideways on a phone: they are Tab stops, so a keyboard can
// scroll them (a table is a region named by the heading above it).
import MarkdownIt, { type Token } from "markdown-it";
import { PATH_LIKE, pathHtml } from "./path.js";

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

for (const rule of ["fence", "code_block"] as const) {
  const render = md.renderer.rules[rule]!;
  md.renderer.rules[rule] = (...args) => render(...args).replace(/^<pre>/, '<pre tabindex="0">');
}

// Paths in code spans break at their slashes only.
const codeInline = md.renderer.rules.code_inline!;
md.renderer.rules.code_inline = (tokens, index, ...rest) => {
  const content = tokens[index]!.content;
  if (!PATH_LIKE.test(content)) return codeInline(tokens, index, ...rest);
  const [method, path] = content.includes(" ") ? content.split(" ") : ["", content];
  return `<code class="pa-path">${method ? `${method} ` : ""}${pathHtml(path!)}</code>`;
};

md.renderer.rules.heading_close = (tokens, index, options, _env, self) =>
  ((tokens[index]!.meta as { before?: string } | null)?.before ?? "") + self.renderToken(tokens, index, options);

/** The text of the last heading before token `index`, or "Table". */
function headingBefore(tokens: Token[], index: number): string {
  for (let i = index - 1; i > 0; i--) if (tokens[i - 1]?.type === "heading_open") return tokens[i]?.content ?? "Table";
  return "Table";
}

md.renderer.rules.table_open = (tokens, index) =>
  `<div class="pa-scroll" tabindex="0" role="region" aria-label="${md.utils.escapeHtml(headingBefore(tokens, index))}"><table>\n`;
md.renderer.rules.table_close = () => "</table></div>\n";

/** A block of Markdown (paragraphs, lists, tables, code) as HTML. */
export function markdown(text: string | undefined): string {
  return text ? md.render(text) : "";
}

export interface Subheading {
  title: string;
  route: string;
}

/**
 * Markdown as HTML with its `###` headings found in markdown-it's tokens: each gets the class
 * `pa-heading`, the id `routeOf(title)` and `after(route)` at its end (its `#` link).
 */
export function markdownWithSubheadings(
  text: string,
  routeOf: (title: string) => string,
  after: (route: string) => string,
): { html: string; subheadings: Subheading[] } {
  const tokens = md.parse(text, {});
  const subheadings: Subheading[] = [];
  tokens.forEach((token, i) => {
    const inline = tokens[i + 1];
    if (token.type !== "heading_open" || token.tag !== "h3" || !inline?.children) return;
    const title = inline.children
      .filter((c) => c.type === "text" || c.type === "code_inline")
      .map((c) => c.content)
      .join("")
      .trim();
    const route = routeOf(title);
    token.attrSet("class", "pa-heading");
    token.attrSet("id", route);
    // Written before `</h3>` by the heading_close rule below.
    const close = tokens[i + 2];
    if (close) close.meta = { before: after(route) };
    subheadings.push({ title, route });
  });
  return { html: md.renderer.render(tokens, md.options, {}), subheadings };
}
