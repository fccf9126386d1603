// The operations tagged "Social login tokens" in the document.
import { hex } from "../crypto.js";
import { json } from "../db.js";
import { notFound } from "../errors.js";
import type { OauthTokenRow } from "../store/oauth.js";
import { type Handler, ok } from "./types.js";

export const socialLoginTokensHandlers: Record<string, Handler> = {
  fetchUserOAuthTokens: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    const rows = project.store.oauth.ofUser(path.user_id!);
    return ok(Object.fromEntries(rows.map((r) => [r.provider, oauthJson(r)])));
  },

  fetchFreshOAuthToken: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    const row = project.store.oauth.get(path.user_id!, path.provider!);
    if (!row) throw notFound(`${path.provider} token`);
    if (row.refresh_token !== null) {
      project.store.oauth.refresh(path.user_id!, path.provider!, `${path.provider}_at_${hex(16)}`, project.now() + 3600);
    }
    return ok(oauthJson(project.store.oauth.get(path.user_id!, path.provider!)!));
  },
};

function oauthJson(row: OauthTokenRow) {
  return {
    access_token: row.access_token,
    token_provider: row.provider,
    refresh_token: row.refresh_token ?? null,
    token_expiration: row.token_expiration ?? null,
    authorized_scopes: json.parse<string[] | null>(row.authorized_scopes, null),
  };
}
