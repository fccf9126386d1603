// Markdown split at its `## ` headings, found in markdown-it's tokens (so a `## ` inside a code
// block or an HTML block is not a heading): the introduction's sections.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: true });

export interface Section {
  title: string;
  body: string;
}

/** The text before the first `## ` heading, and each `## ` section (its title and trimmed body). */
export function splitSections(markdown: string): { preamble: string; sections: Section[] } {
  const lines = markdown.split("\n");
  const tokens = md.parse(markdown, {});
  const headings = tokens.flatMap((t, i) =>
    t.type === "heading_open" && t.markup === "##" && t.map ? [{ line: t.map[0], title: tokens[i + 1]?.content.trim() ?? "" }] : [],
  );
  const text = (from: number, to: number) => lines.slice(from, to).join("\n").trim();
  return {
    preamble: text(0, headings[0]?.line ?? lines.length),
    sections: headings.map((h, i) => ({ title: h.title, body: text(h.line + 1, headings[i + 1]?.line ?? lines.length) })),
  };
}
