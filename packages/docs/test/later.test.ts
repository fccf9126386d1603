// The operations' sections arrive after the first parse (issue 29, speed): the page holds each in a
// `<noscript class="pa-later">` and its script brings it in. To see what a reader gets before the
// browser has been idle, these tests switch requestIdleCallback off (it never calls back): a deep
// link, a sidebar link, a search hit, an address changed by hand and the samples choice still reach
// a late operation, and Ctrl+F brings in every section. Left alone, the page brings all of them in
// by itself. With scripting off, every section is plain HTML in its place.
// Run: pnpm --filter @propelauth-openapi/docs build && npx vitest run --project docs test/later.test.ts
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexHtml, launchChromium, loadSiteView } from "./support.js";

const fileUrl = pathToFileURL(indexHtml).href;
const html = readFileSync(indexHtml, "utf8");
const view = loadSiteView();
/** The operations' routes in page order (the sidebar's order), from the sidebar's links. */
const routes = [...html.slice(html.indexOf('<nav class="pa-nav"'), html.indexOf("</nav>")).matchAll(/<a href="#([^"]+)" data-words=/g)].map(
  (m) => m[1]!,
);
const last = routes.at(-1)!;
const lastView = view.operations.find((op) => op.route === last)!;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function newContext(options: { javaScriptEnabled?: boolean; neverIdle?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(15_000);
  await context.route("**/*", (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
  // A browser that is never idle: only what the reader asks for is brought in.
  if (options.neverIdle) await context.addInitScript(() => Object.assign(window, { requestIdleCallback: () => 0 }));
  return context;
}

async function open(context: BrowserContext, hash = ""): Promise<Page> {
  const page = await context.newPage();
  await page.goto(fileUrl + hash);
  return page;
}

/** The heading of the section with this id is in the window. */
const headingOnScreen = (page: Page, id: string) =>
  page.evaluate((sel) => {
    const box = document.getElementById(sel)?.querySelector("h2")?.getBoundingClientRect();
    return box !== undefined && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
  }, id);

const sections = (page: Page, selector = "main > section.pa-op") =>
  page.evaluate((sel) => [...document.querySelectorAll(sel)].map((s) => s.id), selector);
const heldBack = (page: Page) => page.evaluate(() => document.querySelectorAll("noscript.pa-later").length);

describe("the operations' sections, after the first parse", () => {
  it("are held back in the page as it arrives, one <noscript> per operation, after the sidebar and the introduction", () => {
    expect(routes.length).toBe(view.operations.length);
    const held = [...html.matchAll(/<noscript class="pa-later" data-route="([^"]+)">/g)].map((m) => m[1]);
    expect(held).toEqual(routes);
    expect(html.indexOf('<noscript class="pa-later"')).toBeGreaterThan(html.indexOf('id="/section/task-guides"'));
  });

  it("a deep link to the last operation opens it on first load, and it stays on screen as the others arrive", async () => {
    const context = await newContext();
    try {
      const page = await open(context, `#${last}`);
      await expect.poll(() => headingOnScreen(page, last)).toBe(true);
      await page.locator("html.pa-complete").waitFor({ state: "attached" });
      expect(await heldBack(page)).toBe(0);
      expect(await sections(page)).toEqual(routes);
      await page.waitForTimeout(200);
      expect(await headingOnScreen(page, last)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("left alone at the top of the page, with no scrolling, every section arrives by itself", async () => {
    const context = await newContext();
    try {
      const page = await open(context);
      await page.locator("html.pa-complete").waitFor({ state: "attached" });
      expect(await sections(page)).toEqual(routes);
      expect(await page.evaluate(() => scrollY)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("with the browser never idle, a deep link opens its operation, bringing in the ones before it only", async () => {
    const context = await newContext({ neverIdle: true });
    try {
      const k = Math.floor(routes.length / 2);
      const page = await open(context, `#${routes[k]}`);
      await expect.poll(() => headingOnScreen(page, routes[k]!)).toBe(true);
      expect(await sections(page)).toEqual(routes.slice(0, k + 1));
      expect(await heldBack(page)).toBe(routes.length - k - 1);
    } finally {
      await context.close();
    }
  });

  it("with the browser never idle, a sidebar link, a search hit and an address set by hand each bring in their operation", async () => {
    const context = await newContext({ neverIdle: true });
    try {
      const page = await open(context);
      await page.waitForLoadState("domcontentloaded");
      expect(await sections(page)).toEqual([]);
      // A sidebar link (its tag opened first).
      const second = routes[1]!;
      await page.locator(`nav.pa-nav details:has(a[href="#${second}"]) > summary`).click();
      await page.locator(`nav.pa-nav a[href="#${second}"]`).click();
      await expect.poll(() => headingOnScreen(page, second)).toBe(true);
      expect(await sections(page)).toEqual(routes.slice(0, 2));
      // A search hit, by operationId.
      const hit = view.operations.find((op) => op.route === routes[5])!;
      await page.locator("#pa-search").fill(hit.op.operationId);
      await page.locator(`#pa-hits a[href="#${hit.route}"]`).click();
      await expect.poll(() => headingOnScreen(page, hit.route)).toBe(true);
      expect(await sections(page)).toEqual(routes.slice(0, 6));
      // The address changed by hand (or by the history's back button).
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `#${routes[10]}`);
      await expect.poll(() => headingOnScreen(page, routes[10]!)).toBe(true);
      expect(await sections(page)).toEqual(routes.slice(0, 11));
    } finally {
      await context.close();
    }
  });

  it("with the browser never idle, an operation that arrives after a samples tab was chosen shows that choice", async () => {
    const context = await newContext({ neverIdle: true });
    try {
      const page = await open(context, `#${routes[0]}`);
      await expect.poll(() => headingOnScreen(page, routes[0]!)).toBe(true);
      await page.locator(`[id="${routes[0]}"] .pa-samples [role=tab][data-tab="typescript-client"]`).click();
      const other = routes[3]!;
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `#${other}`);
      await expect.poll(() => headingOnScreen(page, other)).toBe(true);
      const shown = page.locator(`[id="${other}"] .pa-samples [role=tabpanel]:not([hidden])`);
      expect(await shown.getAttribute("data-tab")).toBe("typescript-client");
    } finally {
      await context.close();
    }
  });

  it("with the browser never idle, Ctrl+F brings in every section before the find bar opens", async () => {
    const context = await newContext({ neverIdle: true });
    try {
      const page = await open(context);
      await page.waitForLoadState("domcontentloaded");
      expect(await heldBack(page)).toBe(routes.length);
      await page.keyboard.press("Control+f");
      expect(await heldBack(page)).toBe(0);
      expect(await sections(page)).toEqual(routes);
      expect(await page.evaluate(() => document.documentElement.classList.contains("pa-complete"))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("with the browser never idle, printing brings in every section first", async () => {
    const context = await newContext({ neverIdle: true });
    try {
      const page = await open(context);
      await page.waitForLoadState("domcontentloaded");
      expect(await heldBack(page)).toBe(routes.length);
      // What the browser sends before it prints.
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      expect(await sections(page)).toEqual(routes);
    } finally {
      await context.close();
    }
  });

  it("with scripting off, every section is plain HTML in its place: a deep link to the last operation scrolls to it", async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const page = await open(context, `#${last}`);
      // Each in its <noscript>, which the browser then reads as HTML.
      expect(await sections(page, "main > noscript.pa-later > section.pa-op")).toEqual(routes);
      await expect.poll(() => headingOnScreen(page, last)).toBe(true);
      // Laid out as children of <main>, as they are with scripting on.
      expect(
        await page.evaluate(() => [
          ...new Set([...document.querySelectorAll("noscript.pa-later")].map((n) => getComputedStyle(n).display)),
        ]),
      ).toEqual(["contents"]);
      // Its text is on the page (what the browser's find looks in), not only in the source.
      const summary = lastView.title;
      await expect.poll(() => page.locator(`[id="${last}"] h2`).getByText(summary, { exact: false }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
