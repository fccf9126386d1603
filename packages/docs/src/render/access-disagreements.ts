// Where a published PropelAuth page says something else about who may call an operation: the
// `disagreements` of its `x-propelauth-access`, shown under "Who can call this" so a reader who
// read that page sees what the document decided and why. One function, called from the place
// that renders the access note.
import type { AccessDisagreement, OperationObject } from "@propelauth-openapi/spec";

// Local copies of the two text helpers: access.ts imports this module, so importing them back
// would make a cycle.
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const codeSpans = (text: string) => escapeHtml(text).replace(/`([^`]*)`/g, "<code>$1</code>");

/** The disagreements of an operation, as declared (an empty list when it has none). */
export function accessDisagreements(operation: OperationObject): AccessDisagreement[] {
  const list = (operation["x-propelauth-access"] as { disagreements?: unknown } | undefined)?.disagreements;
  return Array.isArray(list) ? (list as AccessDisagreement[]) : [];
}

/** HTML for the disagreements, or "" when there are none. */
export function accessDisagreementsHtml(operation: OperationObject): string {
  const items = accessDisagreements(operation).map(
    (d) =>
      `<li class="pa-disagreement"><a href="${escapeHtml(d.source)}" rel="noreferrer">${escapeHtml(d.source)}</a> says: ${codeSpans(d.says)} ` +
      `<strong>This document:</strong> ${codeSpans(d.decision)} <span class="pa-why">Why: ${codeSpans(d.why)}</span></li>`,
  );
  if (items.length === 0) return "";
  return `<div class="pa-access-disagreements"><p class="pa-access-disagreements-title">Where published sources disagree</p><ul>${items.join("")}</ul></div>`;
}
