// The introduction of the site: the document's own `info.description`, with generated parts added
// to its sections (quick start, base URLs, key kinds, the permission matrix, end-user API keys,
// paginated operations, errors). Every table is computed from the document.
import {
  deref,
  type JsonSchema,
  listOperations,
  type OpenApiDocument,
  type Operation,
  pageParameters,
  propertiesOf,
  successOf,
} from "@propelauth-openapi/spec";
import { accessOf, codeSpans, escapeHtml, keyKinds, type PermissionRef, UNCONFIRMED } from "./access.js";
import { changelogMarkdown, type ReleaseNotes } from "./changelog.js";
import { exampleRequest } from "./examples.js";
import { API_KEY_ENV, AUTH_URL_ENV, CLIENT_PACKAGE, clientSample, curlSample } from "./samples.js";

interface Section {
  title: string;
  body: string;
}

/** The hash route of an operation in the rendered site (Redoc's tag and operation slugs). */
export function operationHref(op: Operation): string {
  const tag = op.operation.tags?.[0] ?? "other";
  return `#/${slug(tag)}/${op.operationId.toLowerCase()}`;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "-").replace(/&/g, "-and-").replace(/--+/g, "-").replace(/^-+/, "").replace(/-+$/, "");
}

/** Markdown table cell text: pipes escaped, no line breaks. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function opLink(op: Operation): string {
  return `[${cell(op.operation.summary ?? op.operationId)}](${operationHref(op)})`;
}

/** Splits Markdown into the text before the first `## ` heading and its `## ` sections. */
export function splitSections(markdown: string): { preamble: string; sections: Section[] } {
  const parts = markdown.split(/^## +/m);
  const preamble = parts.shift() ?? "";
  const sections = parts.map((part) => {
    const newline = part.indexOf("\n");
    const title = (newline === -1 ? part : part.slice(0, newline)).trim();
    return { title, body: newline === -1 ? "" : part.slice(newline + 1).trim() };
  });
  return { preamble: preamble.trim(), sections };
}

function quickStart(doc: OpenApiDocument, ops: Operation[]): string {
  const authUrl = doc.servers?.[0]?.variables?.authUrl?.default ?? "https://auth.example.com";
  // The first operation that needs nothing but a key makes the smallest first call.
  const first = ops.find((op) => op.method === "get" && !op.parameters.some((p) => p.required)) ?? ops[0];
  const lines = [
    "### Quick start",
    "",
    "Every operation below needs two values, called `authUrl` and `apiKey` throughout these docs (the typed",
    "client's options and the Postman collection's `{{authUrl}}` and `{{apiKey}}` variables use the same names):",
    "",
    "- `authUrl`: the environment's Auth URL, the base URL of every path;",
    "- `apiKey`: a backend API key of the same environment.",
    "",
    `The shell samples read them from \`${AUTH_URL_ENV}\` and \`${API_KEY_ENV}\`:`,
    "",
    "```shell",
    `export ${AUTH_URL_ENV}=${authUrl}`,
    `export ${API_KEY_ENV}='<a backend API key of that environment>'`,
    "```",
  ];
  if (first) {
    const request = exampleRequest(doc, first);
    lines.push(
      "",
      `Then call, for example, *${first.operation.summary}*:`,
      "",
      "```shell",
      curlSample(request),
      "```",
      "",
      `or with the typed client, \`npm install ${CLIENT_PACKAGE}\`:`,
      "",
      "```typescript",
      clientSample(request).trimEnd(),
      "```",
      "",
      "Each operation shows both samples, filled in with its example values, beside its request and response examples.",
    );
  }
  return lines.join("\n");
}

/** Server descriptions are shown as plain text by the renderer: no Markdown code marks. */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, "$1");
}

/** An HTML table that may use the page's full width and scrolls sideways on a narrow screen. */
function wideTable(className: string, head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<div class="pa-wide"><table class="${className}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function serversTable(doc: OpenApiDocument): string {
  const rows = (doc.servers ?? []).map((server) => {
    const variables = Object.entries(server.variables ?? {})
      .map(([name, v]) => `<code>${escapeHtml(name)}</code> (default <code class="pa-nowrap">${escapeHtml(String(v.default))}</code>)`)
      .join(", ");
    return [`<code class="pa-nowrap">${escapeHtml(server.url)}</code>`, codeSpans(server.description ?? ""), variables || "none"];
  });
  return ["**Servers in this document**", "", wideTable("pa-servers", ["base URL", "what it is", "variables"], rows)].join("\n");
}

function kindsAndPermissions(doc: OpenApiDocument, ops: Operation[]): string {
  const kinds = keyKinds(doc);
  const count = (kind: string) => ops.filter((op) => accessOf(doc, op.operation).kinds.some((k) => k.id === kind && k.allowed)).length;
  const kindRows = kinds.map((k) => [`**${cell(k.name)}**`, cell(k.description), `${count(k.id)} of ${ops.length}`]);
  const catalogue = doc.info["x-propelauth-permissions"] ?? {};
  const kindName = (id: string) => kinds.find((k) => k.id === id)?.name ?? id;
  const permissionRows = Object.entries(catalogue).map(([id, p]) => {
    const using = ops.filter((op) => {
      const access = op.operation["x-propelauth-access"];
      return access?.permissions.includes(id) || access?.["field-permissions"]?.some((f) => f.permissions.includes(id));
    }).length;
    const holders = p["granted-to"].map(kindName).join(", ") || "—";
    return [
      `**${cell(p.name)}**${p.confirmed ? "" : ` <span class="pa-unconfirmed">${UNCONFIRMED}</span>`}`,
      cell(p.description),
      holders,
      String(using),
    ];
  });
  return [
    "**The four key kinds**",
    "",
    table(["key kind", "what it may call", "operations"], kindRows),
    "",
    "**Permissions of Custom keys**",
    "",
    `A Custom key holds the permissions chosen when it was created. Names marked ${UNCONFIRMED} follow`,
    "PropelAuth's naming style but have not been published by PropelAuth yet; the dashboard may word them differently.",
    "",
    table(["permission", "allows", "also held by (besides Full Access)", "operations"], permissionRows),
    "",
    "Every operation has a **Who can call this** box: the key kinds that may call it and the",
    "permissions a Custom key needs. The full table is under *Permission matrix*.",
  ].join("\n");
}

function permissionMatrix(doc: OpenApiDocument, ops: Operation[]): string {
  const kinds = keyKinds(doc);
  const head = kinds.map(
    (k) => `<th class="pa-matrix-kind" scope="col" title="${escapeHtml(k.description)}"><span>${escapeHtml(k.name)}</span></th>`,
  );
  const tags = [...new Set(ops.map((op) => op.operation.tags?.[0] ?? "Other"))];
  const body: string[] = [];
  for (const tag of tags) {
    body.push(`<tr class="pa-matrix-tag"><th colspan="${kinds.length + 2}" scope="rowgroup">${escapeHtml(tag)}</th></tr>`);
    for (const op of ops.filter((o) => (o.operation.tags?.[0] ?? "Other") === tag)) {
      const access = accessOf(doc, op.operation);
      const marks = access.kinds.map((k) =>
        k.allowed
          ? `<td class="pa-yes" data-kind="${escapeHtml(k.id)}"><span aria-label="allowed">✓</span></td>`
          : `<td class="pa-no" data-kind="${escapeHtml(k.id)}"><span aria-label="not allowed">·</span></td>`,
      );
      const name = (p: PermissionRef) => `${escapeHtml(p.name)}${p.confirmed ? "" : ` <span class="pa-unconfirmed">${UNCONFIRMED}</span>`}`;
      const needs = access.permissions.map(name).join(", ") || "—";
      const extra = access.fields.map(
        (f) =>
          `<br><small>+ ${f.permissions.map(name).join(", ")} to send ${f.fields.map((x) => `<code>${escapeHtml(x)}</code>`).join(", ")}</small>`,
      );
      const summary = escapeHtml(op.operation.summary ?? op.operationId);
      const route = `<small><code class="pa-nowrap">${op.method.toUpperCase()} ${escapeHtml(op.path.replace("/api/backend/v1", ""))}</code></small>`;
      body.push(
        `<tr data-operation-id="${escapeHtml(op.operationId)}"><td class="pa-matrix-op"><a href="${operationHref(op)}">${summary}</a><br>${route}</td>${marks.join("")}<td class="pa-matrix-needs">${needs}${extra.join("")}</td></tr>`,
      );
    }
  }
  return [
    `Which key kinds may call each of the ${ops.length} operations (✓), and the permissions a Custom key needs for it.`,
    "Paths are shown without their `/api/backend/v1` prefix.",
    "",
    `<div class="pa-wide"><table class="pa-matrix"><thead><tr><th scope="col">operation</th>${head.join("")}<th scope="col">Custom key needs</th></tr></thead><tbody>${body.join("")}</tbody></table></div>`,
  ].join("\n");
}

function endUserApiKeys(doc: OpenApiDocument, ops: Operation[]): string {
  const tags = (doc.tags ?? []).filter((t) => /api key/i.test(t.name));
  const lines = [
    "End-user API keys are the keys your own users and organizations present to **your** product; your backend",
    "manages and validates them through this API, with its own backend API key.",
  ];
  for (const tag of tags) {
    const tagged = ops.filter((op) => op.operation.tags?.includes(tag.name));
    lines.push("", `**${tag.name}**: ${tag.description}`);
    if (tagged.length > 0) lines.push("", ...tagged.map((op) => `- ${opLink(op)} (\`${op.method.toUpperCase()} ${op.path}\`)`));
  }
  return lines.join("\n");
}

interface PagedOperation {
  op: Operation;
  /** Where the page parameters go, and their names. */
  parameters: { name: string; in: string; range: string }[];
  /** The top-level fields of the success answer. */
  answer: string[];
}

function range(schema: JsonSchema): string {
  return [schema.default !== undefined ? `default ${schema.default}` : "", schema.maximum !== undefined ? `max ${schema.maximum}` : ""]
    .filter(Boolean)
    .join(", ");
}

/** Every operation that takes page parameters, in the query or in a JSON body. */
export function pagedOperations(doc: OpenApiDocument, ops: Operation[]): PagedOperation[] {
  const paged: PagedOperation[] = [];
  for (const op of ops) {
    const parameters = pageParameters(doc, op).map((p) => ({ name: p.name, in: p.in, range: range(p.schema) }));
    if (parameters.length === 0) continue;
    const answer = Object.keys(propertiesOf(doc, successOf(doc, op)?.media?.schema));
    paged.push({ op, parameters, answer });
  }
  return paged;
}

/** The page fields of an answer: the usual `current_page`/`has_more_results`, or what it has instead. */
function pageShape(answer: string[]): string {
  const fields = answer.filter((f) => /page|total|has_more|count/.test(f));
  return fields.length > 0 ? fields.map((f) => `\`${f}\``).join(", ") : "no page fields";
}

function pagination(doc: OpenApiDocument, ops: Operation[]): string {
  const paged = pagedOperations(doc, ops);
  if (paged.length === 0) return "";
  const rows = paged.map(({ op, parameters, answer }) => [
    opLink(op),
    `\`${op.method.toUpperCase()}\``,
    parameters.map((p) => `\`${p.name}\` (${p.in}${p.range ? `; ${p.range}` : ""})`).join(", "),
    pageShape(answer),
  ]);
  const usual = (answer: string[]) => answer.includes("current_page") && answer.includes("has_more_results");
  // Lists whose answer carries page fields other than the usual ones (SCIM's groups, for one).
  const different = paged.filter((p) => !usual(p.answer) && p.answer.some((f) => /page/.test(f)));
  const nested = paged.filter((p) => !p.answer.some((f) => /page/.test(f)));
  const lines = [
    "**Paginated operations**",
    "",
    "Pages are numbered from 0. Most lists answer with `current_page`, `page_size`, `has_more_results` and a",
    "total; ask for the next page while `has_more_results` is true.",
  ];
  for (const p of different) {
    lines.push(
      "",
      `*${cell(p.op.operation.summary ?? p.op.operationId)}* (${p.op.operation.tags?.[0] ?? ""}) answers with a different page shape: ${pageShape(p.answer)}${p.answer.includes("has_more_results") ? "" : ", without `has_more_results`"}; compare the page number and size with the total to know whether a next page exists.`,
    );
  }
  for (const p of nested) {
    lines.push(
      "",
      `*${cell(p.op.operation.summary ?? p.op.operationId)}* (${p.op.operation.tags?.[0] ?? ""}) pages a list inside its answer (${p.parameters.map((x) => `\`${x.name}\``).join(", ")}), with no page fields.`,
    );
  }
  lines.push("", table(["operation", "method", "page parameters", "page fields of the answer"], rows));
  return lines.join("\n");
}

/** The first sentence of a description, for a table cell. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = flat.search(/\.(\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

function errors(doc: OpenApiDocument, ops: Operation[]): string {
  // One row per error status and response: shared responses by name, others per operation.
  const rows = new Map<string, { status: string; name: string; description: string; count: number }>();
  for (const op of ops) {
    for (const [status, response] of Object.entries(op.operation.responses)) {
      if (!/^[45]|^default$/.test(status)) continue;
      const ref = (response as { $ref?: string }).$ref;
      const name = ref ? ref.split("/").pop()! : `${op.operationId} ${status}`;
      const resolved = deref<{ description?: string }>(doc, response);
      const row = rows.get(`${status} ${name}`) ?? {
        status,
        name: ref ? name : "described on the operation",
        description: resolved.description ?? "",
        count: 0,
      };
      row.count++;
      rows.set(`${status} ${name}`, row);
    }
  }
  const merged = new Map<string, { status: string; name: string; description: string; count: number }>();
  for (const row of rows.values()) {
    const key = `${row.status} ${row.name}`;
    const existing = merged.get(key);
    if (existing) existing.count += row.count;
    else merged.set(key, { ...row, description: row.name === "described on the operation" ? "" : row.description });
  }
  const sorted = [...merged.values()].sort((a, b) => a.status.localeCompare(b.status) || b.count - a.count);
  return [
    "**Error responses in this document**",
    "",
    "Each operation lists every error status it can return, with the body's schema and an example where",
    "PropelAuth documents one. The shared error responses:",
    "",
    table(
      ["status", "response", "operations"],
      sorted.map((r) => [
        `\`${r.status}\``,
        r.description ? `**${r.name}**: ${cell(firstSentence(r.description))}` : r.name,
        String(r.count),
      ]),
    ),
  ].join("\n");
}

/** Adds generated text to a section found by its title, or creates the section. */
function addTo(sections: Section[], match: RegExp, title: string, text: string, after?: RegExp): void {
  if (!text) return;
  const found = sections.find((s) => match.test(s.title));
  if (found) {
    found.body = `${found.body}\n\n${text}`.trim();
    return;
  }
  const anchor = after ? sections.findIndex((s) => after.test(s.title)) : -1;
  const section = { title, body: text };
  if (anchor === -1) sections.push(section);
  else sections.splice(anchor + 1, 0, section);
}

/** The line under the title: which release of the document this is, and a link to its changes. */
export function releaseLine(version: string): string {
  const v = escapeHtml(version);
  return `<p class="pa-release" data-version="${v}">Release <strong>${v}</strong> of this document · <a href="#/section/changelog">Changelog</a></p>`;
}

/** The enriched `info.description`. */
export function introduction(doc: OpenApiDocument, releaseNotes: ReleaseNotes = { pending: [] }): string {
  const ops = listOperations(doc);
  const split = splitSections(doc.info.description ?? "");
  const sections = split.sections;
  const preamble = `${releaseLine(doc.info.version)}\n\n${split.preamble}`;
  addTo(sections, /^authentication/i, "Authentication", quickStart(doc, ops));
  addTo(sections, /environment|base url/i, "Environments and base URLs", serversTable(doc), /^authentication/i);
  addTo(sections, /key kinds/i, "Key kinds and permissions", kindsAndPermissions(doc, ops), /environment|base url/i);
  addTo(sections, /permission matrix/i, "Permission matrix", permissionMatrix(doc, ops), /key kinds/i);
  addTo(sections, /end-user api keys/i, "End-user API keys", endUserApiKeys(doc, ops), /permission matrix/i);
  addTo(sections, /pagination/i, "Pagination", pagination(doc, ops), /end-user api keys/i);
  addTo(sections, /error/i, "Errors and rate limits", errors(doc, ops), /pagination/i);
  addTo(sections, /^changelog/i, "Changelog", changelogMarkdown(releaseNotes, doc.info.version));
  return [preamble, ...sections.map((s) => `## ${s.title}\n\n${s.body}`)].join("\n\n").concat("\n");
}
