// The note under an operation that names what the local emulator accepts but does not apply, from
// the operation's `x-propelauth-emulator.not-applied` (the emulator's tests read the same list).
import type { OperationObject } from "@propelauth-openapi/spec";
import { codeSpans, escapeHtml } from "../access.js";

/** Shape of `x-propelauth-emulator` (optional: most operations have none). */
export interface EmulatorExtension {
  "not-applied"?: { in: string; name: string; why: string }[];
}

const PLACE: Record<string, string> = { query: "query parameter", path: "path parameter", body: "body field" };

/** "The emulator accepts but does not apply …", one item per parameter; empty without the extension. */
export function emulatorNotesHtml(operation: OperationObject): string {
  const list = (operation["x-propelauth-emulator"] as EmulatorExtension | undefined)?.["not-applied"] ?? [];
  if (list.length === 0) return "";
  const items = list.map((n) => `<li>the ${escapeHtml(PLACE[n.in] ?? n.in)} <code>${escapeHtml(n.name)}</code>: ${codeSpans(n.why)}</li>`);
  return `<div class="pa-emulator-notes"><p>The local emulator accepts but does not apply:</p><ul>${items.join("")}</ul></div>`;
}
