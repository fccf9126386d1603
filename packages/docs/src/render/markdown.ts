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

/** The text of an HTML fragment, without its tags and entities decoded for the few we write. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
