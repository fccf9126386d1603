// A tab group: buttons, and one panel per button, the first shown. Plain HTML that reads without
// the page's script (the first panel); the script switches panels and moves between tabs with the
// arrow keys (src/browser/script.ts). The ARIA tabs pattern is in the markup: each tab controls
// its panel, each panel is labelled by its tab, and only the selected tab is a Tab stop.
import { escapeHtml } from "../access.js";

export interface Tab {
  /** Stable key of the tab (`curl`, `typescript-client`), shared by groups that switch together. */
  key: string;
  label: string;
  panel: string;
}

export interface TabsOptions {
  /** Unique in the page: the tabs' and panels' ids start with it. */
  id: string;
  /** What the tabs choose between, for screen readers ("Request samples", "Examples"). */
  label: string;
  className: string;
  /** Names groups that switch together (all samples panels); none for a group of its own. */
  group?: string;
  extra?: string;
}

export function tabsHtml(tabs: Tab[], options: TabsOptions): string {
  const id = (kind: string, i: number) => escapeHtml(`${options.id}-${kind}-${i}`);
  const buttons = tabs.map(
    (t, i) =>
      `<button type="button" role="tab" id="${id("tab", i)}" aria-controls="${id("panel", i)}" data-tab="${escapeHtml(t.key)}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${escapeHtml(t.label)}</button>`,
  );
  const panels = tabs.map(
    (t, i) =>
      `<div role="tabpanel" id="${id("panel", i)}" aria-labelledby="${id("tab", i)}" data-tab="${escapeHtml(t.key)}"${i === 0 ? "" : " hidden"}>${t.panel}</div>`,
  );
  const group = options.group ? ` data-group="${escapeHtml(options.group)}"` : "";
  return `<div class="pa-tabs ${options.className}"${group}><div class="pa-tabbar"><div role="tablist" aria-label="${escapeHtml(options.label)}">${buttons.join("")}</div>${options.extra ?? ""}</div>${panels.join("")}</div>`;
}

/** Code as a `<pre>`, escaped; a Tab stop, so that a keyboard can scroll it sideways. */
export function codeBlock(code: string, language: string): string {
  return `<pre class="pa-code" data-language="${escapeHtml(language)}" tabindex="0"><code>${escapeHtml(code)}</code></pre>`;
}

export const json = (value: unknown) => codeBlock(JSON.stringify(value, null, 2) ?? "", "json");
