import { hex, safeEqual } from "../crypto.js";
import { json, type Row } from "../db.js";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { Project } from "../project.js";
import { apiKeyJson, membershipJson, userJson } from "../views.js";
import { type Handler, ok, type Reply } from "./types.js";
import { given, has, pageInfo, paging } from "./util.js";

/** Checks the owner fields of a key to create or import; throws 400. */
function checkOwner(project: Project, body: Record<string, unknown>) {
  const userId = given<string>(body, "user_id");
  const orgId = given<string>(body, "org_id");
  if (userId !== undefined && !project.userRow(userId)) throw badRequest("user_id", "No user has this id");
  if (orgId !== undefined && !project.orgRow(orgId)) throw badRequest("org_id", "No organization has this id");
  if (userId !== undefined && orgId !== undefined && !project.membership(userId, orgId)) {
    throw badRequest("user_id", "The user is not a member of the organization");
  }
  const expires = given<number>(body, "expires_at_seconds");
  if (expires !== undefined && expires <= project.now()) throw badRequest("expires_at_seconds", "Must be in the future");
}

function insertKey(project: Project, body: Record<string, unknown>, tokenHash: string, imported: boolean, apiKeyId = hex(16)): string {
  project
    .sql(
      `INSERT INTO api_keys (api_key_id, token_hash, imported, user_id, org_id, expires_at_seconds, metadata, display_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      apiKeyId,
      tokenHash,
      imported ? 1 : 0,
      given(body, "user_id") ?? null,
      given(body, "org_id") ?? null,
      given(body, "expires_at_seconds") ?? null,
      json.text(given(body, "metadata")),
      given(body, "display_name") ?? null,
      project.now(),
    );
  return apiKeyId;
}

/** Personal keys have no organization, organization keys have one; any other kind names no key. */
function keyTypeCondition(kind: string): string {
  if (kind === "personal") return "k.org_id IS NULL";
  if (kind === "org" || kind === "organization") return "k.org_id IS NOT NULL";
  return "0";
}

function listKeys(project: Project, query: Record<string, unknown>, archived: boolean): Reply {
  const p = paging(query);
  const where = [archived ? "k.archived_at IS NOT NULL" : "k.archived_at IS NULL"];
  const args: unknown[] = [];
  if (typeof query.org_id === "string") {
    where.push("k.org_id = ?");
    args.push(query.org_id);
  }
  if (typeof query.user_id === "string") {
    where.push("k.user_id = ?");
    args.push(query.user_id);
  }
  if (typeof query.user_email === "string") {
    where.push("k.user_id IN (SELECT user_id FROM users WHERE email = ?)");
    args.push(query.user_email);
  }
  if (typeof query.api_key_type === "string") where.push(keyTypeCondition(query.api_key_type));
  const clause = `WHERE ${where.join(" AND ")}`;
  const total = (project.sql(`SELECT count(*) AS n FROM api_keys k ${clause}`).get(...args) as { n: number }).n;
  const rows = project.sql(`SELECT * FROM api_keys k ${clause} ORDER BY k.seq LIMIT ? OFFSET ?`).all(...args, p.size, p.offset) as Row[];
  return ok({ api_keys: rows.map((r) => apiKeyJson(r)), total_api_keys: total, ...pageInfo(p, total) });
}

const invalid = (message: string) => new ApiError(400, { api_key_token: [message] });

/** Finds a key by its token: generated tokens start with their id; imported ones are found by hash. */
function findKey(project: Project, token: string, imported: boolean): Row | undefined {
  const hash = project.hashToken(token);
  if (!imported) {
    const row = project.apiKeyRow(token.slice(0, 32).toLowerCase());
    return row && row.imported === 0 && safeEqual(String(row.token_hash), hash) ? row : undefined;
  }
  return project.sql("SELECT * FROM api_keys WHERE token_hash = ? AND imported = 1").get(hash) as Row | undefined;
}

function validate(project: Project, rawToken: string, imported: boolean): Reply {
  const token = rawToken.replace(/^bearer /i, "").trim();
  const key = findKey(project, token, imported);
  if (!key) throw invalid("Invalid API key");
  if (key.archived_at !== null) throw invalid("This API key was deleted");
  if (typeof key.expires_at_seconds === "number" && key.expires_at_seconds <= project.now()) throw invalid("This API key has expired");
  const user = typeof key.user_id === "string" ? project.userRow(key.user_id) : undefined;
  const org = typeof key.org_id === "string" ? project.orgRow(key.org_id) : undefined;
  if (key.user_id !== null && !user) throw invalid("The API key's user no longer exists");
  if (key.org_id !== null && !org) throw invalid("The API key's organization no longer exists");
  if (user && user.enabled !== 1) throw invalid("The API key's user is disabled");
  const membership = user && org ? project.membership(String(user.user_id), String(org.org_id)) : undefined;
  if (user && org && !membership) throw invalid("The API key's user is no longer a member of its organization");
  project.takeRateLimit(key);
  project
    .sql(
      "INSERT INTO api_key_usage (api_key_id, day, count) VALUES (?, ?, 1) ON CONFLICT (api_key_id, day) DO UPDATE SET count = count + 1",
    )
    .run(key.api_key_id, project.today());
  const sso = org ? project.ssoOf(String(org.org_id)) : undefined;
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

function currentKey(project: Project, apiKeyId: string): Row {
  const row = project.sql("SELECT * FROM api_keys WHERE api_key_id = ? AND archived_at IS NULL").get(apiKeyId.toLowerCase()) as
    | Row
    | undefined;
  if (!row) throw notFound("API key");
  return row;
}

export const apiKeyHandlers: Record<string, Handler> = {
  fetchCurrentApiKeys: ({ project, query }) => listKeys(project, query, false),
  fetchArchivedApiKeys: ({ project, query }) => listKeys(project, query, true),

  fetchApiKey: ({ project, path }) => {
    const row = project.sql("SELECT * FROM api_keys WHERE api_key_id = ?").get(path.api_key_id!.toLowerCase()) as Row | undefined;
    if (!row) throw notFound("API key");
    return ok(apiKeyJson(row));
  },

  createApiKey: ({ project, body }) => {
    checkOwner(project, body);
    const apiKeyId = hex(16);
    const token = `${apiKeyId}${hex(32)}`;
    insertKey(project, body, project.hashToken(token), false, apiKeyId);
    // The token is answered once; only its hash is stored.
    return ok({ api_key_id: apiKeyId, api_key_token: token });
  },

  importApiKey: ({ project, body }) => {
    checkOwner(project, body);
    const token = String(body.imported_api_key);
    if (token.trim() === "") throw badRequest("imported_api_key", "Must not be empty");
    const hash = project.hashToken(token);
    if (project.sql("SELECT 1 FROM api_keys WHERE token_hash = ?").get(hash))
      throw badRequest("imported_api_key", "This key was already imported");
    return ok({ api_key_id: insertKey(project, body, hash, true) });
  },

  updateApiKey: ({ project, path, body }) => {
    const row = currentKey(project, path.api_key_id!);
    if (body.set_to_never_expire === true) {
      if (has(body, "expires_at_seconds")) throw badRequest("expires_at_seconds", "Cannot be sent with set_to_never_expire");
      project.sql("UPDATE api_keys SET expires_at_seconds = NULL WHERE api_key_id = ?").run(row.api_key_id);
    } else if (has(body, "expires_at_seconds")) {
      if (body.expires_at_seconds <= project.now()) throw badRequest("expires_at_seconds", "Must be in the future");
      project.sql("UPDATE api_keys SET expires_at_seconds = ? WHERE api_key_id = ?").run(body.expires_at_seconds, row.api_key_id);
    }
    if (has(body, "metadata"))
      project.sql("UPDATE api_keys SET metadata = ? WHERE api_key_id = ?").run(JSON.stringify(body.metadata), row.api_key_id);
    return ok();
  },

  deleteApiKey: ({ project, path }) => {
    const row = currentKey(project, path.api_key_id!);
    project.sql("UPDATE api_keys SET archived_at = ? WHERE api_key_id = ?").run(project.now(), row.api_key_id);
    return ok();
  },

  validateApiKey: ({ project, body }) => validate(project, String(body.api_key_token), false),
  validateImportedApiKey: ({ project, body }) => validate(project, String(body.api_key_token), true),

  fetchApiKeyUsage: ({ project, query }) => {
    const where = ["u.day = ?"];
    const args: unknown[] = [query.date];
    for (const field of ["org_id", "user_id", "api_key_id"]) {
      if (typeof query[field] === "string") {
        where.push(`k.${field} = ?`);
        args.push(field === "api_key_id" ? String(query[field]).toLowerCase() : query[field]);
      }
    }
    const row = project
      .sql(
        `SELECT coalesce(sum(u.count), 0) AS n FROM api_key_usage u JOIN api_keys k ON k.api_key_id = u.api_key_id WHERE ${where.join(" AND ")}`,
      )
      .get(...args) as { n: number };
    return ok({ count: row.n });
  },
};
