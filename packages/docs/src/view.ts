// The view model of the site: the bundled document read once into what the page shows. The
// document itself is never modified and nothing writes HTML into it; `src/render/` turns a
// SiteView into HTML.
//
// To add a note under every operation's description (such as access disagreements or emulator
// notes), add its function to OPERATION_NOTES; to add an introduction section, add it in
// `introduction()` (src/intro-markdown.ts).
import { listOperations, type OpenApiDocument, type Operation, type OperationObject } from "@propelauth-openapi/spec";
import { accessHtml } from "./access.js";
import type { ReleaseNotes } from "./changelog.js";
import { exampleRequest } from "./examples.js";
import { operationFacts } from "./facts.js";
import { introduction, plainText } from "./intro-markdown.js";
import { operationHref } from "./routes.js";
import { type CodeSample, codeSamples } from "./samples.js";

/** HTML notes shown after an operation's description, in this order. */
export const OPERATION_NOTES: ((doc: OpenApiDocument, operation: OperationObject) => string)[] = [
  accessHtml,
  (_, operation) => operationFacts(operation),
];

export interface OperationView {
  op: Operation;
  /** Its route, the section's id (`/users/fetchuserbyemail`); linked as `#` + route. */
  route: string;
  title: string;
  /** Its tag (the first of the document's), or "Other". */
  tag: string;
  /** The HTML notes of OPERATION_NOTES. */
  notes: string[];
  /** curl, the TypeScript client and operation, then the document's own `x-codeSamples`. */
  samples: CodeSample[];
}

export interface ServerView {
  url: string;
  /** Plain text (no Markdown code marks). */
  description: string;
}

export interface SiteView {
  /** The bundled document as it is. */
  doc: OpenApiDocument;
  /** The introduction's Markdown: the document's own text with the generated sections. */
  introduction: string;
  servers: ServerView[];
  tagGroups: { name: string; tags: string[] }[];
  operations: OperationView[];
}

/** Sidebar groups, by tag name. Tags not named here go to the last group, so none is ever hidden. */
const GROUPS: { name: string; tags: RegExp }[] = [
  { name: "Users and tokens", tags: /^(token verification|users|magic links|user migration|step-up mfa|social login|employees)/i },
  { name: "Organizations", tags: /^(organization|invites|role mappings|enterprise sso|scim)/i },
  { name: "End-user API keys", tags: /api key/i },
  { name: "Insights", tags: /^insights/i },
];
const OTHER_GROUP = "More";
const OTHER_TAG = "Other";

export const tagOf = (op: Operation) => op.operation.tags?.[0] ?? OTHER_TAG;

export function tagGroups(doc: OpenApiDocument): { name: string; tags: string[] }[] {
  const used = new Set(listOperations(doc).flatMap((op) => op.operation.tags ?? [OTHER_TAG]));
  // Tags in the document's order, then tags that operations use but the tag list lacks.
  const names = [
    ...(doc.tags ?? []).map((t) => t.name).filter((n) => used.has(n)),
    ...[...used].filter((n) => !doc.tags?.some((t) => t.name === n)),
  ];
  const groups = [...GROUPS.map((g) => ({ name: g.name, tags: [] as string[] })), { name: OTHER_GROUP, tags: [] as string[] }];
  for (const name of names) {
    const index = GROUPS.findIndex((g) => g.tags.test(name));
    groups[index === -1 ? groups.length - 1 : index]!.tags.push(name);
  }
  return groups.filter((g) => g.tags.length > 0);
}

function operationView(doc: OpenApiDocument, op: Operation): OperationView {
  const own = (op.operation["x-codeSamples"] as CodeSample[] | undefined) ?? [];
  return {
    op,
    route: operationHref(op).slice(1),
    title: op.operation.summary ?? op.operationId,
    tag: tagOf(op),
    notes: OPERATION_NOTES.map((note) => note(doc, op.operation)).filter(Boolean),
    samples: [...codeSamples(exampleRequest(doc, op)), ...own],
  };
}

export function siteView(doc: OpenApiDocument, releaseNotes: ReleaseNotes = { pending: [] }): SiteView {
  return {
    doc,
    introduction: introduction(doc, releaseNotes),
    // The renderer prints server descriptions as plain text (Servers panel, each operation's server list).
    servers: (doc.servers ?? []).map((s) => ({ url: s.url, description: plainText(s.description ?? "") })),
    tagGroups: tagGroups(doc),
    operations: listOperations(doc).map((op) => operationView(doc, op)),
  };
}
