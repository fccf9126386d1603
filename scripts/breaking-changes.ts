// The breaking-change gate: compares the bundled document with the one last released
// (released/openapi.json, written by `pnpm release`) using Optic's breaking-changes ruleset, offline.
// A break passes only when a pending changeset for the spec declares it: a `major` bump, or the
// marker "BREAKING CHANGE:" in its text (0.x releases announce breaks in a minor).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(fileURLToPath(import.meta.url), "../..");
export const SPEC_PACKAGE = "@propelauth-openapi/spec";
export const MARKER = "BREAKING CHANGE:";
export const BASELINE = join(root, "released", "openapi.json");
const OPTIC = join(root, "node_modules", ".bin", process.platform === "win32" ? "optic.cmd" : "optic");

/** Pending changesets in `dir` (the .changeset folder) that declare a breaking change of the document: their file names. */
export function declaredBreaks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .filter((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!m) return false;
      const [, frontmatter = "", body = ""] = m;
      const bump = new RegExp(`^\\s*["']?${SPEC_PACKAGE.replace(/[/@]/g, "\\$&")}["']?\\s*:\\s*(major|minor|patch)\\s*$`, "m").exec(
        frontmatter,
      );
      return bump !== null && (bump[1] === "major" || body.includes(MARKER));
    });
}

type Diff = { breaking: boolean; report: string };
/** Diffs already made in this process, by the two documents' contents: one costs Optic 6-8 s of CPU. */
const diffs = new Map<string, Diff>();
const digest = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Runs Optic's breaking-changes ruleset on two documents: the released one and the one about to ship. */
export function diffDocuments(basePath: string, headPath: string): Diff {
  const [base, head] = [readFileSync(basePath), readFileSync(headPath)];
  const key = `${digest(base)} ${digest(head)}`;
  const known = diffs.get(key);
  if (known) return known;
  const diff = runOptic(base, head);
  diffs.set(key, diff);
  return diff;
}

function runOptic(base: Buffer, head: Buffer): Diff {
  const work = mkdtempSync(join(tmpdir(), "breaking-"));
  try {
    // Optic reads the ruleset from a file; the copies keep its report's file names short.
    writeFileSync(join(work, "standard.yml"), "ruleset:\n  - breaking-changes\n");
    writeFileSync(join(work, "released.json"), base);
    writeFileSync(join(work, "current.json"), head);
    const run = spawnSync(OPTIC, ["diff", "released.json", "current.json", "--check", "--standard", "./standard.yml"], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, OPTIC_TELEMETRY_LEVEL: "off", NO_COLOR: "1", FORCE_COLOR: "0" },
      timeout: 120_000,
    });
    const report = `${run.stdout ?? ""}${run.stderr ?? ""}`.replace(/\n*Rerun this command with the --web flag.*\n?/, "\n").trim();
    if (run.error) throw new Error(`breaking-change gate: could not run optic: ${run.error.message}`);
    // Optic exits 1 when a check fails; anything else that is not 0 is Optic itself failing.
    if (run.status !== 0 && run.status !== 1) throw new Error(`breaking-change gate: optic exited ${run.status}:\n${report}`);
    if (run.status === 1 && !/This is a breaking change|Checks: \d+\/\d+ passed/.test(report))
      throw new Error(`breaking-change gate: optic failed without a check result:\n${report}`);
    return { breaking: run.status === 1, report };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The gate: ok unless the document breaks clients of the last release and no changeset says so. */
export function gate(paths: { base?: string; head?: string; changesets?: string } = {}): { ok: boolean; message: string } {
  const base = paths.base ?? BASELINE;
  const head = paths.head ?? join(root, "spec", "dist", "openapi.json");
  const changesets = paths.changesets ?? join(root, ".changeset");
  if (!existsSync(head)) return { ok: false, message: `breaking-change gate: ${head} is missing; build the spec first` };
  if (!existsSync(base)) return { ok: true, message: "breaking-change gate: nothing released yet, nothing to compare" };
  const released = JSON.parse(readFileSync(base, "utf8")).info?.version;
  const { breaking, report } = diffDocuments(base, head);
  if (!breaking) return { ok: true, message: `breaking-change gate: no breaking change since ${released}` };
  const declared = declaredBreaks(changesets);
  if (declared.length > 0)
    return {
      ok: true,
      message: `breaking-change gate: breaking changes since ${released}, declared by ${declared.join(", ")}:\n${report}`,
    };
  return {
    ok: false,
    message:
      `breaking-change gate: the document breaks clients of ${released}:\n${report}\n\n` +
      `Undo the change, or declare it: a changeset for ${SPEC_PACKAGE} with a \`major\` bump or a line ` +
      `starting "${MARKER}" that tells users what to change.`,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = gate();
  (result.ok ? console.log : console.error)(result.message);
  process.exit(result.ok ? 0 : 1);
}
