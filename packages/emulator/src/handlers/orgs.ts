import { uuid } from "../crypto.js";
import { json } from "../db.js";
import { badRequest, notFound } from "../errors.js";
import type { Project } from "../project.js";
import { checkRoles } from "../roles.js";
import type { OrgRow, OrgUpdate } from "../store/orgs.js";
import { orgJson, orgSummaryJson } from "../views.js";
import { type Handler, ok, type Reply } from "./types.js";
import { sendLink } from "./users.js";
import { given, has, pageInfo, paging } from "./util.js";

const INVITE_LIFETIME = 7 * 86400;

function queryOrgs(project: Project, params: Record<string, unknown>): Reply {
  const p = paging(params);
  const text = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  const { rows, total } = project.store.orgs.query(
    {
      name: text("name"),
      legacyOrgId: text("legacy_org_id"),
      domain: text("domain"),
      orderBy: String(params.order_by ?? "CREATED_AT_ASC"),
    },
    p.size,
    p.offset,
  );
  return ok({ orgs: rows.map((r) => orgSummaryJson(project, r)), total_orgs: total, ...pageInfo(p, total) });
}

function checkOrgName(name: unknown) {
  if (typeof name === "string" && name.trim() === "") throw badRequest("name", "Must not be empty");
}

function checkCapacity(project: Project, org: OrgRow, field: string) {
  if (typeof org.max_users === "number" && project.store.orgs.memberCount(String(org.org_id)) >= org.max_users) {
    throw badRequest(field, `The organization has reached its limit of ${org.max_users} members`);
  }
}

/** Creates or refreshes a pending invite, and "emails" its link. */
function invite(project: Project, org: OrgRow, email: string, role: string, additional: string[] | undefined): Reply {
  const existing = project.store.users.byEmail(email);
  if (existing && project.store.orgs.membership(String(existing.user_id), String(org.org_id))) {
    throw badRequest("email", "This user is already a member of the organization");
  }
  checkRoles(project.store.roles.setOf(org), role, additional);
  project.store.orgs.checkDomain(org, email, "email");
  checkCapacity(project, org, "org_id");
  const now = project.now();
  project.store.invites.set(org.org_id, email, role, additional ?? [], now, now + INVITE_LIFETIME);
  sendLink(project, email, "invite", `You are invited to join ${org.name}`, { org_id: org.org_id, email }, INVITE_LIFETIME);
  return { status: 200, body: `Invitation email sent to ${email}`, contentType: "text/plain" };
}

export const orgHandlers: Record<string, Handler> = {
  fetchOrg: ({ project, path }) => ok(orgJson(project, project.store.orgs.require(path.org_id!))),

  queryOrgs: ({ project, query }) => queryOrgs(project, query),
  queryOrgsByPost: ({ project, body }) => queryOrgs(project, body ?? {}),

  createOrg: ({ project, body }) => {
    checkOrgName(body.name);
    if (has(body, "custom_role_mapping_name") && !project.store.roles.exists(body.custom_role_mapping_name)) {
      throw badRequest("custom_role_mapping_name", "No custom role mapping has this name");
    }
    const orgId = uuid();
    project.store.orgs.insert({
      org_id: orgId,
      name: body.name,
      url_safe_org_slug: orgId,
      can_setup_saml: 0,
      domain: given(body, "domain") ?? null,
      extra_domains: "[]",
      domain_autojoin: body.enable_auto_joining_by_domain === true ? 1 : 0,
      domain_restrict: body.members_must_have_matching_domain === true ? 1 : 0,
      max_users: given(body, "max_users") ?? null,
      metadata: "{}",
      custom_role_mapping_name: given(body, "custom_role_mapping_name") ?? null,
      legacy_org_id: given(body, "legacy_org_id") ?? null,
      password_rotation_enabled: 0,
      password_rotation_history_size: 0,
      password_rotation_period: 0,
      created_at: project.now(),
    });
    return ok({ org_id: orgId, name: body.name });
  },

  updateOrg: ({ project, path, body }) => {
    const org = project.store.orgs.require(path.org_id!);
    checkOrgName(body.name);
    if (has(body, "custom_role_mapping_name") && !project.store.roles.exists(body.custom_role_mapping_name)) {
      throw badRequest("custom_role_mapping_name", "No custom role mapping has this name");
    }
    const columns: Record<string, keyof OrgUpdate> = {
      name: "name",
      can_setup_saml: "can_setup_saml",
      max_users: "max_users",
      autojoin_by_domain: "domain_autojoin",
      restrict_to_domain: "domain_restrict",
      domain: "domain",
      legacy_org_id: "legacy_org_id",
      require_2fa_by: "require_2fa_by",
      password_rotation_enabled: "password_rotation_enabled",
      password_rotation_history_size: "password_rotation_history_size",
      password_rotation_period: "password_rotation_period",
      custom_role_mapping_name: "custom_role_mapping_name",
    };
    const fields: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(columns)) {
      // null means "leave unchanged" (the Go SDK sends null for fields it does not set).
      if (!has(body, field)) continue;
      fields[column] = typeof body[field] === "boolean" ? (body[field] ? 1 : 0) : body[field];
    }
    for (const field of ["metadata", "extra_domains"] as const) {
      if (has(body, field)) fields[field] = JSON.stringify(body[field]);
    }
    project.store.orgs.update(org.org_id, fields as OrgUpdate);
    return ok();
  },

  deleteOrg: ({ project, path }) => {
    project.store.orgs.require(path.org_id!);
    project.store.orgs.delete(path.org_id!, project.now());
    return ok();
  },

  addUserToOrg: ({ project, body }) => {
    const user = project.store.users.require(body.user_id);
    const org = project.store.orgs.require(body.org_id);
    if (project.store.orgs.membership(body.user_id, body.org_id))
      throw badRequest("user_id", "The user is already a member of the organization");
    checkRoles(project.store.roles.setOf(org), body.role, body.additional_roles);
    project.store.orgs.checkDomain(org, String(user.email), "user_id");
    checkCapacity(project, org, "org_id");
    project.store.orgs.addMember(org, body.user_id, body.role, body.additional_roles ?? [], project.now());
    project.store.invites.delete(org.org_id, user.email);
    return ok();
  },

  removeUserFromOrg: ({ project, body }) => {
    project.store.users.require(body.user_id);
    project.store.orgs.require(body.org_id);
    if (!project.store.orgs.membership(body.user_id, body.org_id))
      throw badRequest("user_id", "The user is not a member of the organization");
    project.store.orgs.removeMember(body.org_id, body.user_id, project.now());
    return ok();
  },

  changeUserRoleInOrg: ({ project, body }) => {
    project.store.users.require(body.user_id);
    const org = project.store.orgs.require(body.org_id);
    if (!project.store.orgs.membership(body.user_id, body.org_id))
      throw badRequest("user_id", "The user is not a member of the organization");
    checkRoles(project.store.roles.setOf(org), body.role, body.additional_roles);
    project.store.orgs.changeRole(body.org_id, body.user_id, body.role, body.additional_roles ?? []);
    return ok();
  },

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

  fetchCustomRoleMappings: ({ project }) => {
    const rows = project.store.roles.withCounts();
    return ok({ custom_role_mappings: rows.map((r) => ({ custom_role_mapping_name: r.name, num_orgs_subscribed: r.n })) });
  },
};
