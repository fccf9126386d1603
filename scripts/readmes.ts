// What a shipped README shows a user: its command blocks (and how each is marked) and its links.
// A package README is its npm page, so every command must work in a project that installed the
// package, and every link must resolve there (a file the tarball holds, a heading of the README)
// or be absolute. The marking convention, one HTML comment on the line before a fence:
//   <!-- run -->          runs as shown in an empty project outside the repository (sh: one script,
//                         `set -e`; js: written to a .mjs file and run with node)
//   <!-- run: serves -->  each line starts a server: started, awaited until it prints its URL, stopped
//   <!-- repository -->   a contributor's command, run in a clone of the repository (not checked here)
//   <!-- illustrative --> a sketch with placeholders (`<token>`, `…`) the reader fills in
// Every sh block must carry one of them; a js block may (unmarked js and ts blocks are samples).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(fileURLToPath(import.meta.url), "../..");
export const REPOSITORY_URL = "https://github.com/propelauth-openapi/propelauth-openapi";
export const MARKS = ["run", "run: serves", "repository", "illustrative"];
const SHELL = new Set(["sh", "bash", "shell", "console"]);

/** A fenced code block of a README: its language, its mark (the comment above it), its code and first line number. */
export interface CodeBlock {
  lang: string;
  mark: string | undefined;
  code: string;
  line: number;
}

/** The workspace's public packages (pnpm-workspace.yaml globs, `private` not set), by folder. */
export function publicPackages(repo = root): { name: string; dir: string }[] {
  const globs = [...readFileSync(join(repo, "pnpm-workspace.yaml"), "utf8").matchAll(/^ {2}- (\S+)$/gm)].map((m) => m[1]!);
  const dirs = globs.flatMap((g) =>
    g.endsWith("/*")
      ? readdirSync(join(repo, g.slice(0, -2)), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => `${g.slice(0, -2)}/${e.name}`)
      : [g],
  );
  return dirs
    .filter((dir) => existsSync(join(repo, dir, "package.json")))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(repo, dir, "package.json"), "utf8")) as { name: string; private?: boolean },
    }))
    .filter((p) => p.manifest.private !== true)
    .map((p) => ({ name: p.manifest.name, dir: p.dir }));
}

/** The fenced code blocks of a README, with their language, mark and first line number. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, spaces = "", fence = "", lang = ""] = open;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence)) end++;
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === "") before--;
    const mark = /^\s*<!--\s*(.+?)\s*-->\s*$/.exec(lines[before] ?? "")?.[1];
    const indent = spaces.length;
    const code = lines
      .slice(i + 1, end)
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join("\n");
    blocks.push({ lang: lang.toLowerCase(), mark, code, line: i + 1 });
    i = end;
  }
  return blocks;
}

export const isShell = (block: CodeBlock): boolean => SHELL.has(block.lang);

/** Blocks wrongly marked or not marked: every shell block needs a mark, every mark must be known. */
export function markProblems(markdown: string): string[] {
  const problems: string[] = [];
  for (const b of codeBlocks(markdown)) {
    if (b.mark !== undefined && !MARKS.includes(b.mark))
      problems.push(`line ${b.line}: unknown mark <!-- ${b.mark} --> (use one of ${MARKS.join(", ")})`);
    else if (isShell(b) && b.mark === undefined)
      problems.push(
        `line ${b.line}: a ${b.lang} block without a mark: put one of ${MARKS.map((m) => `<!-- ${m} -->`).join(", ")} above it`,
      );
    else if (b.mark === "illustrative" && !/<[^>\s]+>|…/.test(b.code))
      problems.push(`line ${b.line}: <!-- illustrative --> on a block without a placeholder (\`<…>\` or …): mark it <!-- run -->`);
    else if (b.mark === "run" && !isShell(b) && b.lang !== "js")
      problems.push(`line ${b.line}: <!-- run --> on a ${b.lang || "plain"} block: only sh and js blocks run`);
  }
  return problems;
}

/** GitHub's id for a heading: lower case, punctuation dropped, spaces to hyphens. */
export const headingSlug = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

/** Every link target of a README outside code: `[text](target)`, `[ref]: target`, `href="target"`. */
export function links(markdown: string): string[] {
  const prose = markdown.replace(/^(\s*)(`{3,})[\s\S]*?^\s*\2\s*$/gm, "").replace(/`[^`\n]*`/g, "");
  const found: string[] = [];
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push(m[1]!);
  for (const m of prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$/gm)) found.push(m[1]!);
  for (const m of prose.matchAll(/\b(?:href|src)="([^"]+)"/g)) found.push(m[1]!);
  return found;
}

/**
 * Links that do not resolve for someone reading the installed package (or its npm page).
 * `markdown`: the README; `dir`: the package's folder in the repository (`packages/postman`);
 * `shipped`: the paths the tarball holds (`README.md`, `dist/...`); `inRepository`: whether a path
 * exists in the repository.
 */
export function linkProblems(
  markdown: string,
  dir: string,
  shipped: string[],
  inRepository = (p: string) => existsSync(join(root, p)),
): string[] {
  const headings = new Set(
    markdown
      .replace(/^(\s*)(`{3,})[\s\S]*?^\s*\2\s*$/gm, "")
      .split("\n")
      .filter((l) => /^#{1,6}\s/.test(l))
      .map((l) => headingSlug(l.replace(/^#+\s*/, "").replace(/`/g, ""))),
  );
  const problems: string[] = [];
  for (const target of links(markdown)) {
    if (target.startsWith("#")) {
      if (!headings.has(decodeURIComponent(target.slice(1)))) problems.push(`${target}: no such heading in the README`);
      continue;
    }
    if (/^[a-z][a-z+.-]*:/i.test(target)) {
      const repoPath = new RegExp(`^${REPOSITORY_URL}/(?:blob|tree)/main/([^#?]+)`).exec(target)?.[1];
      if (!/^(https|mailto):/.test(target)) problems.push(`${target}: not https`);
      else if (repoPath && !inRepository(decodeURIComponent(repoPath).replace(/\/$/, "")))
        problems.push(`${target}: ${repoPath} is not in the repository`);
      continue;
    }
    const path = posix.normalize(target.replace(/[#?].*$/, ""));
    if (!shipped.includes(path))
      problems.push(`${target}: the package does not ship ${path}; link ${REPOSITORY_URL}/blob/main/${posix.join(dir, path)} instead`);
  }
  return problems;
}

/** The paths a package's tarball would hold (`npm pack --dry-run`; build first). */
export function shippedFiles(dir: string, repo = root): string[] {
  const out = execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: join(repo, dir),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}
