// The operations tagged "Magic links and access tokens" in the document.
import { hex } from "../crypto.js";
import { json } from "../db.js";
import { ApiError, badRequest } from "../errors.js";
import { insertUser } from "../users.js";
import { orgInfoOf } from "../views.js";
import { type Handler, ok } from "./types.js";
import { given, has, isHttpUrl } from "./util.js";

export const magicLinksAndAccessTokensHandlers: Record<string, Handler> = {
  createMagicLink: ({ project, body }) => {
    if (has(body, "redirect_to_url") && !isHttpUrl(body.redirect_to_url)) throw badRequest("redirect_to_url", "Must be an http(s) URL");
    if (has(body, "expires_in_hours") && body.expires_in_hours <= 0) throw badRequest("expires_in_hours", "Must be at least 1");
    let user = project.store.users.byEmail(body.email);
    if (!user) {
      if (body.create_new_user_if_one_doesnt_exist === false) {
        throw badRequest("email", "No user has this email, and create_new_user_if_one_doesnt_exist is false");
      }
      const userId = insertUser(project, { email: body.email, signup_query_parameters: given(body, "user_signup_query_parameters") });
      user = project.store.users.require(userId);
    }
    const token = hex(24);
    const now = project.now();
    const hours = given<number>(body, "expires_in_hours") ?? 24;
    project.store.links.insert({
      token,
      kind: "magic_link",
      payload: { user_id: user.user_id, redirect_to_url: given(body, "redirect_to_url") ?? null },
      createdAt: now,
      expiresAt: now + hours * 3600,
      singleUse: body.expire_after_first_use === true,
    });
    return ok({ url: `${project.settings.authUrl}/__emulator/links/${token}` });
  },

  createAccessToken: ({ project, body }) => {
    if (!project.settings.accessTokensEnabled) throw new ApiError(404, { error: "Creating access tokens is not enabled for this project" });
    const user = project.store.users.get(body.user_id);
    if (!user) throw new ApiError(403, { error: "User not found" });
    if (user.enabled !== 1) throw new ApiError(403, { error: "The user is disabled" });
    if (body.duration_in_minutes <= 0) throw badRequest("duration_in_minutes", "Must be at least 1");
    const now = project.now();
    const claims: Record<string, unknown> = {
      sub: user.user_id,
      user_id: user.user_id,
      iat: now,
      exp: now + body.duration_in_minutes * 60,
      iss: new URL(project.settings.authUrl).origin,
      email: user.email,
      ...(user.first_name !== null ? { first_name: user.first_name } : {}),
      ...(user.last_name !== null ? { last_name: user.last_name } : {}),
      ...(user.username !== null ? { username: user.username } : {}),
      ...(user.legacy_user_id !== null ? { legacy_user_id: user.legacy_user_id } : {}),
      ...(user.properties !== null ? { properties: json.parse<object>(user.properties, {}) } : {}),
      ...(user.metadata !== null ? { metadata: json.parse<object>(user.metadata, {}) } : {}),
      login_method: { login_method: "generated_from_backend_api" },
    };
    const orgs = orgInfoOf(project, String(user.user_id));
    if (has(body, "active_org_id")) {
      const info = orgs[body.active_org_id];
      if (!info) throw badRequest("active_org_id", "The user is not a member of this organization");
      claims.org_member_info = info;
    } else {
      claims.org_id_to_org_member_info = orgs;
    }
    project.store.users.markActive(user.user_id, now);
    return ok({ access_token: project.signingKey.sign(claims) });
  },
};
