// The operations tagged "Role mappings" in the document.
import { type Handler, ok } from "./types.js";

export const roleMappingsHandlers: Record<string, Handler> = {
  fetchCustomRoleMappings: ({ project }) => {
    const rows = project.store.roles.withCounts();
    return ok({ custom_role_mappings: rows.map((r) => ({ custom_role_mapping_name: r.name, num_orgs_subscribed: r.n })) });
  },
};
