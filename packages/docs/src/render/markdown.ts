// Markdown to HTML at build time (markdown-it, CommonMark with tables). The document's texts mix
// Markdown with the generated HTML blocks ("Who can call this", tables), which pass through as is.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

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
