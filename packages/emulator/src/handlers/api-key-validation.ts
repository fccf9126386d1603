// The operations tagged "API key validation" in the document.
import { hashToken, safeEqual } from "../crypto.js";
import { json } from "../db.js";
import { ApiError } from "../errors.js";
import type { Project } from "../project.js";
import type { ApiKeyRow } from "../store/api-keys.js";
import { userJson } from "../views.js";
import { type Handler, ok, type Reply } from "./types.js";

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
  const userView = user ? userJson(project, user, true) : null;
  return ok({
    metadata: json.parse<object | null>(key.metadata, null),
    user: userView,
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
    // The user's view holds this membership already, built from the same rows.
    user_in_org:
      userView && org && membership ? ((userView.org_id_to_org_info as Record<string, unknown>)[String(org.org_id)] ?? null) : null,
    user_id: key.user_id ?? null,
    org_id: key.org_id ?? null,
  });
}

export const apiKeyValidationHandlers: Record<string, Handler> = {
  validateApiKey: ({ project, body }) => validate(project, String(body.api_key_token), false),

  validateImportedApiKey: ({ project, body }) => validate(project, String(body.api_key_token), true),
};
