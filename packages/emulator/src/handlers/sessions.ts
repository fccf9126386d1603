// The operations tagged "Sessions" in the document.
//
// Sessions: refresh tokens as the hosted login gives them to a server (here: following a magic
// link, see admin.ts), refreshed into access tokens and logged out through the Backend API.
// A refresh token is a row of `links` (kind "refresh_token", never single-use); logging out sets
// its `used_at`. A session dies with its user: disabled, deleted, or logged out of every session
// (users.sessions_revoked_at) after it began.
import { hex } from "../crypto.js";
import { json } from "../db.js";
import { badRequest } from "../errors.js";
import type { Project } from "../project.js";
import type { UserRow } from "../store/users.js";
import { orgInfoOf } from "../views.js";
import { type Handler, ok } from "./types.js";
import { given } from "./util.js";

/** How long a session lasts without being logged out, and how long its access tokens live. */
export const SESSION_SECONDS = 30 * 86400;
export const ACCESS_TOKEN_SECONDS = 30 * 60;

/** Starts a session for the user and answers its refresh token. */
export function issueRefreshToken(project: Project, userId: string, loginMethod = "magic_link"): string {
  const token = hex(32);
  const now = project.now();
  project.store.links.insert({
    token,
    kind: "refresh_token",
    payload: { user_id: userId, login_method: loginMethod },
    createdAt: now,
    expiresAt: now + SESSION_SECONDS,
    singleUse: false,
  });
  return token;
}

/** The live session of a refresh token and its user, or the 400 every dead one gets. */
function liveSession(project: Project, token: string): { user: UserRow; loginMethod: string } {
  const invalid = badRequest("refresh_token", "The refresh token is not valid");
  const link = project.store.links.get(token);
  if (link?.kind !== "refresh_token" || link.used_at !== null || Number(link.expires_at) <= project.now()) throw invalid;
  const payload = json.parse<{ user_id: string; login_method: string }>(link.payload, { user_id: "", login_method: "" });
  const user = project.store.users.get(payload.user_id);
  if (user?.enabled !== 1) throw invalid;
  if (typeof user.sessions_revoked_at === "number" && Number(link.created_at) <= user.sessions_revoked_at) throw invalid;
  return { user, loginMethod: payload.login_method };
}

export const sessionsHandlers: Record<string, Handler> = {
  refreshSession: ({ project, body, query }) => {
    const { user, loginMethod } = liveSession(project, body.refresh_token);
    const userId = String(user.user_id);
    const orgs = orgInfoOf(project, userId);
    const activeOrgId = query.with_active_org_support === true ? given<string>(query, "active_org_id") : undefined;
    if (activeOrgId !== undefined && !orgs[activeOrgId]) throw badRequest("active_org_id", "The user is not a member of this organization");
    const now = project.now();
    const claims = {
      sub: userId,
      user_id: userId,
      iat: now,
      exp: now + ACCESS_TOKEN_SECONDS,
      iss: new URL(project.settings.authUrl).origin,
      email: user.email,
      ...(activeOrgId !== undefined ? { org_member_info: orgs[activeOrgId] } : { org_id_to_org_member_info: orgs }),
      login_method: { login_method: loginMethod },
    };
    project.store.users.markActive(userId, now);
    return ok({
      refresh_token: body.refresh_token,
      access_token: { access_token: project.signingKey.sign(claims), expires_at_seconds: claims.exp },
    });
  },

  logoutSession: ({ project, body }) => {
    liveSession(project, body.refresh_token);
    project.store.links.markUsed(body.refresh_token, project.now());
    return ok();
  },
};
