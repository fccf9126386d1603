// Facts added under each operation's description: its names (the operationId and the official SDK
// functions that call it, from `x-propelauth-sdk`, so that search finds the operation by any of
// them) and, when the document has `x-propelauth-sources`, a small "Sources" note: PropelAuth's
// reference page, the SDKs that call it, where an SDK differs and why, which facts published pages
// state, and the evidence notes.
import type { OperationObject } from "@propelauth-openapi/spec";
import { codeSpans, escapeHtml } from "./access.js";
import { emulatorNotesHtml } from "./render/emulator-notes.js";

/** Shape of `x-propelauth-sources` (set by the spec; optional, so the site builds without it). */
export interface SourcesExtension {
  docs?: string;
  sdks: string[];
  differences?: { sdk: string; what: string; why: string }[];
  published?: { page: string; facts: string[]; "superseded-by"?: string }[];
  notes?: string[];
}

const SDK_NAMES: Record<string, string> = {
  node: "Node",
  python: "Python",
  go: "Go",
  rust: "Rust",
  ruby: "Ruby",
  nextjs: "Next.js",
  "cloudflare-worker": "Cloudflare Workers",
  express: "Express",
  fastapi: "FastAPI",
  flask: "Flask",
  django: "Django",
};

export const sdkName = (id: string) => SDK_NAMES[id] ?? id;

/** The SDK functions per SDK, from `x-propelauth-sdk` (`{ node: ["fetchUserMetadataByEmail"] }`). */
export function sdkFunctions(operation: OperationObject): { sdk: string; functions: string[] }[] {
  const sdk = operation["x-propelauth-sdk"];
  if (!sdk || typeof sdk !== "object") return [];
  return Object.entries(sdk as Record<string, unknown>)
    .map(([id, names]) => ({
      sdk: id,
      functions: (Array.isArray(names) ? names : [names]).filter((n): n is string => typeof n === "string"),
    }))
    .filter((entry) => entry.functions.length > 0);
}

function namesHtml(operation: OperationObject): string {
  const sdks = sdkFunctions(operation).map(
    ({ sdk, functions }) => `${functions.map((f) => `<code>${escapeHtml(f)}</code>`).join(", ")} (${escapeHtml(sdkName(sdk))})`,
  );
  const official = sdks.length > 0 ? ` · Official SDK: ${sdks.join("; ")}` : "";
  return `<p class="pa-names">Operation ID <code>${escapeHtml(operation.operationId)}</code>${official}</p>`;
}

function sourcesHtml(sources: SourcesExtension): string {
  const items: string[] = [];
  if (sources.docs)
    items.push(`<li>PropelAuth's reference: <a href="${escapeHtml(sources.docs)}" rel="noreferrer">${escapeHtml(sources.docs)}</a></li>`);
  if (sources.sdks.length > 0)
    items.push(`<li>Called by the official SDKs: ${sources.sdks.map((s) => escapeHtml(sdkName(s))).join(", ")}</li>`);
  for (const d of sources.differences ?? []) {
    items.push(`<li class="pa-difference"><strong>${escapeHtml(sdkName(d.sdk))}</strong> ${codeSpans(d.what)}: ${codeSpans(d.why)}</li>`);
  }
  for (const p of sources.published ?? []) {
    const link = `<a href="${escapeHtml(p.page)}" rel="noreferrer">${escapeHtml(p.page)}</a>`;
    const older = p["superseded-by"] ? ` (older page; the document follows ${escapeHtml(p["superseded-by"])})` : "";
    items.push(`<li class="pa-published">Published on ${link}${older}: ${p.facts.map(codeSpans).join(" ")}</li>`);
  }
  for (const note of sources.notes ?? []) items.push(`<li class="pa-note">${codeSpans(note)}</li>`);
  // Folded: a small note under the operation, opened by readers who want the evidence.
  return `<details class="pa-sources"><summary class="pa-sources-title">Sources</summary><ul>${items.join("")}</ul></details>`;
}

export function operationFacts(operation: OperationObject): string {
  const sources = operation["x-propelauth-sources"] as SourcesExtension | undefined;
  const parts = [namesHtml(operation)];
  if (sources && Array.isArray(sources.sdks)) parts.push(sourcesHtml(sources));
  parts.push(emulatorNotesHtml(operation));
  return `<div class="pa-facts" data-operation-id="${escapeHtml(operation.operationId)}">${parts.join("")}</div>`;
}
