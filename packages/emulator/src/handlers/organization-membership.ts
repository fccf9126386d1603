// The operations tagged "Organization membership" in the document.
import { badRequest } from "../errors.js";
import { checkCapacity, checkDomain } from "../organizations.js";
import { checkRoles } from "../roles.js";
import { type Handler, ok } from "./types.js";

export const organizationMembershipHandlers: Record<string, Handler> = {
  addUserToOrg: ({ project, body }) => {
    const user = project.store.users.require(body.user_id);
    const org = project.store.orgs.require(body.org_id);
    if (project.store.orgs.membership(body.user_id, body.org_id))
      throw badRequest("user_id", "The user is already a member of the organization");
    checkRoles(project.store.roles.setOf(org), body.role, body.additional_roles);
    checkDomain(org, String(user.email), "user_id");
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
};
