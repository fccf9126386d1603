// Organization roles: the project's default roles and the custom role mappings a new project
// starts with, and what a member holding a role may do.

import { badRequest } from "./errors.js";
export interface RoleDef {
  name: string;
  permissions: string[];
}

export interface RoleSet {
  structure: "single_role_in_hierarchy" | "multi_role";
  /** Highest role first: in a hierarchy each role inherits the roles after it. */
  roles: RoleDef[];
}

const ADMIN_PERMISSIONS = [
  "propelauth::can_invite",
  "propelauth::can_change_roles",
  "propelauth::can_remove_users",
  "propelauth::can_setup_saml",
  "propelauth::can_manage_api_keys",
];

/** The project's default roles: Owner > Admin > Member. */
export const DEFAULT_ROLES: RoleSet = {
  structure: "single_role_in_hierarchy",
  roles: [
    { name: "Owner", permissions: ["propelauth::can_delete_org", "billing::manage"] },
    { name: "Admin", permissions: [...ADMIN_PERMISSIONS, "reports::read"] },
    { name: "Member", permissions: [] },
  ],
};

/** Custom role mappings a new project starts with (Fetch Custom Role Mappings lists them). */
export const SEEDED_ROLE_MAPPINGS: [string, RoleSet][] = [
  [
    "Enterprise roles",
    {
      structure: "single_role_in_hierarchy",
      roles: [
        { name: "Owner", permissions: ["propelauth::can_delete_org"] },
        { name: "Admin", permissions: ADMIN_PERMISSIONS },
        { name: "Billing", permissions: ["billing::manage"] },
        { name: "Member", permissions: ["reports::read"] },
      ],
    },
  ],
  [
    "Agency roles",
    {
      structure: "multi_role",
      roles: [
        { name: "Agency Admin", permissions: ADMIN_PERMISSIONS },
        { name: "Editor", permissions: ["content::edit"] },
        { name: "Viewer", permissions: ["content::read"] },
      ],
    },
  ],
];

/** The roles a member holds (a hierarchy inherits the roles below) and what they allow. */
export function effectiveRolesIn(set: RoleSet, role: string, additional: string[]) {
  const index = set.roles.findIndex((r) => r.name === role);
  const held =
    set.structure === "single_role_in_hierarchy"
      ? set.roles.slice(Math.max(index, 0)).map((r) => r.name)
      : [role, ...additional.filter((r) => r !== role)];
  const permissions = new Set<string>();
  for (const r of set.roles) if (held.includes(r.name)) for (const p of r.permissions) permissions.add(p);
  return { structure: set.structure, held, permissions: [...permissions] };
}

/** Checks a role (and additional roles) against an organization's roles; throws 400. */
export function checkRoles(set: RoleSet, role: string, additional: string[] | undefined) {
  const names = set.roles.map((r) => r.name);
  if (!names.includes(role)) throw badRequest("role", `Unknown role "${role}": the organization's roles are ${names.join(", ")}`);
  const extra = additional ?? [];
  if (extra.length > 0 && set.structure !== "multi_role") {
    throw badRequest("additional_roles", "This organization has one role per user (single_role_in_hierarchy): send no additional roles");
  }
  for (const r of extra) if (!names.includes(r)) throw badRequest("additional_roles", `Unknown role "${r}"`);
}
