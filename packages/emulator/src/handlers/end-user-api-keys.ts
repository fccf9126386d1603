// The operations tagged "End-user API keys" in the document.
import { hashToken, hex } from "../crypto.js";
import { json } from "../db.js";
import { badRequest, notFound } from "../errors.js";
import type { Project } from "../project.js";
import type { ApiKeyRow } from "../store/api-keys.js";
import { apiKeyJson } from "../views.js";
import { type Handler, ok, type Reply } from "./types.js";
import { given, has, pageInfo, paging } from "./util.js";

/** Checks the owner fields of a key to create or import; throws 400. */
function checkOwner(project: Project, body: Record<string, unknown>) {
  const userId = given<string>(body, "user_id");
  const orgId = given<string>(body, "org_id");
  if (userId !== undefined && !project.store.users.get(userId)) throw badRequest("user_id", "No user has this id");
  if (orgId !== undefined && !project.store.orgs.get(orgId)) throw badRequest("org_id", "No organization has this id");
  if (userId !== undefined && orgId !== undefined && !project.store.orgs.membership(userId, orgId)) {
    throw badRequest("user_id", "The user is not a member of the organization");
  }
  const expires = given<number>(body, "expires_at_seconds");
  if (expires !== undefined && expires <= project.now()) throw badRequest("expires_at_seconds", "Must be in the future");
}

function insertKey(project: Project, body: Record<string, unknown>, tokenHash: string, imported: boolean, apiKeyId = hex(16)): string {
  project.store.apiKeys.insert({
    apiKeyId,
    tokenHash,
    imported,
    userId: given<string>(body, "user_id") ?? null,
    orgId: given<string>(body, "org_id") ?? null,
    expiresAt: given<number>(body, "expires_at_seconds") ?? null,
    metadata: json.text(given(body, "metadata")),
    displayName: given<string>(body, "display_name") ?? null,
    createdAt: project.now(),
  });
  return apiKeyId;
}

function listKeys(project: Project, query: Record<string, unknown>, archived: boolean): Reply {
  const p = paging(query);
  const text = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : undefined);
  const { rows, total } = project.store.apiKeys.list(
    { archived, orgId: text("org_id"), userId: text("user_id"), userEmail: text("user_email"), kind: text("api_key_type") },
    p.size,
    p.offset,
  );
  return ok({ api_keys: rows.map((r) => apiKeyJson(r)), total_api_keys: total, ...pageInfo(p, total) });
}

function currentKey(project: Project, apiKeyId: string): ApiKeyRow {
  const row = project.store.apiKeys.current(apiKeyId.toLowerCase());
  if (!row) throw notFound("API key");
  return row;
}

export const endUserApiKeysHandlers: Record<string, Handler> = {
  fetchCurrentApiKeys: ({ project, query }) => listKeys(project, query, false),

  createApiKey: ({ project, body }) => {
    checkOwner(project, body);
    const apiKeyId = hex(16);
    const token = `${apiKeyId}${hex(32)}`;
    insertKey(project, body, hashToken(token), false, apiKeyId);
    // The token is answered once; only its hash is stored.
    return ok({ api_key_id: apiKeyId, api_key_token: token });
  },

  fetchApiKey: ({ project, path }) => {
    const row = project.store.apiKeys.get(path.api_key_id!.toLowerCase());
    if (!row) throw notFound("API key");
    return ok(apiKeyJson(row));
  },

  updateApiKey: ({ project, path, body }) => {
    const row = currentKey(project, path.api_key_id!);
    if (body.set_to_never_expire === true) {
      if (has(body, "expires_at_seconds")) throw badRequest("expires_at_seconds", "Cannot be sent with set_to_never_expire");
      project.store.apiKeys.setExpiry(row.api_key_id, null);
    } else if (has(body, "expires_at_seconds")) {
      if (body.expires_at_seconds <= project.now()) throw badRequest("expires_at_seconds", "Must be in the future");
      project.store.apiKeys.setExpiry(row.api_key_id, body.expires_at_seconds);
    }
    if (has(body, "metadata")) project.store.apiKeys.setMetadata(row.api_key_id, JSON.stringify(body.metadata));
    return ok();
  },

  deleteApiKey: ({ project, path }) => {
    const row = currentKey(project, path.api_key_id!);
    project.store.apiKeys.archive(row.api_key_id, project.now());
    return ok();
  },

  fetchArchivedApiKeys: ({ project, query }) => listKeys(project, query, true),

  importApiKey: ({ project, body }) => {
    checkOwner(project, body);
    const token = String(body.imported_api_key);
    if (token.trim() === "") throw badRequest("imported_api_key", "Must not be empty");
    const hash = hashToken(token);
    if (project.store.apiKeys.hashTaken(hash)) throw badRequest("imported_api_key", "This key was already imported");
    return ok({ api_key_id: insertKey(project, body, hash, true) });
  },

  fetchApiKeyUsage: ({ project, query }) => {
    const text = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : undefined);
    const apiKeyId = text("api_key_id")?.toLowerCase();
    const count = project.store.apiKeys.usage(query.date, { orgId: text("org_id"), userId: text("user_id"), apiKeyId });
    return ok({ count });
  },
};
