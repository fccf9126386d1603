// The built page in a real browser (Debian's headless Chromium driven by playwright-core), opened
// from a file:// URL with every request that is not file:, data: or blob: blocked: every operation
// is in the sidebar and opens by a click, shows who may call it and all its responses, search
// finds operations by summary, the page navigates with its script switched off, and nothing fails
// or reaches for the network.
// Run: apt-get install -y chromium; pnpm --filter @propelauth-openapi/docs build && npx vitest run --project docs
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ARGS, CHROMIUM } from "../src/chromium.js";
import { operationHref } from "../src/routes.js";
import { artefactDir, everySectionArrived, indexHtml, listOperations, loadSiteDocument, screenshotPath } from "./support.js";

const doc = loadSiteDocument();
const ops = listOperations(doc);
const pageUrl = pathToFileURL(indexHtml).href;
const MENU = "nav.pa-nav";

let context: BrowserContext;
let page: Page;
let profile: string;
const blocked: string[] = [];
const consoleErrors: string[] = [];

const missing = existsSync(CHROMIUM)
  ? undefined
  : `Chromium is not installed at ${CHROMIUM}: the browser test needs it. Install it with \`apt-get update && apt-get install -y chromium\` (CI's .ci/run does), or set CHROMIUM_PATH.`;

// Without Chromium every test fails with that message: never a silent skip.
beforeEach(() => {
  if (missing) throw new Error(missing);
});

beforeAll(async () => {
  if (missing) return;
  mkdirSync(artefactDir, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "docs-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    colorScheme: "light",
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  await page.goto(pageUrl);
  await page.locator(`${MENU}`).waitFor();
  // The page's script has run (it marks the page once it has).
  await page.locator("html.pa-ready").waitFor({ state: "attached" });
  await everySectionArrived(page);
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Whether an element is within the window (scrolled to), not only somewhere in the page. */
function onScreen(locator: ReturnType<Page["locator"]>): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
  });
}

/** The route of an operation without the leading `#`, as the sidebar links it. */
const route = (href: string) => href.slice(1);

async function expectOperationShown(op: (typeof ops)[number]) {
  const href = operationHref(op);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(href);
  const section = page.locator(`[id="${route(href)}"]`);
  // The heading is the summary, followed by a "deprecated" badge where the operation is.
  await expect
    .poll(async () => (await section.locator("h2").first().textContent())?.startsWith(op.operation.summary), { message: op.operationId })
    .toBe(true);
  // On screen, not only in the page.
  await expect.poll(() => onScreen(section.locator("h2").first()), { message: op.operationId }).toBe(true);
  return section;
}

describe("the built site in Chromium (offline)", () => {
  it("renders the introduction with the generated sections", async () => {
    const nav = page.locator(MENU);
    for (const title of [
      "Authentication",
      "Quick start",
      "Environments and base URLs",
      "Key kinds and permissions",
      "Permission matrix",
      "End-user API keys",
      "Pagination",
      "Errors and rate limits",
    ]) {
      await expect.poll(() => nav.getByText(title, { exact: true }).count(), { message: title }).toBeGreaterThan(0);
    }
    const matrixRows = page.locator("table.pa-matrix tr[data-operation-id]");
    expect(await matrixRows.count()).toBe(ops.length);
    // Every matrix link leads to an operation's route.
    const links = await page.locator("table.pa-matrix a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.sort()).toEqual(ops.map((op) => operationHref(op)).sort());
  });

  it(`every one of the ${ops.length} operations is in the sidebar and opens by a click, with who may call it and all its responses`, async () => {
    const problems: string[] = [];
    for (const op of ops) {
      const href = operationHref(op);
      const item = page.locator(`${MENU} a[href="${href}"]`);
      if (!(await item.isVisible())) {
        // Open the operation's tag in the sidebar.
        await page.locator(`${MENU} details:has(a[href="${href}"]) > summary`).click();
      }
      await item.click();
      const section = await expectOperationShown(op);
      const box = section.locator(`.pa-access[data-operation-id="${op.operationId}"]`);
      await expect.poll(() => box.isVisible(), { message: `${op.operationId}: Who can call this` }).toBe(true);
      // Compared with the raw extension and catalogues, not with the code that rendered the box.
      const access = op.operation["x-propelauth-access"];
      const shown = await box.locator("li[data-kind]").evaluateAll((lis) =>
        lis.map((li) => ({
          id: li.getAttribute("data-kind"),
          allowed: li.getAttribute("data-allowed") === "true",
          text: li.textContent ?? "",
        })),
      );
      const wanted = Object.entries(doc.info["x-propelauth-key-kinds"]).map(([id, kind]) => ({
        id,
        allowed: access["key-kinds"].includes(id),
        name: kind.name,
      }));
      const kindsOk =
        shown.length === wanted.length &&
        wanted.every((w, i) => shown[i]!.id === w.id && shown[i]!.allowed === w.allowed && shown[i]!.text.includes(w.name));
      if (!kindsOk) problems.push(`${op.operationId}: kinds ${JSON.stringify(shown)} instead of ${JSON.stringify(wanted)}`);
      const perms = await box.locator(".pa-perm").allTextContents();
      const ids = [...access.permissions, ...(access["field-permissions"] ?? []).flatMap((f) => f.permissions)];
      const wantedPerms = ids.map((id) => doc.info["x-propelauth-permissions"][id]?.name ?? id);
      if (JSON.stringify(perms) !== JSON.stringify(wantedPerms))
        problems.push(`${op.operationId}: permissions ${perms} instead of ${wantedPerms}`);
      const unconfirmed = ids.some((id) => doc.info["x-propelauth-permissions"][id]?.confirmed === false);
      if ((await box.getByText("(unconfirmed name)").count()) > 0 !== unconfirmed)
        problems.push(`${op.operationId}: "(unconfirmed name)" shown wrongly`);
      const shownStatuses = await section
        .locator(".pa-response > summary .pa-status")
        .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.textContent ?? ""));
      const missing = Object.keys(op.operation.responses).filter((status) => !shownStatuses.includes(status));
      if (missing.length > 0) problems.push(`${op.operationId}: responses ${missing.join(", ")} not shown`);
    }
    expect(problems).toEqual([]);
  });

  it("shows the curl and TypeScript samples of an operation", async () => {
    const op = ops.find((o) => o.operationId === "fetchUserById") ?? ops[0]!;
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, operationHref(op));
    const section = await expectOperationShown(op);
    await expect.poll(() => section.getByText("$PROPELAUTH_AUTH_URL", { exact: false }).first().isVisible()).toBe(true);
    // The language switch is in the samples panel; the choice applies to every operation.
    await section.locator(".pa-samples").getByRole("tab", { name: "TypeScript client" }).click();
    await expect.poll(() => section.getByText("@propelauth-openapi/client", { exact: false }).first().isVisible()).toBe(true);
    await expect.poll(() => section.getByText("client.GET(", { exact: false }).first().isVisible()).toBe(true);
    await expect.poll(() => section.getByText("$PROPELAUTH_AUTH_URL", { exact: false }).first().isVisible()).toBe(false);
    const other = page.locator(`[id="${route(operationHref(ops.find((o) => o !== op && o.method === "post")!))}"] .pa-samples`);
    await expect.poll(() => other.locator("[role=tabpanel]:not([hidden])").getAttribute("data-tab")).toBe("typescript-client");
    await section.locator(".pa-samples").getByRole("tab", { name: "curl" }).click();
  });

  const searched = [...new Set([ops[0]!, ops[Math.floor(ops.length / 2)]!, ops[ops.length - 1]!])];
  it.each(searched.map((op) => [op.operation.summary, op] as const))("search finds %s by its summary", async (summary, op) => {
    const input = page.locator("#pa-search");
    await input.fill(summary);
    const hit = page.locator("#pa-hits a", { hasText: summary }).first();
    await expect.poll(() => hit.getAttribute("href")).toBe(operationHref(op));
    await hit.click();
    await expectOperationShown(op);
  });

  it.each([
    ["429", "#/section/errors-and-rate-limits"],
    ["retry", "#/section/errors-and-rate-limits"],
    ["rate limit", "#/section/errors-and-rate-limits"],
    ["paginate", "#/section/pagination"],
  ])("search finds the guide section that mentions %s, after the operations named so", async (text, href) => {
    await page.locator("#pa-search").fill(text);
    const hits = page.locator("#pa-hits a");
    await expect.poll(() => hits.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toContain(href);
    await hits.locator(`xpath=self::*[@href="${href}"]`).first().click();
    await expect.poll(() => onScreen(page.locator(`[id="${href.slice(1)}"] h2`))).toBe(true);
  });

  it("search lists an operation named so before a guide section that mentions it", async () => {
    await page.locator("#pa-search").fill("fetchUserByEmail");
    await expect
      .poll(() => page.locator("#pa-hits a").first().getAttribute("href"))
      .toBe(operationHref(ops.find((o) => o.operationId === "fetchUserByEmail")!));
    await page.locator("#pa-search").fill("");
  });

  it("saves a screenshot to .tmp/screenshot.png (never into dist/)", async () => {
    const op = ops.find((o) => o.operation["x-propelauth-access"]?.["field-permissions"]) ?? ops[0]!;
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, operationHref(op));
    await expectOperationShown(op);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath });
    expect(existsSync(screenshotPath)).toBe(true);
  });

  it("navigates with its script switched off: a tag opens on a tap and an operation link scrolls to it", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const bare = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
    await bare.route("**/*", (r) => {
      if (/^(file|data|blob):/.test(r.request().url())) return r.continue();
      blocked.push(r.request().url());
      return r.abort("blockedbyclient");
    });
    bare.setDefaultTimeout(15_000);
    const plain = await bare.newPage();
    try {
      await plain.goto(pageUrl);
      const op = ops.find((o) => o.operationId === "fetchUserByEmail") ?? ops[0]!;
      const href = operationHref(op);
      const tag = plain.locator(`${MENU} details:has(a[href="${href}"])`);
      expect(await tag.getAttribute("open")).toBeNull();
      // The tag's summary opens it: native <details>.
      await tag.locator("summary").click({ position: { x: 4, y: 8 } });
      await plain.locator(`${MENU} a[href="${href}"]`).click();
      await expect.poll(() => onScreen(plain.locator(`[id="${route(href)}"] h2`))).toBe(true);
      expect(await plain.evaluate(() => document.documentElement.classList.contains("pa-ready"))).toBe(false);
      // On a phone, where the menu needs the script, the sidebar sits above the page instead.
      await plain.setViewportSize({ width: 390, height: 844 });
      await plain.goto(`${pageUrl}#/`);
      await plain.locator(`${MENU} a[href="#/section/pagination"]`).click();
      await expect.poll(() => onScreen(plain.locator('[id="/section/pagination"] h2'))).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it("made no request outside the page and logged no console error", () => {
    expect(blocked).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
