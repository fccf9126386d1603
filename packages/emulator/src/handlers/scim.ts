// The operations tagged "SCIM" in the document.
import { notFound } from "../errors.js";
import type { ScimGroupRow } from "../store/scim.js";
import { type Handler, ok } from "./types.js";
import { paging } from "./util.js";

export const scimHandlers: Record<string, Handler> = {
  fetchOrgScimGroups: ({ project, path, query }) => {
    project.store.orgs.require(path.org_id!);
    const p = paging(query);
    const userId = typeof query.user_id === "string" ? query.user_id : undefined;
    const { rows, total } = project.store.scim.ofOrg(path.org_id!, userId, p.size, p.offset);
    return ok({ groups: rows.map(groupSummary), page_number: p.number, page_size: p.size, total_groups: total });
  },

  fetchScimGroup: ({ project, path, query }) => {
    project.store.orgs.require(path.org_id!);
    const group = project.store.scim.get(path.org_id!, path.group_id!);
    if (!group) throw notFound("SCIM group");
    const p = paging(query, "members_page_size", "members_page_number");
    const members = project.store.scim.members(group.group_id, p.size, p.offset);
    return ok({ ...groupSummary(group), members: members.map((userId) => ({ user_id: userId })) });
  },
};

function groupSummary(row: ScimGroupRow) {
  return { group_id: row.group_id, display_name: row.display_name, external_id_from_idp: row.external_id_from_idp ?? null };
}
