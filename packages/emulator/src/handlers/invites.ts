// The operations tagged "Invites" in the document.
import { json } from "../db.js";
import { badRequest, notFound } from "../errors.js";
import { checkCapacity, checkDomain } from "../organizations.js";
import type { Project } from "../project.js";
import { checkRoles } from "../roles.js";
import { sendLink } from "../send-link.js";
import type { OrgRow } from "../store/orgs.js";
import { type Handler, ok, type Reply } from "./types.js";
import { pageInfo, paging } from "./util.js";

const INVITE_LIFETIME = 7 * 86400;

/** Creates or refreshes a pending invite, and "emails" its link. */
function invite(project: Project, org: OrgRow, email: string, role: string, additional: string[] | undefined): Reply {
  const existing = project.store.users.byEmail(email);
  if (existing && project.store.orgs.membership(String(existing.user_id), String(org.org_id))) {
    throw badRequest("email", "This user is already a member of the organization");
  }
  checkRoles(project.store.roles.setOf(org), role, additional);
  checkDomain(org, email, "email");
  checkCapacity(project, org, "org_id");
  const now = project.now();
  project.store.invites.set(org.org_id, email, role, additional ?? [], now, now + INVITE_LIFETIME);
  sendLink(project, email, "invite", `You are invited to join ${org.name}`, { org_id: org.org_id, email }, INVITE_LIFETIME);
  return { status: 200, body: `Invitation email sent to ${email}`, contentType: "text/plain" };
}

export const invitesHandlers: Record<string, Handler> = {
  inviteUserToOrg: ({ project, body }) => {
    const org = project.store.orgs.require(body.org_id);
    return invite(project, org, body.email, body.role, body.additional_roles);
  },

  inviteUserToOrgByUserId: ({ project, body }) => {
    const user = project.store.users.require(body.user_id);
    const org = project.store.orgs.require(body.org_id);
    return invite(project, org, String(user.email), body.role, body.additional_roles);
  },

  fetchPendingInvites: ({ project, query }) => {
    const p = paging(query);
    const orgId = typeof query.org_id === "string" ? query.org_id : undefined;
    const { rows, total } = project.store.invites.pending(project.now(), orgId, p.size, p.offset);
    return ok({
      invites: rows.map((r) => ({
        invitee_email: r.invitee_email,
        org_id: r.org_id,
        org_name: r.org_name,
        role_in_org: r.role,
        additional_roles_in_org: json.parse<string[]>(r.additional_roles, []),
        created_at: r.created_at,
        expires_at: r.expires_at,
        inviter_email: r.inviter_email ?? null,
        inviter_user_id: r.inviter_user_id ?? null,
      })),
      total_invites: total,
      ...pageInfo(p, total),
    });
  },

  revokePendingInvite: ({ project, body }) => {
    if (!project.store.invites.delete(body.org_id, body.invitee_email)) throw notFound("pending invite");
    project.store.links.deleteInvites(body.org_id, body.invitee_email);
    return ok();
  },
};
