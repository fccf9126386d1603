// What a reader meets, in Chromium at desktop (1440 px) and phone (390 px) sizes, offline: links
// that survive "open in new tab" (from file:// and from a server's /docs/ folder), the right
// sidebar item after a deep link, every sample language selectable, plain server descriptions,
// readable wide tables, no research notes, search by operationId and SDK function, the pagination
// list, code not hidden by the copy button or by the phone's menu button, and the release shown.
// Run: pnpm --filter @propelauth-openapi/docs build && npx vitest run --project docs test/reader.test.ts
import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { deref, loadBundledDocument } from "@propelauth-openapi/spec";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReleaseNotes } from "../src/changelog.js";
import { sdkFunctions } from "../src/facts.js";
import { repoRoot } from "../src/paths.js";
import { type PreviewServer, startPreviewServer } from "../src/preview.js";
import { operationHref } from "../src/routes.js";
import { artefactDir, distDir, everySectionArrived, indexHtml, launchChromium, listOperations, loadSiteDocument } from "./support.js";

const doc = loadSiteDocument();
const source = loadBundledDocument();
const ops = listOperations(doc);
const fileUrl = pathToFileURL(indexHtml).href;
const MENU = "nav.pa-nav";
const MENU_BUTTON = ".pa-menu-button";
/** Phrases of research notes, which belong in x-propelauth-sources, not in reader text. */
const RESEARCH_NOTES = [/could not be read/i, /\bpresumably\b/i, /\bTODO\b/, /\bunverified\b/i, /we could not/i];

let browser: Browser;
let server: PreviewServer;
let docsUrl: string;
const blocked: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  // The site in a server's /docs/ folder, as a static host would put it.
  const siteRoot = join(artefactDir, "site-root");
  rmSync(siteRoot, { recursive: true, force: true });
  mkdirSync(siteRoot, { recursive: true });
  symlinkSync(distDir, join(siteRoot, "docs"));
  server = await startPreviewServer({ root: siteRoot, port: 0 });
  docsUrl = `${server.url}docs/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newContext(width: number): Promise<BrowserContext> {
  const phone = width < 500;
  const context = await browser.newContext({
    viewport: { width, height: phone ? 844 : 900 },
    isMobile: phone,
    hasTouch: phone,
    colorScheme: "light",
  });
  // A missing control fails its test quickly instead of waiting for the test's timeout.
  context.setDefaultTimeout(15_000);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url) || url.startsWith(server.url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return context;
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${url}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${url}: page error: ${error.message}`));
  await page.goto(url);
  await page.locator(MENU).first().waitFor({ state: "attached" });
  // The page's script has run (it marks the page once it has).
  await page.locator("html.pa-ready").waitFor({ state: "attached" });
  await everySectionArrived(page);
  return page;
}

/** Whether an element is within the window (scrolled to), not only somewhere in the page. */
function onScreen(locator: ReturnType<Page["locator"]>): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
  });
}

/** Opens the sidebar on a phone (behind the menu button) so its links can be read and clicked. */
async function showMenu(page: Page) {
  const button = page.locator(MENU_BUTTON);
  if ((await button.isVisible()) && (await button.getAttribute("aria-expanded")) !== "true") await button.click();
}

/** Goes to an operation by its route and waits for its section. */
async function openOperation(page: Page, operationId: string) {
  const op = ops.find((o) => o.operationId === operationId)!;
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, operationHref(op));
  const section = page.locator(`[id="${operationHref(op).slice(1)}"]`);
  await section.locator("h2").first().waitFor();
  return { op, section };
}

/** Closes the phone's sidebar again, so that the page under it takes clicks. */
async function hideMenu(page: Page) {
  const button = page.locator(MENU_BUTTON);
  if ((await button.isVisible()) && (await button.getAttribute("aria-expanded")) === "true") await button.click();
}

async function search(page: Page, text: string) {
  const input = page.locator("#pa-search");
  if (!(await input.isVisible())) await showMenu(page);
  await input.fill(text);
  return page.locator("#pa-hits a");
}

/** The text a reader sees: descriptions, summaries and titles, not the x- extensions (nor the "Sources" notes). */
function readerText(value: unknown, key = ""): string[] {
  if (typeof value === "string")
    return /^(description|summary|title)$/.test(key) ? [value.replace(/<details class="pa-sources">[\s\S]*?<\/details>/g, "")] : [];
  if (Array.isArray(value)) return value.flatMap((v) => readerText(v));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => (k.startsWith("x-") ? [] : readerText(v, k)));
  }
  return [];
}

/** Whether a schema (through $ref and allOf) has a page_number or page_size property. */
function hasPageFields(schema: unknown): boolean {
  const s = schema ? deref(source, schema as { properties?: Record<string, unknown>; allOf?: unknown[] }) : undefined;
  return Object.keys(s?.properties ?? {}).some((k) => /page_(number|size)$/.test(k)) || (s?.allOf ?? []).some(hasPageFields);
}

/** Paged operations, found in the source document independently of the site's code. */
const pagedInSource = listOperations(source).filter(
  (op) =>
    op.parameters.some((p) => p.in === "query" && /page_(number|size)$/.test(p.name)) ||
    Object.values(op.operation.requestBody?.content ?? {}).some((media) => hasPageFields(media.schema)),
);

describe.each([1440, 390])("the site at %i px (offline)", (width) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(width);
    page = await open(context, fileUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it("links in the sidebar, the introduction's headings and the matrix are relative (hash) links, none root-relative", async () => {
    await showMenu(page);
    const hrefs = await page.locator("body a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const sidebar = await page.locator(`${MENU} a[href]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const headings = await page.locator(".pa-heading a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(sidebar.length).toBeGreaterThan(20);
    expect(headings.length).toBeGreaterThan(5);
    expect(hrefs.filter((h) => h.startsWith("/") && !h.startsWith("//"))).toEqual([]);
    for (const href of [...sidebar, ...headings]) expect(href, href).toMatch(/^#\//);
    await hideMenu(page);
  });

  it.each([
    ["from file://", () => fileUrl],
    ["from a server's /docs/ folder", () => docsUrl],
  ])("a tag, an introduction section and a heading link opened in a new tab stay on the page and show their part (%s)", async (_, base) => {
    const start = await open(context, base());
    try {
      await showMenu(start);
      // What "open in new tab" and "copy link" use: the link's resolved address.
      const tag = await start
        .locator(`${MENU} a.pa-tag-link[href="#/users"]`)
        .first()
        .evaluate((a: HTMLAnchorElement) => a.href);
      const section = await start
        .locator(`${MENU} a`, { hasText: /^Pagination$/ })
        .first()
        .evaluate((a: HTMLAnchorElement) => a.href);
      const heading = await start
        .locator(".pa-heading a")
        .first()
        .evaluate((a: HTMLAnchorElement) => a.href);
      for (const [url, shown] of [
        [tag, "/users"],
        [section, "/section/pagination"],
        [heading, "/section/authentication"],
      ] as const) {
        expect(url.startsWith(base())).toBe(true);
        const tab = await open(context, url);
        try {
          // The part is on screen in the new tab, not only somewhere in the page.
          await expect.poll(() => onScreen(tab.locator(`[id="${shown}"] h2`)), { message: url }).toBe(true);
        } finally {
          await tab.close();
        }
      }
    } finally {
      await start.close();
    }
  });

  it.each([
    ["#/section/pagination", "Pagination"],
    ["#/users/fetchuserbyemail", "Fetch a user by email"],
  ])("opened on %s, the sidebar highlights that item", async (hash, title) => {
    const deep = await open(context, `${fileUrl}${hash}`);
    try {
      await expect.poll(() => onScreen(deep.locator(`[id="${hash.slice(1)}"] h2`)), { message: hash }).toBe(true);
      await showMenu(deep);
      await expect
        .poll(() => deep.locator(`${MENU} [data-active=true]`).allTextContents(), { message: hash })
        .toEqual([expect.stringContaining(title)]);
    } finally {
      await deep.close();
    }
  });

  it("opened on the sidebar's last item, the sidebar shows it highlighted (scrolled within the sidebar)", async () => {
    const hash = await page.locator(`${MENU} a[href^="#/"]:not(.pa-title):not(.pa-hit)`).last().getAttribute("href");
    const deep = await open(context, `${fileUrl}${hash}`);
    try {
      await showMenu(deep);
      const item = deep.locator(`${MENU} [data-active=true]`);
      await expect
        .poll(() =>
          item.evaluate((a) => {
            const nav = a.closest("nav")!.getBoundingClientRect();
            const box = a.getBoundingClientRect();
            // (within a pixel: boxes sit at fractions of one)
            return box.height > 0 && box.top >= nav.top - 1 && box.bottom <= nav.bottom + 1;
          }),
        )
        .toBe(true);
    } finally {
      await deep.close();
    }
  });

  it("the sidebar follows the reader's scrolling: the section at the top of the window is marked", async () => {
    const { op } = await openOperation(page, "fetchUserById");
    const target = ops.find((o) => o.operationId === "fetchUserByEmail")!;
    await page.locator(`[id="${operationHref(target).slice(1)}"]`).evaluate((el) => el.scrollIntoView());
    await showMenu(page);
    await expect
      .poll(() => page.locator(`${MENU} [data-active=true]`).allTextContents())
      .toEqual([expect.stringContaining(target.operation.summary)]);
    expect(await page.evaluate(() => window.location.hash)).toBe(operationHref(op));
    await hideMenu(page);
  });

  it("offers the TypeScript operation sample and shows it", async () => {
    const { section } = await openOperation(page, "fetchUserById");
    await section.locator(".pa-samples").getByRole("tab", { name: "TypeScript operation" }).click();
    await expect.poll(() => section.getByText("await fetchUserById(client", { exact: false }).first().isVisible()).toBe(true);
    await section.locator(".pa-samples").getByRole("tab", { name: "curl" }).click();
  });

  it("shows server descriptions without Markdown backticks (Servers panel and an operation's server list)", async () => {
    const { section } = await openOperation(page, "fetchUserByEmail");
    // The operation's path unfolds to the servers that serve it.
    await section.locator(".pa-endpoint > summary").click();
    await expect.poll(() => section.locator(".pa-endpoint .pa-server-about").first().isVisible()).toBe(true);
    const described = (source.servers ?? []).filter((s) => s.description?.includes("`"));
    expect(described.length).toBeGreaterThan(0);
    // Every text node that shows (part of) such a description, in the panel and the opened list.
    const words = described.map((s) => s.description!.split("`")[0]!.slice(0, 30));
    const texts = await page.evaluate((starts) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (parent?.closest("script, style, .pa-wide")) continue;
        if (starts.some((s) => n.textContent?.includes(s))) found.push(n.textContent ?? "");
      }
      return found;
    }, words);
    expect(texts.length).toBeGreaterThanOrEqual(described.length * 2);
    expect(texts.filter((t) => t.includes("`"))).toEqual([]);
  });

  it("shows the permission matrix and the servers table readable: wide on a desktop, no path broken mid-word, the page not wider than the screen", async () => {
    await page.evaluate(() => {
      window.location.hash = "#/section/permission-matrix";
    });
    const matrix = page.locator("table.pa-matrix");
    await matrix.waitFor();
    const box = (await matrix.boundingBox())!;
    if (width >= 1440) expect(box.width).toBeGreaterThanOrEqual(900);
    const broken = await page
      .locator("table.pa-matrix code.pa-nowrap, table.pa-servers code.pa-nowrap")
      .evaluateAll((codes) =>
        codes.filter((c) => c.getClientRects().length !== 1 || c.getBoundingClientRect().height > 24).map((c) => c.textContent),
      );
    expect(broken).toEqual([]);
    const pageWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(width);
    // Every column can be reached: a table wider than the screen scrolls sideways in its own box,
    // which ends within the screen (not cut off by the page).
    const unreachable = await page.locator(".pa-wide").evaluateAll((boxes) =>
      boxes
        .filter((box) => {
          const table = box.querySelector("table")!;
          const scrolls = /auto|scroll/.test(getComputedStyle(box).overflowX);
          const fits = table.getBoundingClientRect().width <= box.clientWidth + 1;
          return box.getBoundingClientRect().right > window.innerWidth + 1 || !(fits || scrolls);
        })
        .map((box) => box.querySelector("table")!.className),
    );
    expect(unreachable).toEqual([]);
    // Each operation cell keeps its summary and route legible.
    const narrow = await page
      .locator("table.pa-matrix td.pa-matrix-op")
      .evaluateAll((cells) => cells.filter((c) => c.getBoundingClientRect().width < 150).length);
    expect(narrow).toBe(0);
  });

  it("has no research notes in reader text, and shows an operation's sources as a small note when the document has them", async () => {
    // The page renders sections as they near the screen: the text of every one is in the document.
    const text = await page.evaluate(() => {
      const parts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.parentElement?.closest("script, style, .pa-sources")) parts.push(n.textContent ?? "");
      }
      return parts.join(" ");
    });
    const notes = readerText(doc).filter((t) => RESEARCH_NOTES.some((note) => note.test(t)));
    expect(notes).toEqual([]);
    for (const note of RESEARCH_NOTES) expect(text).not.toMatch(note);
    const withSources = ops.filter((op) => op.operation["x-propelauth-sources"]);
    for (const o of withSources) expect(o.operation.description, o.operationId).toContain('<details class="pa-sources">');
    const op = withSources[0];
    if (op) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, operationHref(op));
      const note = page.locator(`.pa-facts[data-operation-id="${op.operationId}"] .pa-sources`);
      await expect.poll(() => note.isVisible()).toBe(true);
      expect(await note.locator(".pa-sources-title").textContent()).toBe("Sources");
      // Folded until the reader opens it.
      await note.locator(".pa-sources-title").click();
      await expect.poll(() => note.locator("li").first().isVisible()).toBe(true);
    }
  });

  it.each([
    ["its operationId", "fetchUserByEmail", "fetchUserByEmail"],
    ["its official SDK function", "fetchUserMetadataByEmail", "fetchUserByEmail"],
    ["its summary", "Fetch a user by email", "fetchUserByEmail"],
    ["its path", "/api/backend/v1/user/email", "fetchUserByEmail"],
  ])("search finds an operation by %s (%s)", async (what, text, operationId) => {
    const op = ops.find((o) => o.operationId === operationId)!;
    if (what === "its official SDK function") expect(sdkFunctions(op.operation).flatMap((s) => s.functions)).toContain(text);
    if (what === "its path") expect(op.path).toBe(text);
    const hits = await search(page, text);
    await expect.poll(async () => (await hits.first().getAttribute("href")) ?? "", { message: text }).toBe(operationHref(op));
    // Enter opens the first hit.
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(operationHref(op));
    await expect.poll(() => onScreen(page.locator(`[id="${operationHref(op).slice(1)}"] h2`))).toBe(true);
    await page.keyboard.press("Escape");
    await hideMenu(page);
  });

  it.each([
    ["its title", "onboard a customer"],
    ["its description", "invites a teammate"],
  ])("search finds a task guide by %s (%s)", async (_what, text) => {
    const guide = "#/section/task-guides/onboardcustomer";
    const hits = await search(page, text);
    await expect.poll(async () => hits.evaluateAll((as) => as.map((a) => a.getAttribute("href"))), { message: text }).toContain(guide);
    await page.locator(`#pa-hits a[href="${guide}"]`).click();
    await expect.poll(() => onScreen(page.locator(`[id="${guide.slice(1)}"] h3`))).toBe(true);
    await page.keyboard.press("Escape");
    await hideMenu(page);
  });

  it("lists every paged operation under Pagination and says how SCIM's page differs", async () => {
    await page.evaluate(() => {
      window.location.hash = "#/section/pagination";
    });
    const section = page.locator('[id="/section/pagination"]');
    await section.waitFor();
    const links = await section.locator("table a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(pagedInSource.length).toBeGreaterThanOrEqual(11);
    for (const op of pagedInSource) expect(links, op.operationId).toContain(operationHref(op));
    const text = (await section.innerText()).replace(/\s+/g, " ");
    expect(text).toMatch(/SCIM\)? answers with a different page shape: `?page_number`?/);
  });

  it("keeps the copy button off the first line of code", async () => {
    const { section } = await openOperation(page, "fetchUserByEmail");
    await section.locator(".pa-samples pre").first().scrollIntoViewIfNeeded();
    const overlaps = await section.evaluate((root) => {
      const found: string[] = [];
      const buttons = root.querySelectorAll(".pa-copy");
      if (buttons.length === 0) found.push("no copy button");
      for (const button of buttons) {
        const b = button.getBoundingClientRect();
        if (b.width === 0) continue;
        const block = button.closest(".pa-tabs");
        const pre = block?.querySelector("[role=tabpanel]:not([hidden]) pre");
        if (!pre) continue;
        const range = document.createRange();
        range.selectNodeContents(pre);
        const lines = [...range.getClientRects()].filter((r) => r.width > 0);
        const top = Math.min(...lines.map((r) => r.top));
        for (const r of lines.filter((l) => l.top < top + 4)) {
          if (r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top) found.push(pre.textContent!.slice(0, 40));
        }
      }
      return found;
    });
    expect(overlaps).toEqual([]);
  });

  it("shows the document's release under the title and a Changelog with the unreleased spec changes", async () => {
    await page.evaluate(() => {
      window.location.hash = "#/";
      window.scrollTo(0, 0);
    });
    const release = page.locator(".pa-release").first();
    await expect.poll(() => release.isVisible()).toBe(true);
    expect(await release.getAttribute("data-version")).toBe(source.info.version);
    expect(await release.textContent()).toContain(source.info.version);
    const title = (await page.locator("h1").first().boundingBox())!;
    const line = (await release.boundingBox())!;
    expect(line.y).toBeGreaterThan(title.y);
    expect(line.y - (title.y + title.height)).toBeLessThan(200);
    const changelog = page.locator('[id="/section/changelog"]');
    // Sections off screen are laid out once they near it, and the ones above it grow as they are
    // laid out, moving it down: scroll to it again until its text is there.
    let text = "";
    await expect
      .poll(async () => {
        await changelog.scrollIntoViewIfNeeded();
        text = await changelog.innerText();
        return text;
      })
      .toContain("Changelog");
    const notes = readReleaseNotes(repoRoot);
    if (notes.pending.length > 0) expect(text).toContain("Unreleased");
    for (const change of notes.pending) expect(text).toContain(change.text.split("\n")[0]!.replace(/[`*]/g, "").slice(0, 30));
  });

  it("follows the system's dark mode, and its toggle switches between dark and light and is remembered", async () => {
    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightness = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, n) => sum + Number(n), 0) / 3;
    const dark = await browser.newContext({ viewport: { width, height: 844 }, colorScheme: "dark" });
    await dark.route("**/*", (route) => {
      if (/^(file|data|blob):/.test(route.request().url())) return route.continue();
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    });
    try {
      const p = await open(dark, fileUrl);
      expect(lightness(await background(p))).toBeLessThan(60);
      if (!(await p.locator(".pa-theme").isVisible())) await showMenu(p);
      await p.locator(".pa-theme").click();
      await expect.poll(async () => lightness(await background(p))).toBeGreaterThan(200);
      // The choice is remembered in this browser. Chromium hands a page's storage writes to the
      // browser process a moment later, and a loaded machine once reloaded before that: reload
      // until the new page sees it (a forgotten choice never does).
      await expect
        .poll(
          async () => {
            await p.reload();
            await p.locator("html.pa-ready").waitFor({ state: "attached" });
            return lightness(await background(p));
          },
          { timeout: 15_000 },
        )
        .toBeGreaterThan(200);
      if (!(await p.locator(".pa-theme").isVisible())) await showMenu(p);
      await p.locator(".pa-theme").click();
      await expect.poll(async () => lightness(await background(p))).toBeLessThan(60);
    } finally {
      await dark.close();
    }
    expect(lightness(await background(page))).toBeGreaterThan(200);
  });

  it.runIf(width < 500)("on the phone, a path breaks at its slashes only, never inside a segment", async () => {
    const p = await open(context, fileUrl);
    try {
      // Every section laid out (they skip layout off screen), every endpoint's path measured.
      await p.addStyleTag({ content: "main > * { content-visibility: visible !important; }" });
      const paths = p.locator("main code.pa-path");
      expect(await paths.count()).toBeGreaterThanOrEqual(ops.length);
      const bad = await paths.evaluateAll((codes) => {
        const found: string[] = [];
        let wrapped = 0;
        for (const code of codes) {
          const text = code.textContent ?? "";
          const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
          const tops: { ch: string; top: number }[] = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (let i = 0; i < (n.textContent ?? "").length; i++) {
              const range = document.createRange();
              range.setStart(n, i);
              range.setEnd(n, i + 1);
              const rect = range.getClientRects()[0];
              if (rect) tops.push({ ch: n.textContent![i]!, top: rect.top });
            }
          }
          for (let i = 1; i < tops.length; i++) {
            if (tops[i]!.top <= tops[i - 1]!.top + 2) continue;
            wrapped++;
            if (tops[i - 1]!.ch !== "/" && tops[i - 1]!.ch !== " ") found.push(`${text}: broken after "${text.slice(0, i)}"`);
          }
        }
        return { found, wrapped };
      });
      expect(bad.found).toEqual([]);
      // Long paths do wrap on a phone (at a slash).
      expect(bad.wrapped).toBeGreaterThan(0);
    } finally {
      await p.close();
    }
  });

  it.runIf(width < 500)("on the phone, the menu button covers no text: it is a bar of its own, and the page ends above it", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const button = page.locator(MENU_BUTTON);
    await expect.poll(() => button.isVisible()).toBe(true);
    for (const y of [0.25, 0.5, 1]) {
      await page.evaluate((f) => window.scrollTo(0, (document.scrollingElement!.scrollHeight - window.innerHeight) * f), y);
      const covered = await button.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const hits: string[] = [];
        // Across the button's row, nothing but the button: no text beside it or half under it.
        for (let x = 2; x < window.innerWidth; x += 12) {
          const at = document.elementFromPoint(x, r.top + r.height / 2);
          if (at && !b.contains(at)) hits.push(`${x}: ${at.tagName} ${at.textContent?.slice(0, 30)}`);
        }
        return hits;
      });
      expect(covered, `scrolled to ${y * 100}%`).toEqual([]);
    }
    // The page grows as it renders further sections: scroll to its end until its height settles.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const before = document.scrollingElement!.scrollHeight;
          window.scrollTo(0, before);
          await new Promise((r) => setTimeout(r, 300));
          return document.scrollingElement!.scrollHeight === before;
        }),
      )
      .toBe(true);
    const lastText = await page.evaluate(() => {
      const all = [...document.querySelectorAll("main p, main li")].filter((e) => e.getClientRects().length > 0);
      return Math.max(...all.map((e) => e.getBoundingClientRect().bottom));
    });
    const bar = (await button.boundingBox())!;
    expect(lastText).toBeLessThanOrEqual(bar.y + 1);
  });
});

describe("the reader tests' sessions", () => {
  it("made no request outside the page and logged no console error", () => {
    expect(blocked).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
