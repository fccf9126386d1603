// Seeds an empty store with the entities the document's examples refer to, with their ids and
// values: the users, organizations, memberships, invitations, end-user API keys (the key of the
// Validate API Key example validates with that example's token), SCIM groups, SSO connection,
// social login tokens, employee, MFA phones, step-up grant and SMS challenge the examples show.
//
// Everything is read from the bundled document at seeding time, so an edited example is the seed
// at the next start. Entities are found by their shape in the success answers of every operation
// (a user has `user_id`, `email` and `email_confirmed`; an organization `org_id` and a name; …) and
// merged field by field, the richest example first: Ada is the User With Orgs example, completed by
// the others. The few values no example holds are in values-not-in-examples.ts.
//
// The examples do not all agree, and the store must stay consistent; where they disagree:
// - timestamps of expiry already past (API keys, invitations) are moved forward by the same
//   lifetime (expiry minus creation), counted from now, so that the keys validate and the
//   invitations are pending; created_at values are kept;
// - a SCIM group only lists members of its organization (the SCIM Group example also lists Grace,
//   whom the Pending Invites example shows invited to that organization, not a member);
// - a role the organization's role mapping does not have, or additional roles in a one-role
//   hierarchy, are left out (the API would refuse them too).
import { hasData, stateDigest } from "./db.js";
import type { Project } from "./project.js";
import { applyPlan } from "./seed-apply.js";
import { planFromExamples } from "./seed-plan.js";

export { type ExamplePlan, planFromExamples } from "./seed-plan.js";

/** The seeds the emulator knows. */
export type SeedName = "examples";

/** What a seed wrote: rows per table (tables left empty are not listed). */
export type SeedSummary = Record<string, number>;

/**
 * Seeds the project from the document's examples if its store is empty; answers what was written,
 * or null when the store already held data (nothing is changed then).
 */
export function seedFromExamples(project: Project): SeedSummary | null {
  if (hasData(project.db)) return null;
  const plan = planFromExamples(project.doc);
  project.tx(() => applyPlan(project, plan));
  const { counts } = stateDigest(project.db);
  return Object.fromEntries(Object.entries(counts).filter(([table, n]) => n > 0 && table !== "custom_role_mappings"));
}

/** Seeds by name (the `seed` option). */
export function seedProject(project: Project, seed: SeedName): SeedSummary | null {
  if (seed !== "examples") throw new Error(`unknown seed ${String(seed)}: the emulator knows "examples"`);
  return seedFromExamples(project);
}
