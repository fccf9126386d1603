// Accessibility of the built page in Chromium (issue 29): axe-core finds no critical or serious
// WCAG 2.0/2.1/2.2 A/AA violation in 18 states (1440 and 390 px, light and dark, the top of the
// page, a deep-linked operation, a search typed, a task guide opened from the sidebar, and on the
// phone the menu open), and the page
// works by keyboard and screen reader: a skip link, focus never under the phone's fixed bar, the
// phone's menu a dialog, live regions for search and copy, the ARIA tabs pattern, one Tab stop
// per control.
// Run: pnpm --filter @propelauth-openapi/docs build && npx vitest run --project docs test/a11y.test.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everySectionArrived, indexHtml, launchChromium } from "./support.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const fileUrl = pathToFileURL(indexHtml).href;
const DEEP = "#/users/fetchuserbyemail";
const GUIDE = "#/section/task-guides/onboardcustomer";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

type Scheme = "light" | "dark";

async function newContext(width: number, scheme: Scheme): Promise<BrowserContext> {
  const phone = width < 500;
  const context = await browser.newContext({
    viewport: { width, height: phone ? 844 : 900 },
    isMobile: phone,
    hasTouch: phone,
    colorScheme: scheme,
  });
  context.setDefaultTimeout(15_000);
  await context.route("**/*", (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
  return context;
}

async function open(context: BrowserContext, hash = ""): Promise<Page> {
  const page = await context.newPage();
  await page.goto(fileUrl + hash);
  await everySectionArrived(page);
  return page;
}

interface Finding {
  rule: string;
  impact: string;
  nodes: number;
  sample: string;
}

/**
 * axe-core's critical and serious WCAG A/AA findings. Sections skip layout off screen
 * (`content-visibility: auto`), which axe would misread (no size, no colour): all are laid out first.
 */
async function scan(page: Page): Promise<Finding[]> {
  await page.addStyleTag({ content: "main > * { content-visibility: visible !important; }" });
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script.
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.length, sample: v.nodes[0]?.target.join(" ") ?? "" }));
  }, TAGS);
}

/** Whether the element is in the window, clear of the phone's Contents bar along the bottom edge. */
const onScreen = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const box = document.querySelector(sel)?.getBoundingClientRect();
    const bar = document.querySelector(".pa-menu-button")?.getBoundingClientRect();
    const bottom = bar && bar.height > 0 ? bar.top : window.innerHeight;
    return box !== undefined && box.height > 0 && box.top >= 0 && box.bottom <= bottom;
  }, selector);

const STATES: { name: string; width: number; prepare: (page: Page) => Promise<void>; hash?: string }[] = [];
for (const width of [1440, 390]) {
  STATES.push({ name: "top of the page", width, prepare: async () => {} });
  STATES.push({ name: "a deep-linked operation", width, hash: DEEP, prepare: async () => {} });
  STATES.push({
    name: "a search typed",
    width,
    prepare: async (page) => {
      if (width < 500) await page.locator(".pa-menu-button").click();
      await page.locator("#pa-search").fill("user");
      await page.locator("#pa-hits a").first().waitFor();
    },
  });
  STATES.push({
    name: "a task guide opened from the sidebar",
    width,
    prepare: async (page) => {
      if (width < 500) await page.locator(".pa-menu-button").click();
      await page.locator(`nav.pa-nav a[href="${GUIDE}"]`).click();
      // The guide's heading is on screen, under no fixed bar.
      await expect.poll(() => onScreen(page, `[id="${GUIDE.slice(1)}"] h3`)).toBe(true);
    },
  });
  if (width < 500)
    STATES.push({
      name: "the menu open",
      width,
      prepare: async (page) => {
        await page.locator(".pa-menu-button").click();
        await page.locator("nav.pa-nav").waitFor({ state: "visible" });
      },
    });
}

describe("axe-core: no critical or serious WCAG 2.2 A/AA violation", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const state of STATES) {
      it(`${state.width} px, ${scheme}: ${state.name}`, async () => {
        const context = await newContext(state.width, scheme);
        try {
          const page = await open(context, state.hash);
          await state.prepare(page);
          const findings = await scan(page);
          console.log(`axe ${state.width} ${scheme} ${state.name}: ${JSON.stringify(findings)}`);
          expect(findings).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});

/** A description of the focused element, for messages. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${e.className} "${(e.textContent ?? "").trim().slice(0, 30)}"` : "none";
  });

describe("by keyboard and screen reader", () => {
  it("a skip link is the first Tab stop and moves focus to the content", async () => {
    const context = await newContext(1440, "light");
    try {
      const page = await open(context);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
      expect(await page.locator(".pa-skip").isVisible()).toBe(true);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("pa-main");
      // The route in the address bar is kept.
      expect(await page.evaluate(() => location.hash)).toBe("");
    } finally {
      await context.close();
    }
  });

  it("on a phone, no Tab stop of the first 120 is hidden under the Contents bar", async () => {
    const context = await newContext(390, "light");
    try {
      const page = await open(context);
      const hidden: string[] = [];
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press("Tab");
        const under = await page.evaluate(() => {
          const e = document.activeElement!;
          const bar = document.querySelector(".pa-menu-button")!.getBoundingClientRect();
          const box = e.getBoundingClientRect();
          if (e.classList.contains("pa-menu-button")) return false;
          // What fits above the bar is wholly above it; a taller region (a long table) at least starts above it.
          return box.height <= bar.top ? box.bottom > bar.top || box.top < 0 : box.top >= bar.top;
        });
        if (under) hidden.push(`${i + 1}: ${await focused(page)}`);
      }
      expect(hidden).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("on a phone, the menu is a dialog: its button comes early, focus moves in, stays in, and Escape gives it back", async () => {
    const context = await newContext(390, "light");
    try {
      const page = await open(context);
      const button = page.locator(".pa-menu-button");
      // Second Tab stop, after the skip link.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
      const nav = page.locator("nav.pa-nav");
      expect(await nav.getAttribute("role")).toBe("dialog");
      expect(await nav.getAttribute("aria-modal")).toBe("true");
      expect(await button.getAttribute("aria-expanded")).toBe("true");
      const inMenu = () =>
        page.evaluate(
          () =>
            document.querySelector("nav.pa-nav")!.contains(document.activeElement) ||
            document.activeElement === document.querySelector(".pa-menu-button"),
        );
      expect(await page.evaluate(() => document.querySelector("nav.pa-nav")!.contains(document.activeElement))).toBe(true);
      const escaped: string[] = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        if (!(await inMenu())) escaped.push(`Tab ${i + 1}: ${await focused(page)}`);
      }
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Shift+Tab");
        if (!(await inMenu())) escaped.push(`Shift+Tab ${i + 1}: ${await focused(page)}`);
      }
      expect(escaped).toEqual([]);
      await page.keyboard.press("Escape");
      expect(await button.getAttribute("aria-expanded")).toBe("false");
      expect(await nav.isVisible()).toBe(false);
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("search results, No match and Copied are announced in a live region", async () => {
    const context = await newContext(1440, "light");
    try {
      const page = await open(context, DEEP);
      const status = page.locator("[role=status]#pa-status");
      await page.locator("#pa-search").fill("qqqqzz");
      await expect.poll(() => status.textContent()).toBe("No match");
      await page.locator("#pa-search").fill("fetchUserByEmail");
      await expect.poll(() => status.textContent()).toMatch(/^\d+ results?$/);
      await page.keyboard.press("Escape");
      await page.locator(`[id="${DEEP.slice(1)}"] .pa-copy`).click();
      await expect.poll(() => status.textContent()).toBe("Copied");
    } finally {
      await context.close();
    }
  });

  it("the samples tabs follow the ARIA tabs pattern: arrow keys, Home, End, aria-controls and one Tab stop", async () => {
    const context = await newContext(1440, "light");
    try {
      const page = await open(context, DEEP);
      const list = page.locator(`[id="${DEEP.slice(1)}"] .pa-samples [role=tablist]`);
      const tabs = list.locator("[role=tab]");
      const state = () =>
        list.evaluate((l) =>
          [...l.querySelectorAll("[role=tab]")].map((t) => {
            const panel = document.getElementById(t.getAttribute("aria-controls") ?? "");
            return `${t.getAttribute("aria-selected")}/${t.getAttribute("tabindex")}/${panel ? !panel.hidden : "no panel"}/${t === document.activeElement}`;
          }),
        );
      const n = await tabs.count();
      expect(n).toBeGreaterThan(2);
      const only = (i: number) => Array.from({ length: n }, (_, j) => (j === i ? "true/0/true/true" : "false/-1/false/false"));
      await tabs.first().focus();
      await page.keyboard.press("ArrowRight");
      expect(await state()).toEqual(only(1));
      await page.keyboard.press("End");
      expect(await state()).toEqual(only(n - 1));
      await page.keyboard.press("ArrowRight");
      expect(await state()).toEqual(only(0));
      await page.keyboard.press("ArrowLeft");
      expect(await state()).toEqual(only(n - 1));
      await page.keyboard.press("Home");
      expect(await state()).toEqual(only(0));
      // Each panel is labelled by its tab.
      const labelled = await list.evaluate((l) =>
        [...l.querySelectorAll("[role=tab]")].every(
          (t) => document.getElementById(t.getAttribute("aria-controls")!)?.getAttribute("aria-labelledby") === t.id,
        ),
      );
      expect(labelled).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("each sidebar tag is one Tab stop, with no link inside its summary", async () => {
    const context = await newContext(1440, "light");
    try {
      const page = await open(context);
      expect(await page.locator("nav.pa-nav summary a, nav.pa-nav summary button").count()).toBe(0);
      const tag = page.locator("nav.pa-nav details.pa-nav-tag").first();
      expect(await tag.evaluate((t) => (t as HTMLDetailsElement).open)).toBe(false);
      await tag.locator("summary").focus();
      await page.keyboard.press("Tab");
      expect(await tag.evaluate((t) => t.contains(document.activeElement))).toBe(false);
      // Enter opens it.
      await tag.locator("summary").focus();
      await page.keyboard.press("Enter");
      expect(await tag.evaluate((t) => (t as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("each heading's # link is reachable and shown when focused, and does not repeat the heading", async () => {
    const context = await newContext(1440, "light");
    try {
      const page = await open(context, DEEP);
      const heading = page.locator(`[id="${DEEP.slice(1)}"] h2`);
      const anchor = heading.locator(".pa-anchor");
      // From the Tab stop before it (the last of the section above), Tab goes to the link.
      await anchor.evaluate((a) => {
        const stops = [...document.querySelectorAll<HTMLElement>("a[href], button, summary, input, [tabindex='0']")].filter(
          (e) => e === a || (e.checkVisibility() && e.tabIndex >= 0),
        );
        stops[stops.indexOf(a as HTMLElement) - 1]!.focus();
      });
      let reached = false;
      for (let i = 0; i < 3 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await anchor.evaluate((a) => a === document.activeElement);
      }
      expect(reached).toBe(true);
      expect(await anchor.evaluate((a) => getComputedStyle(a).opacity)).toBe("1");
      const title = (await heading.evaluate((h) => h.firstChild?.textContent ?? "")).trim();
      const names = await page
        .locator(".pa-anchor")
        .evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? a.textContent ?? ""));
      expect(names.length).toBeGreaterThan(75);
      expect(names.filter((n) => n.includes(title))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
