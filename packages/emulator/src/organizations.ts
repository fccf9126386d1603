// The rules of organizations: a name, a member limit, and the domains a domain-restricted
// organization accepts.
import { json } from "./db.js";
import { badRequest } from "./errors.js";
import type { Project } from "./project.js";
import type { OrgRow } from "./store/orgs.js";

export function checkOrgName(name: unknown) {
  if (typeof name === "string" && name.trim() === "") throw badRequest("name", "Must not be empty");
}

export function checkCapacity(project: Project, org: OrgRow, field: string) {
  if (typeof org.max_users === "number" && project.store.orgs.memberCount(String(org.org_id)) >= org.max_users) {
    throw badRequest(field, `The organization has reached its limit of ${org.max_users} members`);
  }
}

/** Throws 400 when the email's domain is not one of a domain-restricted organization's. */
export function checkDomain(org: OrgRow, email: string, field: string) {
  if (org.domain_restrict !== 1) return;
  const domains = [org.domain, ...json.parse<string[]>(org.extra_domains, [])].filter((d): d is string => typeof d === "string");
  const domain = email.split("@").pop()?.toLowerCase() ?? "";
  if (!domains.some((d) => d.toLowerCase() === domain)) {
    throw badRequest(field, `The organization only accepts members with an email address at ${domains.join(", ") || "its domain"}`);
  }
}
