// Following a link the project "sent" (GET /__emulator/links/{token}): a login, a confirmed or
// changed email, an accepted invitation, an SSO set-up page.
import { fail } from "./admin-error.js";
import { uuid } from "./crypto.js";
import { json } from "./db.js";
import { issueRefreshToken } from "./handlers/sessions.js";
import type { Project } from "./project.js";

export function followLink(project: Project, token: string): unknown {
  const link = project.store.links.get(token);
  const now = project.now();
  if (!link) throw fail(404, "unknown link");
  if (link.used_at !== null && link.single_use === 1) throw fail(410, "this link was already used");
  if (typeof link.expires_at === "number" && link.expires_at <= now) throw fail(410, "this link has expired");
  const payload = json.parse<Record<string, string>>(link.payload, {});
  project.store.links.markUsed(token, now);
  switch (link.kind) {
    case "magic_link": {
      const user = project.store.users.require(payload.user_id!);
      if (user.enabled !== 1) throw fail(403, "the user is disabled");
      project.store.users.markLoggedIn(user.user_id, now);
      const refreshToken = issueRefreshToken(project, String(user.user_id));
      return { action: "logged_in", user_id: user.user_id, redirect_to_url: payload.redirect_to_url ?? null, refresh_token: refreshToken };
    }
    case "confirm_email":
      project.store.users.confirmEmail(payload.user_id);
      return { action: "email_confirmed", user_id: payload.user_id };
    case "change_email": {
      const taken = project.store.users.byEmail(payload.new_email!);
      if (taken && taken.user_id !== payload.user_id) throw fail(409, "the new email belongs to another user now");
      project.store.users.setEmail(payload.user_id, payload.new_email);
      return { action: "email_changed", user_id: payload.user_id, email: payload.new_email };
    }
    case "invite": {
      const invite = project.store.invites.get(payload.org_id, payload.email);
      if (!invite || Number(invite.expires_at) <= now) throw fail(410, "the invitation was revoked or has expired");
      const org = project.store.orgs.require(payload.org_id!);
      let user = project.store.users.byEmail(payload.email!);
      if (!user) {
        const userId = uuid();
        project.store.users.insertInvited(userId, payload.email!, now);
        user = project.store.users.require(userId);
      }
      if (!project.store.orgs.membership(String(user.user_id), String(org.org_id))) {
        project.store.orgs.addMember(
          org,
          String(user.user_id),
          String(invite.role),
          json.parse<string[]>(invite.additional_roles, []),
          project.now(),
        );
      }
      project.store.invites.deleteBySeq(invite.seq);
      return { action: "invitation_accepted", user_id: user.user_id, org_id: org.org_id };
    }
    case "saml_setup":
      return { action: "saml_setup", org_id: payload.org_id, note: "an SSO set-up page would open here" };
    default:
      throw fail(404, `unknown link kind ${link.kind}`);
  }
}
