// The phone the benchmarks load pages on (scripts/bench-phone.ts, scripts/timeline-phone.ts):
// Debian's headless Chromium at 390x844 with Chrome DevTools' "Slow 4G" and a 4x slower CPU, and
// the benchmark's task sent as direct taps (plain evaluations and Input.dispatchMouseEvent, no
// script injected into the page).
import type { Browser, CDPSession, Page } from "playwright-core";

/** Chrome DevTools' "Slow 4G" preset. */
export const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
export const CPU_SLOWDOWN = 4;

/** A new phone-sized page on `browser`, throttled; it counts requests that leave `serverUrl` (and aborts them) and the bytes received. */
export async function phonePage(
  browser: Browser,
  serverUrl: string,
): Promise<{ page: Page; cdp: CDPSession; offPage: () => number; bytes: () => number }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36",
  });
  const page = await context.newPage();
  let requests = 0;
  let bytes = 0;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(serverUrl) || /^(data|blob):/.test(url)) return route.continue();
    requests++;
    return route.abort("blockedbyclient");
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  return { page, cdp, offPage: () => requests, bytes: () => bytes };
}

/**
 * The two kinds of page: the Redoc page (its script owns the sidebar once React is attached to
 * it) and the pre-rendered page (its inline script marks <html> with `pa-ready` when it has run).
 * The same steps are timed on both: open the menu, open the "Users" tag if it is folded, tap the
 * operation, wait until its heading is on screen.
 */
export type PageKind = "redoc" | "static";

export const SELECTORS = {
  redoc: {
    menu: "[data-component-name='Menu/Menu']",
    opener: "[data-testid=floating-button]",
    heading: (id: string) => `[data-section-id$="/${id}"] h2`,
  },
  static: {
    menu: "nav.pa-nav",
    opener: ".pa-menu-button",
    heading: (id: string) => `[id$="/${id}"] h2`,
  },
};

/**
 * Where a tap on the first element matching `selector` (and, if given, with exactly `text`) lands:
 * its centre, once it is laid out, on screen and what a tap there hits; null until then (brought
 * into its scroller's view first, as Playwright does). "hidden" when it is there but not shown.
 */
export function tapPoint(page: Page, selector: string, text?: string): Promise<{ x: number; y: number } | "hidden" | null> {
  return page.evaluate(
    ([sel, txt]) => {
      const el = [...document.querySelectorAll(sel)].find((e) => txt === undefined || e.textContent?.trim() === txt);
      if (!el) return null;
      if (!el.checkVisibility()) return "hidden";
      el.scrollIntoView({ block: "nearest" });
      const box = el.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
    },
    [selector, text] as const,
  );
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls with plain evaluations (no injected script) until `check` gives a value. */
export async function until<T>(check: () => Promise<T | null | undefined | false>): Promise<T> {
  const end = Date.now() + 120_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error("bench: timed out");
    await pause(20);
  }
}

/**
 * The bench's taps (open the menu, the "Users" tag if it is folded, then `operationId`'s link, until
 * its heading is on screen), each sent as soon as its target can take it; `step` is told each
 * moment (the timeline's marks). Returns when the page's script was seen to have run and when
 * the page was usable (the page's clock).
 */
export async function tapDirectly(
  page: Page,
  operationId: string,
  step: (name: string) => Promise<void> = async () => {},
): Promise<{ ready: number; usable: number }> {
  const operation = operationId.toLowerCase();
  const kind = await until(() =>
    page.evaluate(() =>
      document.documentElement.classList.contains("pa-ready")
        ? "static"
        : document.querySelector("[data-component-name='Menu/Menu'] a, .menu-content li") !== null &&
            Object.keys(document.querySelector("[data-component-name='Menu/Menu'] a, .menu-content li")!).some((k) =>
              k.startsWith("__react"),
            )
          ? "redoc"
          : null,
    ),
  );
  const ready = await page.evaluate(() => performance.now());
  await step("script seen to have run");
  const s = SELECTORS[kind];
  const tap = async (name: string, selector: string, text?: string) => {
    const point = await until(async () => {
      const p = await tapPoint(page, selector, text);
      return p === "hidden" ? null : p;
    });
    await step(`${name}: on screen, takes a tap`);
    await page.mouse.click(point.x, point.y);
    await step(`${name}: tapped (the page took the events)`);
  };
  const link = `${s.menu} a[href$="/${operation}"]`;
  // On a phone the sidebar sits behind the menu button.
  if ((await tapPoint(page, s.opener)) !== "hidden") await tap("menu button", s.opener);
  // The operation's tag is folded: open it first.
  const shown = await until(async () => {
    const p = await tapPoint(page, link);
    return p === "hidden" ? "folded" : p && "shown";
  }).catch(() => "folded");
  if (shown === "folded") await tap("Users tag", `${s.menu} a, ${s.menu} summary`, "Users");
  await tap("operation link", link);
  await until(() =>
    page.evaluate((selector) => {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      return box !== undefined && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
    }, s.heading(operation)),
  );
  return { ready, usable: await page.evaluate(() => performance.now()) };
}
