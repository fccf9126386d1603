import { hashToken, hex, safeEqual } from "../crypto.js";
import { json } from "../db.js";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { Project } from "../project.js";
import type { ApiKeyRow } from "../store/api-keys.js";
import { apiKeyJson, membershipJson, userJson } from "../views.js";
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

const invalid = (message: string) => new ApiError(400, { api_key_token: [message] });

/** Finds a key by its token: generated tokens start with their id; imported ones are found by hash. */
function findKey(project: Project, token: string, imported: boolean): ApiKeyRow | undefined {
  const hash = hashToken(token);
  if (!imported) {
    const row = project.store.apiKeys.get(token.slice(0, 32).toLowerCase());
    return row && row.imported === 0 && safeEqual(String(row.token_hash), hash) ? row : undefined;
  }
  return project.store.apiKeys.importedByHash(hash);
}

function validate(project: Project, rawToken: string, imported: boolean): Reply {
  const token = rawToken.replace(/^bearer /i, "").trim();
  const key = findKey(project, token, imported);
  if (!key) throw invalid("Invalid API key");
  if (key.archived_at !== null) throw invalid("This API key was deleted");
  if (typeof key.expires_at_seconds === "number" && key.expires_at_seconds <= project.now()) throw invalid("This API key has expired");
  const user = typeof key.user_id === "string" ? project.store.users.get(key.user_id) : undefined;
  const org = typeof key.org_id === "string" ? project.store.orgs.get(key.org_id) : undefined;
  if (key.user_id !== null && !user) throw invalid("The API key's user no longer exists");
  if (key.org_id !== null && !org) throw invalid("The API key's organization no longer exists");
  if (user && user.enabled !== 1) throw invalid("The API key's user is disabled");
  const membership = user && org ? project.store.orgs.membership(String(user.user_id), String(org.org_id)) : undefined;
  if (user && org && !membership) throw invalid("The API key's user is no longer a member of its organization");
  project.rateLimits.take(key, project.settings.apiKeyRateLimit, project.nowExact());
  project.store.apiKeys.countUse(key.api_key_id, project.today());
  const sso = org ? project.store.sso.get(String(org.org_id)) : undefined;
  return ok({
    metadata: json.parse<object | null>(key.metadata, null),
    user: user ? userJson(project, user, true) : null,
    org: org
      ? {
          org_id: org.org_id,
          org_name: org.name,
          max_users: org.max_users ?? null,
          is_saml_configured: sso !== undefined && sso.live === 1,
          can_setup_saml: org.can_setup_saml === 1,
          legacy_org_id: org.legacy_org_id ?? null,
          metadata: json.parse<object>(org.metadata, {}),
          custom_role_mapping_name: org.custom_role_mapping_name ?? null,
        }
      : null,
    user_in_org:
      org && membership
        ? membershipJson(project, org, String(membership.role), json.parse<string[]>(membership.additional_roles, []))
        : null,
    user_id: key.user_id ?? null,
    org_id: key.org_id ?? null,
  });
}

function currentKey(project: Project, apiKeyId: string): ApiKeyRow {
  const row = project.store.apiKeys.current(apiKeyId.toLowerCase());
  if (!row) throw notFound("API key");
  return row;
}

export const apiKeyHandlers: Record<string, Handler> = {
  fetchCurrentApiKeys: ({ project, query }) => listKeys(project, query, false),
  fetchArchivedApiKeys: ({ project, query }) => listKeys(project, query, true),

  fetchApiKey: ({ project, path }) => {
    const row = project.store.apiKeys.get(path.api_key_id!.toLowerCase());
    if (!row) throw notFound("API key");
    return ok(apiKeyJson(row));
  },

  createApiKey: ({ project, body }) => {
    checkOwner(project, body);
    const apiKeyId = hex(16);
    const token = `${apiKeyId}${hex(32)}`;
    insertKey(project, body, hashToken(token), false, apiKeyId);
    // The token is answered once; only its hash is stored.
    return ok({ api_key_id: apiKeyId, api_key_token: token });
  },

  importApiKey: ({ project, body }) => {
    checkOwner(project, body);
    const token = String(body.imported_api_key);
    if (token.trim() === "") throw badRequest("imported_api_key", "Must not be empty");
    const hash = hashToken(token);
    if (project.store.apiKeys.hashTaken(hash)) throw badRequest("imported_api_key", "This key was already imported");
    return ok({ api_key_id: insertKey(project, body, hash, true) });
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

  validateApiKey: ({ project, body }) => validate(project, String(body.api_key_token), false),
  validateImportedApiKey: ({ project, body }) => validate(project, String(body.api_key_token), true),

  fetchApiKeyUsage: ({ project, query }) => {
    const text = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : undefined);
    const apiKeyId = text("api_key_id")?.toLowerCase();
    const count = project.store.apiKeys.usage(query.date, { orgId: text("org_id"), userId: text("user_id"), apiKeyId });
    return ok({ count });
  },
};
