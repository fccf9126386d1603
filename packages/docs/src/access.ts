// "Who can call this", from an operation's `x-propelauth-access` and the catalogues in `info`
// (`x-propelauth-key-kinds`, `x-propelauth-permissions`). Nothing here is written by hand: a new
// permission, key kind or operation shows up as soon as the document has it.
import { type AccessExtension, kindHolds, type OpenApiDocument, type OperationObject } from "@propelauth-openapi/spec";

export interface KindAccess {
  id: string;
  name: string;
  allowed: boolean;
}

export interface PermissionRef {
  id: string;
  name: string;
  confirmed: boolean;
  /** The name as shown: with "(unconfirmed name)" when PropelAuth has not published it. */
  label: string;
}

export interface FieldAccess {
  fields: string[];
  permissions: PermissionRef[];
  /** Predefined key kinds that may call the operation but not send these fields. */
  kindsWithout: string[];
}

export interface Access {
  declared: boolean;
  kinds: KindAccess[];
  permissions: PermissionRef[];
  fields: FieldAccess[];
}

export const UNCONFIRMED = "(unconfirmed name)";

export function keyKinds(doc: OpenApiDocument): { id: string; name: string; description: string }[] {
  return Object.entries(doc.info["x-propelauth-key-kinds"] ?? {}).map(([id, kind]) => ({
    id,
    name: kind.name,
    description: kind.description,
  }));
}

export function permissionRef(doc: OpenApiDocument, id: string): PermissionRef {
  const info = doc.info["x-propelauth-permissions"]?.[id];
  if (!info) return { id, name: id, confirmed: false, label: `${id} (not in the permission catalogue)` };
  return { id, name: info.name, confirmed: info.confirmed, label: info.confirmed ? info.name : `${info.name} ${UNCONFIRMED}` };
}

export function accessOf(doc: OpenApiDocument, operation: OperationObject): Access {
  const access = operation["x-propelauth-access"] as AccessExtension | undefined;
  const allowed = new Set(access?.["key-kinds"] ?? []);
  const kinds = keyKinds(doc).map((k) => ({ id: k.id, name: k.name, allowed: allowed.has(k.id) }));
  const fields = (access?.["field-permissions"] ?? []).map((entry) => {
    const permissions = entry.permissions.map((p) => permissionRef(doc, p));
    const kindsWithout = kinds.filter((k) => k.allowed && !kindHolds(doc.info, k.id, entry.permissions)).map((k) => k.name);
    return { fields: entry.fields, permissions, kindsWithout };
  });
  return { declared: access !== undefined, kinds, permissions: (access?.permissions ?? []).map((p) => permissionRef(doc, p)), fields };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Markdown `code` spans of a short text as HTML `<code>`, the rest escaped. */
export function codeSpans(text: string): string {
  return escapeHtml(text).replace(/`([^`]*)`/g, "<code>$1</code>");
}

function permissionHtml(p: PermissionRef): string {
  const note = p.confirmed ? "" : ` <span class="pa-unconfirmed">${UNCONFIRMED}</span>`;
  return `<span class="pa-perm" data-permission="${escapeHtml(p.id)}">${escapeHtml(p.name)}</span>${note}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The "Who can call this" block put at the top of an operation's description. Plain HTML with
 * classes (styled by the page template), so it renders in any Markdown renderer that keeps HTML.
 */
export function accessHtml(doc: OpenApiDocument, operation: OperationObject): string {
  const access = accessOf(doc, operation);
  const id = escapeHtml(operation.operationId);
  if (!access.declared) {
    return `<div class="pa-access" data-operation-id="${id}"><p class="pa-access-title">Who can call this</p><p>Not declared in the document.</p></div>`;
  }
  const kinds = access.kinds
    .map((k) => {
      const state = k.allowed ? "yes" : "no";
      const mark = k.allowed ? "✓" : "✕";
      const hidden = k.allowed ? "" : ' <span class="pa-sr">(not allowed)</span>';
      return `<li class="pa-kind pa-kind-${state}" data-kind="${escapeHtml(k.id)}" data-allowed="${k.allowed}"><span class="pa-mark" aria-hidden="true">${mark}</span>${escapeHtml(k.name)}${hidden}</li>`;
    })
    .join("");
  const lines: string[] = [];
  const custom = access.kinds.find((k) => k.id === "custom");
  if (access.permissions.length > 0 && custom?.allowed !== false) {
    const s = access.permissions.length > 1 ? "s" : "";
    lines.push(
      `<p class="pa-access-custom">A <strong>Custom</strong> key needs the permission${s} ${list(access.permissions.map(permissionHtml))}.</p>`,
    );
  }
  for (const field of access.fields) {
    const names = list(field.fields.map((f) => `<code>${escapeHtml(f)}</code>`));
    const s = field.permissions.length > 1 ? "s" : "";
    const without = field.kindsWithout.length > 0 ? ` ${escapeHtml(list(field.kindsWithout))} keys may not send it.` : "";
    lines.push(
      `<p class="pa-access-field">Sending ${names} also needs the permission${s} ${list(field.permissions.map(permissionHtml))}.${without}</p>`,
    );
  }
  return [
    `<div class="pa-access" data-operation-id="${id}">`,
    `<p class="pa-access-title">Who can call this</p>`,
    `<ul class="pa-kinds">${kinds}</ul>`,
    ...lines,
    "</div>",
  ].join("");
}
