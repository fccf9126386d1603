// How fast the reference page is on a throttled phone, the old page beside the new one.
// Headless Chromium (Debian's /usr/bin/chromium) with a phone profile: 390x844 viewport, slow 4G
// (CDP Network.emulateNetworkConditions: 562.5 ms RTT, 1.44 Mbit/s down, 675 kbit/s up) and a 4x
// slower CPU (Emulation.setCPUThrottlingRate). Each page is served over HTTP from 127.0.0.1 by the
// preview server (compressed when the folder holds index.html.br / .gz, as the emulator serves it).
// Prints, per page, the median and the spread (min-max) over the runs of:
//   - first paint: the browser's first-contentful-paint entry;
//   - script ready: the page's script has run (Redoc: React attached to the sidebar; the
//     pre-rendered page: its inline script has marked <html> with `pa-ready`);
//   - usable: the sidebar responds and an operation opens (once the script is ready, the menu is
//     opened, the "Users" tag opened if it is folded and the operation tapped; the time is when
//     that operation's heading is on screen);
//   - usable, direct taps: the same taps in another load of the page, each sent as soon as its
//     target is on screen and is what a finger there would hit, by plain evaluations and
//     Input.dispatchMouseEvent. Playwright's locators first put their own ~200 KB script into the
//     page and run their checks through it: at 4x slower CPU that alone costs 0.3-0.6 s before the
//     first tap, whatever the page, which a reader never pays. Both columns are printed;
//   - requests: requests to anything but the page's own server (must stay 0).
// Run: pnpm --filter @propelauth-openapi/docs bench [--runs 5] [--baseline <git rev>] [--old <folder>] [--new <folder>]
// The old page is the site built from the baseline revision, by default the last release of the
// Redoc page (built into .tmp/bench-old-<commit>/ on first use); `--baseline main` compares with main.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { ARGS, CHROMIUM } from "../src/chromium.js";
import { packageDir, repoRoot } from "../src/paths.js";
import { startPreviewServer } from "../src/preview.js";
import { CPU_SLOWDOWN, type PageKind, phonePage, SELECTORS, tapDirectly } from "./phone.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string" },
    baseline: { type: "string" },
    old: { type: "string" },
    new: { type: "string" },
    operation: { type: "string" },
  },
});
/** The last commit whose docs were the Redoc 3 page this package replaced. */
const REDOC_PAGE = "5dd1321";
const baseline = values.baseline ?? REDOC_PAGE;
const runs = Number(values.runs ?? 3);
const operation = values.operation ?? "fetchUserByEmail";

/**
 * The Redoc page builds with `redocly`, which this package no longer depends on: its node_modules is
 * this package's, plus the spec package's @redocly/cli.
 */
function linkModules(target: string): void {
  const own = join(packageDir, "node_modules");
  const spec = join(repoRoot, "spec", "node_modules");
  mkdirSync(join(target, ".bin"), { recursive: true });
  for (const entry of readdirSync(own)) if (entry !== ".bin") symlinkSync(join(own, entry), join(target, entry));
  for (const entry of readdirSync(join(own, ".bin"))) symlinkSync(join(own, ".bin", entry), join(target, ".bin", entry));
  if (!existsSync(join(target, "@redocly"))) symlinkSync(join(spec, "@redocly"), join(target, "@redocly"));
  symlinkSync(join(spec, ".bin", "redocly"), join(target, ".bin", "redocly"));
}

const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, maxBuffer: 1 << 28 });

/**
 * Builds the baseline's docs into .tmp/bench-old-<commit> (once per commit, so a branch that moved
 * is built again): its sources and release notes (the changelog section reads `.changeset/` and
 * `spec/CHANGELOG.md`, about 13 KB of the page), this package's node_modules.
 */
function oldSite(): string {
  const commit = git("rev-parse", "--short=12", `${baseline}^{commit}`).toString().trim();
  const out = join(packageDir, ".tmp", `bench-old-${commit}`);
  const docs = join(out, "packages", "docs");
  if (existsSync(join(docs, "dist", "index.html"))) return join(docs, "dist");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const notes = git("ls-tree", "--name-only", commit, "--", ".changeset", "spec/CHANGELOG.md").toString().split("\n").filter(Boolean);
  const archive = git("archive", commit, "packages/docs", "tsconfig.base.json", ...notes);
  execFileSync("tar", ["-x", "-C", out], { input: archive });
  linkModules(join(docs, "node_modules"));
  const bin = join(packageDir, "node_modules", ".bin");
  // Revisions before the build ran with tsx compiled the scripts with tsc into .tmp/build first.
  if (existsSync(join(docs, "tsconfig.build.json"))) {
    execFileSync(join(bin, "tsc"), ["-p", "tsconfig.build.json"], { cwd: docs, stdio: "inherit" });
    execFileSync(process.execPath, [".tmp/build/scripts/build.js"], { cwd: docs, stdio: "inherit" });
  } else execFileSync(join(bin, "tsx"), ["scripts/build.ts"], { cwd: docs, stdio: "inherit" });
  return join(docs, "dist");
}

interface Run {
  firstPaint: number;
  /** The page's script has taken over the sidebar. */
  ready: number;
  usable: number;
  /** Usable, with the taps sent directly (another load of the page). */
  direct: number;
  requests: number;
  bytes: number;
}

async function pageKind(page: Page): Promise<PageKind> {
  const menu = page.locator(`${SELECTORS.redoc.menu}, ${SELECTORS.static.menu}`).first();
  await menu.waitFor({ state: "attached", timeout: 120_000 });
  return (await page.locator(SELECTORS.static.menu).count()) > 0 ? "static" : "redoc";
}

/** Waits until the page's script has run (Redoc: attached to the sidebar); returns that moment. */
async function waitForScript(page: Page, kind: PageKind): Promise<number> {
  await page.waitForFunction(
    (k) => {
      if (k === "static") return document.documentElement.classList.contains("pa-ready");
      const el = document.querySelector("[data-component-name='Menu/Menu'] a, .menu-content li");
      return el !== null && Object.keys(el).some((key) => key.startsWith("__react"));
    },
    kind,
    { timeout: 120_000, polling: 100 },
  );
  return page.evaluate(() => performance.now());
}

async function openOperation(page: Page, kind: PageKind, operation: string): Promise<void> {
  const s = SELECTORS[kind];
  const link = page.locator(`${s.menu} a[href$="/${operation.toLowerCase()}"]`).first();
  // On a phone the sidebar sits behind the menu button.
  const opener = page.locator(s.opener);
  if ((await opener.count()) > 0 && (await opener.isVisible())) await opener.click();
  if (!(await link.isVisible())) {
    // The operation's tag is folded: open it first (the sidebar's answer to a tap).
    // (A link on the Redoc page and older static pages, the tag's <summary> on the current one.)
    await page
      .locator(`${s.menu} a, ${s.menu} summary`, { hasText: /^Users$/ })
      .first()
      .click();
  }
  await link.click();
  await page.waitForFunction(
    (selector) => {
      const heading = document.querySelector(selector);
      if (!heading) return false;
      const box = heading.getBoundingClientRect();
      return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
    },
    s.heading(operation.toLowerCase()),
    { timeout: 120_000, polling: 50 },
  );
}

/** Playwright's taps: its locators' actionability checks, through its script injected into the page. */
async function playwrightTaps(page: Page): Promise<{ ready: number; usable: number }> {
  const kind = await pageKind(page);
  const ready = await waitForScript(page, kind);
  await openOperation(page, kind, operation);
  return { ready, usable: await page.evaluate(() => performance.now()) };
}

const directTaps = (page: Page) => tapDirectly(page, operation);

async function measure(root: string, taps: typeof playwrightTaps): Promise<Omit<Run, "direct">> {
  const server = await startPreviewServer({ root, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const phone = await phonePage(browser, server.url);
    await phone.page.goto(server.url, { waitUntil: "commit" });
    const { ready, usable } = await taps(phone.page);
    const firstPaint = await phone.page.evaluate(
      () => performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime ?? Number.NaN,
    );
    return { firstPaint, ready, usable, requests: phone.offPage(), bytes: phone.bytes() };
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

const pages = [
  { name: `old (${values.old ? "given" : baseline})`, root: values.old ?? oldSite() },
  { name: "new", root: values.new ?? join(packageDir, "dist") },
];
const results = new Map<string, Run[]>(pages.map((p) => [p.name, []]));
// Interleaved, so a busy moment of the machine hits both pages alike.
for (let i = 0; i < runs; i++) {
  for (const p of pages) {
    const run = await measure(p.root, playwrightTaps);
    const direct = await measure(p.root, directTaps);
    results.get(p.name)!.push({ ...run, direct: direct.usable, requests: run.requests + direct.requests });
    console.error(
      `run ${i + 1}/${runs} ${p.name}: first paint ${seconds(run.firstPaint)} s, usable ${seconds(run.usable)} s, direct taps ${seconds(direct.usable)} s`,
    );
  }
}

console.log(
  `\nphone profile: 390x844, slow 4G (562.5 ms RTT, 1.44 Mbit/s), CPU ${CPU_SLOWDOWN}x slower; ${runs} runs each; median (min-max)`,
);
console.log("| page | transferred | first paint | script ready | usable | usable, direct taps | requests off the page |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const p of pages) {
  const rs = results.get(p.name)!;
  const cell = (f: (r: Run) => number) => {
    const xs = rs.map(f);
    return `${seconds(median(xs))} s (${seconds(Math.min(...xs))}-${seconds(Math.max(...xs))})`;
  };
  const kb = `${Math.round(median(rs.map((r) => r.bytes)) / 1024)} KB`;
  console.log(
    `| ${p.name} | ${kb} | ${cell((r) => r.firstPaint)} | ${cell((r) => r.ready)} | ${cell((r) => r.usable)} | ${cell((r) => r.direct)} | ${Math.max(...rs.map((r) => r.requests))} |`,
  );
}
// A request off the page is a failure, whatever the figures.
if (pages.some((p) => results.get(p.name)!.some((r) => r.requests > 0))) process.exitCode = 1;
const [oldRuns, newRuns] = pages.map((p) => results.get(p.name)!);
const ratio = (f: (r: Run) => number) => (median(newRuns!.map(f)) / median(oldRuns!.map(f))).toFixed(2);
console.log(`\nusable: new/old = ${ratio((r) => r.usable)}x; with direct taps ${ratio((r) => r.direct)}x`);
