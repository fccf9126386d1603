// The "Changelog" section of the site: the spec package's release notes. Released versions come
// from spec/CHANGELOG.md (written by `changeset version`), changes not released yet from the pending
// .changeset/*.md files that bump the spec package, shown first as "Unreleased".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const SPEC_PACKAGE = "@propelauth-openapi/spec";

export interface PendingChange {
  /** The changeset's file name, without `.md`. */
  id: string;
  bump: string;
  text: string;
}

export interface ReleaseNotes {
  /** spec/CHANGELOG.md, when it exists. */
  changelog?: string;
  pending: PendingChange[];
}

/** A changeset file's bump of `pkg` and its text, or undefined when it does not bump it. */
export function parseChangeset(id: string, source: string, pkg = SPEC_PACKAGE): PendingChange | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return undefined;
  for (const line of match[1]!.split(/\r?\n/)) {
    const entry = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (entry?.[1]?.trim() === pkg) return { id, bump: entry[2]!, text: match[2]!.trim() };
  }
  return undefined;
}

/** Reads the release notes of the spec package from the repository at `root`. */
export function readReleaseNotes(root: string): ReleaseNotes {
  const changelogPath = join(root, "spec", "CHANGELOG.md");
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, "utf8") : undefined;
  const folder = join(root, ".changeset");
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".md") && f !== "README.md") : [];
  const pending = files
    .sort()
    .map((f) => parseChangeset(f.slice(0, -3), readFileSync(join(folder, f), "utf8")))
    .filter((c): c is PendingChange => c !== undefined);
  return { changelog, pending };
}

/** The file's headings as bold lines (versions) and italic lines (kinds of change): no sidebar entries. */
function flatten(markdown: string): string {
  return markdown.replace(/^(#{2,6}) +(.+)$/gm, (_, hashes: string, title: string) =>
    hashes.length === 2 ? `**${title.trim()}**` : `*${title.trim()}*`,
  );
}

/** The section's body: Unreleased first, then each released version, newest first (as the file has it). */
export function changelogMarkdown(notes: ReleaseNotes, version: string): string {
  const lines = [`Changes to the document, by release of \`${SPEC_PACKAGE}\`. This page describes release **${version}**.`];
  if (notes.pending.length > 0) {
    lines.push("", "**Unreleased**", "");
    for (const change of notes.pending) {
      const [first = "", ...rest] = change.text.split(/\r?\n/);
      lines.push(`- ${first} *(${change.bump})*`, ...rest.map((l) => (l.trim() ? `  ${l}` : "")));
    }
  }
  // The file's first heading is the package name; its versions are `##`, their kinds `###`.
  const released = (notes.changelog ?? "").replace(/^# .*\r?\n/, "").trim();
  if (released) lines.push("", flatten(released));
  if (notes.pending.length === 0 && !released) lines.push("", "No release notes yet.");
  return lines.join("\n");
}
