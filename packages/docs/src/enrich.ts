// Turns the bundled document into the one the site renders: a copy with the generated
// introduction, a "Who can call this" box and code samples on every operation, and tag groups
// for the sidebar. The input is never modified.
import { listOperations, type OpenApiDocument } from "@propelauth-openapi/spec";
import { accessHtml } from "./access.js";
import type { ReleaseNotes } from "./changelog.js";
import { exampleRequest } from "./examples.js";
import { operationFacts } from "./facts.js";
import { introduction, plainText } from "./intro.js";
import { type CodeSample, codeSamples } from "./samples.js";

/** Sidebar groups, by tag name. Tags not named here go to the last group, so none is ever hidden. */
const GROUPS: { name: string; tags: RegExp }[] = [
  { name: "Users and tokens", tags: /^(token verification|users|magic links|user migration|step-up mfa|social login|employees)/i },
  { name: "Organizations", tags: /^(organization|invites|role mappings|enterprise sso|scim)/i },
  { name: "End-user API keys", tags: /api key/i },
  { name: "Insights", tags: /^insights/i },
];
const OTHER_GROUP = "More";

export function tagGroups(doc: OpenApiDocument): { name: string; tags: string[] }[] {
  const used = new Set(listOperations(doc).flatMap((op) => op.operation.tags ?? []));
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

export function enrich(source: OpenApiDocument, releaseNotes: ReleaseNotes = { pending: [] }): OpenApiDocument {
  const doc = structuredClone(source);
  for (const op of listOperations(doc)) {
    const operation = op.operation;
    operation.description = [operation.description ?? "", accessHtml(doc, operation), operationFacts(operation)]
      .filter(Boolean)
      .join("\n\n");
    const existing = (operation["x-codeSamples"] as CodeSample[] | undefined) ?? [];
    operation["x-codeSamples"] = [...codeSamples(exampleRequest(doc, op)), ...existing];
    if (!operation.tags || operation.tags.length === 0) operation.tags = ["Other"];
  }
  doc.info.description = introduction(source, releaseNotes);
  // The renderer prints server descriptions as plain text (Servers panel, each operation's server list).
  for (const server of doc.servers ?? []) {
    if (server.description) server.description = plainText(server.description);
    for (const variable of Object.values(server.variables ?? {})) {
      if (variable.description) variable.description = plainText(variable.description);
    }
  }
  (doc as OpenApiDocument & { "x-tagGroups": unknown })["x-tagGroups"] = tagGroups(doc);
  return doc;
}
