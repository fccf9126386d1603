// A tab group: buttons, and one panel per button, the first shown. Plain HTML that reads without
// the page's script (the first panel); the script switches panels (src/browser/script.ts).
import { escapeHtml } from "../access.js";

export interface Tab {
  /** Stable key of the tab (`curl`, `typescript-client`), shared by groups that switch together. */
  key: string;
  label: string;
  panel: string;
}

/** `group` names groups that switch together (all samples panels); empty for a group of its own. */
export function tabsHtml(tabs: Tab[], options: { group?: string; className: string; extra?: string }): string {
  const buttons = tabs.map(
    (t, i) => `<button type="button" role="tab" data-tab="${escapeHtml(t.key)}" aria-selected="${i === 0}">${escapeHtml(t.label)}</button>`,
  );
  const panels = tabs.map((t, i) => `<div role="tabpanel" data-tab="${escapeHtml(t.key)}"${i === 0 ? "" : " hidden"}>${t.panel}</div>`);
  const group = options.group ? ` data-group="${escapeHtml(options.group)}"` : "";
  return `<div class="pa-tabs ${options.className}"${group}><div class="pa-tabbar"><div role="tablist">${buttons.join("")}</div>${options.extra ?? ""}</div>${panels.join("")}</div>`;
}

/** Code as a `<pre>`, escaped. */
export function codeBlock(code: string, language: string): string {
  return `<pre class="pa-code" data-language="${escapeHtml(language)}"><code>${escapeHtml(code)}</code></pre>`;
}

export const json = (value: unknown) => codeBlock(JSON.stringify(value, null, 2) ?? "", "json");
