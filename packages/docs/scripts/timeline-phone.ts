// Where the time goes when the phone benchmark's task runs on a page (the bench's "usable, direct
// taps"): one load on the phone of scripts/phone.ts with a Chrome trace, printing in the page's
// clock (ms from navigation start) when the response and the bytes arrived, when the page's
// script ran, the first paint, DOMContentLoaded and load, each step of the taps, and the renderer's
// main-thread work between those steps (from the trace: parsing, script, style, layout, paint).
// Tracing slows the page a little; the bench's figures are the ones to compare.
// Run: pnpm --filter @propelauth-openapi/docs timeline [--page <folder>] [--runs 1] [--operation fetchUserByEmail]
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Browser, chromium, type Page } from "playwright-core";
import { ARGS, CHROMIUM } from "../src/chromium.js";
import { packageDir } from "../src/paths.js";
import { startPreviewServer } from "../src/preview.js";
import { phonePage, tapDirectly } from "./phone.js";

const { values } = parseArgs({ options: { page: { type: "string" }, runs: { type: "string" }, operation: { type: "string" } } });
const root = values.page ?? join(packageDir, "dist");

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { isLoadingMainFrame?: boolean } };
}

/** The kinds of main-thread work summed between two marks. */
const WORK = ["ParseHTML", "EvaluateScript", "FunctionCall", "UpdateLayoutTree", "Layout", "Paint", "FireIdleCallback"];

/** The renderer main thread's complete events, in ms from navigation start. */
function mainThread(events: TraceEvent[]): { name: string; at: number; ms: number }[] {
  const start =
    events.find((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame) ??
    events.find((e) => e.name === "navigationStart");
  const parser = events.find((e) => e.name === "ParseHTML");
  if (!start || !parser) throw new Error("timeline: the trace has no navigation or no parsing");
  const thread = events.filter((e) => e.pid === parser.pid && e.tid === parser.tid && e.ph === "X" && e.dur);
  return thread.map((e) => ({ name: e.name, at: (e.ts - start.ts) / 1000, ms: (e.dur ?? 0) / 1000 }));
}

function printWork(work: ReturnType<typeof mainThread>, marks: [string, number][]): void {
  let from = 0;
  for (const [name, to] of marks) {
    const within = work.filter((e) => e.at >= from && e.at < to);
    const busy = within.filter((e) => e.name === "RunTask").reduce((sum, e) => sum + e.ms, 0);
    const parts = WORK.map((kind) => [kind, within.filter((e) => e.name === kind).reduce((sum, e) => sum + e.ms, 0)] as const)
      .filter(([, ms]) => ms >= 2)
      .map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`);
    console.log(
      `  ${from.toFixed(0).padStart(5)}-${to.toFixed(0).padEnd(5)} to "${name}": busy ${busy.toFixed(0)} ms (${parts.join(", ")})`,
    );
    from = to;
  }
}

/** The page's own timings and what arrived when. */
function pageTimings(page: Page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint");
    return {
      "response ended (last byte)": nav.responseEnd,
      "script ran (pa-ready)": Number(document.documentElement.dataset.ready),
      "first contentful paint": paint?.startTime ?? Number.NaN,
      DOMContentLoaded: nav.domContentLoadedEventStart,
      load: nav.loadEventStart,
    };
  });
}

async function traceOnce(browser: Browser, url: string): Promise<void> {
  const { page, cdp } = await phonePage(browser, url);
  // Network events carry the browser's monotonic clock in seconds; the first request is the navigation.
  let requested = 0;
  const received: string[] = [];
  let decoded = 0;
  cdp.on("Network.requestWillBeSent", (e: { timestamp: number }) => {
    requested ||= e.timestamp;
  });
  cdp.on("Network.responseReceived", (e: { timestamp: number }) =>
    received.push(`headers ${Math.round((e.timestamp - requested) * 1000)}`),
  );
  cdp.on("Network.dataReceived", (e: { timestamp: number; dataLength: number }) => {
    decoded += e.dataLength;
    received.push(`${Math.round((e.timestamp - requested) * 1000)}:${Math.round(decoded / 1024)}K`);
  });
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading"],
  });
  const marks: [string, number][] = [];
  const mark = async (name: string) => {
    marks.push([name, await page.evaluate(() => performance.now())]);
  };
  await page.goto(url, { waitUntil: "commit" });
  await mark("the bench's first evaluation");
  await tapDirectly(page, values.operation ?? "fetchUserByEmail", mark);
  await mark("usable: the heading on screen");
  const timings = await pageTimings(page);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  console.log(`network (ms from the request; decoded HTML so far): ${received.join(" ")}`);
  for (const [name, at] of Object.entries(timings)) console.log(`${at.toFixed(0).padStart(7)} ms  ${name}`);
  for (const [name, at] of marks) console.log(`${at.toFixed(0).padStart(7)} ms  bench: ${name}`);
  console.log("main thread between the bench's steps (ms):");
  printWork(mainThread(trace.traceEvents), marks);
  await page.context().close();
}

const server = await startPreviewServer({ root, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
try {
  for (let i = 0; i < Number(values.runs ?? 1); i++) {
    console.log(`\nrun ${i + 1}: ${root}`);
    await traceOnce(browser, server.url);
  }
} finally {
  await browser.close();
  await server.close();
}
