// The operations tagged "Organizations" in the document.
import { uuid } from "../crypto.js";
import { badRequest } from "../errors.js";
import { checkOrgName } from "../organizations.js";
import type { Project } from "../project.js";
import type { OrgUpdate } from "../store/orgs.js";
import { orgJson, orgSummaryJson } from "../views.js";
import { type Handler, ok, type Reply } from "./types.js";
import { given, has, pageInfo, paging } from "./util.js";

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

export const organizationsHandlers: Record<string, Handler> = {
  fetchOrg: ({ project, path }) => ok(orgJson(project, project.store.orgs.require(path.org_id!))),

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
};
