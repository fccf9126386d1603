// The controls answer while the page is still arriving (issue 29, speed): a server on 127.0.0.1
// sends the page up to the start of <main> and holds the rest; on a phone, the Contents button
// opens the menu, search finds an operation and the theme switches before the page has ended; the
// closed menu is laid out ahead (hidden) as soon as the sidebar has arrived.
// Run: pnpm --filter @propelauth-openapi/docs build && npx vitest run --project docs test/streaming.test.ts
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARGS, CHROMIUM } from "../src/chromium.js";
import { indexHtml } from "./support.js";

const html = readFileSync(indexHtml, "utf8");
const split = html.indexOf('<main id="pa-main"');
let browser: Browser;
let server: Server;
let url: string;
/** The response held open, to be finished by the test. */
let held: ServerResponse | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    // The sidebar and a little padding, so Chromium parses and paints what has arrived.
    res.write(`${html.slice(0, split)}<!--${" ".repeat(4096)}-->`);
    held = res;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

afterAll(async () => {
  held?.end();
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** A phone's page on the held-back stream, once its Contents button is shown. */
async function phonePage() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(15_000);
  await context.route("**/*", (route) => (route.request().url().startsWith(url) ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  const button = page.locator(".pa-menu-button");
  await button.waitFor({ state: "visible" });
  return { context, page, button };
}

describe("while the page streams in", () => {
  it("the phone's menu, search and the theme answer before the page has ended", async () => {
    expect(split).toBeGreaterThan(0);
    const { context, page, button } = await phonePage();
    try {
      expect(await page.evaluate(() => document.readyState)).toBe("loading");
      await button.click();
      await expect.poll(() => button.getAttribute("aria-expanded")).toBe("true");
      await page.locator("#pa-search").fill("fetchUserByEmail");
      await expect.poll(() => page.locator("#pa-hits a").first().getAttribute("href")).toBe("#/users/fetchuserbyemail");
      await page.locator(".pa-theme").click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
      // Still the first part of the page: nothing of <main> has arrived.
      expect(await page.evaluate(() => [document.readyState, document.getElementById("pa-main")])).toEqual(["loading", null]);
      held?.end(html.slice(split));
      await page.waitForLoadState("domcontentloaded");
      // The content that arrived under the open menu is inert, as the modal dialog asks.
      expect(await page.evaluate(() => document.getElementById("pa-main")?.inert)).toBe(true);
      await page.locator("#pa-hits a").first().click();
      await expect.poll(() => button.getAttribute("aria-expanded")).toBe("false");
      await expect.poll(() => page.evaluate(() => location.hash)).toBe("#/users/fetchuserbyemail");
    } finally {
      await context.close();
    }
  });

  it("on a phone, the closed menu is laid out ahead, hidden, once the sidebar has arrived (opening it then only shows it)", async () => {
    const { context, page, button } = await phonePage();
    try {
      const nav = page.locator("nav.pa-nav");
      // Laid out (it has a box) but not shown: no tap, Tab stop or screen reader reaches it.
      const state = () => nav.evaluate((n) => ({ box: n.getBoundingClientRect().height > 0, visibility: getComputedStyle(n).visibility }));
      await expect.poll(state).toEqual({ box: true, visibility: "hidden" });
      expect(await page.evaluate(() => document.readyState)).toBe("loading");
      expect(await nav.isVisible()).toBe(false);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.querySelector("nav.pa-nav")!.contains(document.activeElement))).toBe(false);
      await button.click();
      await expect.poll(state).toEqual({ box: true, visibility: "visible" });
      expect(await nav.isVisible()).toBe(true);
      await page.keyboard.press("Escape");
      await expect.poll(state).toEqual({ box: true, visibility: "hidden" });
    } finally {
      held?.end(html.slice(split));
      await context.close();
    }
  });
});
