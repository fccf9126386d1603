// How @propelauth/node 2.1.36 turns the API's snake_case JSON into its answers.
import { OrgMemberInfo } from "./user.js";

// Values under these keys are the customer's own data: left as they are.
const KEEP = ["metadata", "org_metadata"];
const RENAMED: Record<string, string> = {
  user_role: "userAssignedRole",
  inherited_user_roles_plus_current_role: "userInheritedRolesPlusCurrentRole",
  additional_roles: "userAssignedAdditionalRoles",
};
const MEMBER_KEYS = [
  "orgId",
  "orgName",
  "urlSafeOrgName",
  "orgMetadata",
  "userAssignedRole",
  "userInheritedRolesPlusCurrentRole",
  "userPermissions",
];

const camel = (key: string) => key.replace(/_([a-z])/g, (m) => (m[1] as string).toUpperCase());

// biome-ignore lint/suspicious/noExplicitAny: converts arbitrary JSON
type Json = any;

/** camelCases every key, recursively (custom `properties` too), except under `metadata`; membership objects become `OrgMemberInfo`. */
export function camelKeys(value: Json): Json {
  const out: Json = Array.isArray(value) ? [] : {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    let v = value[key];
    if (!KEEP.includes(key) && v && typeof v === "object") v = camelKeys(v);
    if (v && typeof v === "object" && MEMBER_KEYS.every((k) => Object.hasOwn(v, k)))
      v = new OrgMemberInfo(
        v.orgId,
        v.orgName,
        v.orgMetadata,
        v.urlSafeOrgName,
        v.userAssignedRole,
        v.userInheritedRolesPlusCurrentRole,
        v.userPermissions,
        v.orgRoleStructure,
        v.userAssignedAdditionalRoles,
        v.legacyOrgId,
      );
    out[RENAMED[key] ?? camel(key)] = v;
  }
  return out;
}

// fetchOrgByQuery renames only these keys (anything else, such as `metadata` inside an org, stays snake_case).
const ORG_QUERY_KEYS: Record<string, string> = {
  org_id: "orgId",
  org_name: "name",
  max_users: "maxUsers",
  legacy_org_id: "legacyOrgId",
  total_orgs: "totalOrgs",
  current_page: "currentPage",
  page_size: "pageSize",
  has_more_results: "hasMoreResults",
  created_at: "createdAt",
};

/** The answer of fetchOrgByQuery: a few known keys renamed at every depth, moved to the end of their object. */
export function orgQueryKeys(value: Json): Json {
  if (!value || typeof value !== "object") return value;
  for (const key of Object.keys(value)) {
    const v = orgQueryKeys(value[key]);
    const renamed = Array.isArray(value) ? undefined : ORG_QUERY_KEYS[key];
    if (renamed) {
      delete value[key];
      value[renamed] = v;
    } else value[key] = v;
  }
  return value;
}
