// Gathers the entities the document's examples refer to (see seed.ts for the rules), merged field
// by field, into a plan that seed-apply.ts writes.
import {
  deref,
  firstExample,
  listOperations,
  type OpenApiDocument,
  type Operation,
  type ResponseObject,
  requestMedia,
} from "@propelauth-openapi/spec";
import { FALLBACK_LIFETIME_SECONDS } from "./values-not-in-examples.js";

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
export const bit = (v: unknown): 0 | 1 => (v === true ? 1 : 0);

/** The examples of the document, by operation. */
class DocumentExamples {
  readonly operations: Operation[];
  private byId: Map<string, Operation>;

  constructor(readonly doc: OpenApiDocument) {
    this.operations = listOperations(doc);
    this.byId = new Map(this.operations.map((op) => [op.operationId, op]));
  }

  /** The first example request body of an operation. */
  request(operationId: string): Obj | undefined {
    const op = this.byId.get(operationId);
    const example = op ? firstExample(this.doc, requestMedia(this.doc, op)) : { found: false };
    return example.found && isObj(example.value) ? example.value : undefined;
  }

  /** Every example body of an operation's success answers, in document order. */
  responses(operationId: string): unknown[] {
    const op = this.byId.get(operationId);
    if (!op) return [];
    const values: unknown[] = [];
    for (const [status, response] of Object.entries(op.operation.responses)) {
      if (!/^2\d\d$/.test(status)) continue;
      for (const media of Object.values(deref<ResponseObject>(this.doc, response).content ?? {})) {
        if (media.example !== undefined) values.push(media.example);
        for (const example of Object.values(media.examples ?? {})) {
          const value = deref<{ value?: unknown }>(this.doc, example).value;
          if (value !== undefined) values.push(value);
        }
      }
    }
    return values;
  }

  /** The example of one parameter of an operation. */
  param(operationId: string, name: string): unknown {
    return this.byId.get(operationId)?.parameters.find((p) => p.name === name)?.example;
  }
}

/** Visits every object inside a value. */
function walk(value: unknown, visit: (o: Obj) => void) {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (isObj(value)) {
    visit(value);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

/** Records of one kind by id, merged field by field with the richest record first. */
class Records {
  private seen = new Map<string, Obj[]>();

  add(id: string, record: Obj) {
    const list = this.seen.get(id) ?? [];
    list.push(record);
    this.seen.set(id, list);
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  merged(): Map<string, Obj> {
    const result = new Map<string, Obj>();
    for (const [id, list] of this.seen) {
      const richestFirst = [...list].sort((a, b) => Object.keys(b).length - Object.keys(a).length);
      const out: Obj = {};
      for (const record of richestFirst)
        for (const [k, v] of Object.entries(record)) if (out[k] === undefined && v !== undefined) out[k] = v;
      result.set(id, out);
    }
    return result;
  }
}

/** An organization as the examples show it in several shapes (Organization, org summaries, org info). */
function orgRecord(o: Obj): Obj {
  const record: Obj = { ...o, name: o.name ?? o.org_name, metadata: o.metadata ?? o.org_metadata };
  // An organization as one user sees it (UserOrgInfo) also carries the user's role: not the org's.
  for (const key of [
    "org_name",
    "org_metadata",
    "user_role",
    "inherited_user_roles_plus_current_role",
    "user_permissions",
    "additional_roles",
  ]) {
    delete record[key];
  }
  return record;
}

interface Membership {
  userId: string;
  orgId: string;
  role: string;
  additional: string[];
}

/** What the examples hold, gathered and merged; `apply` writes it. */
export interface ExamplePlan {
  users: Map<string, Obj>;
  orgs: Map<string, Obj>;
  memberships: Membership[];
  invites: Obj[];
  apiKeys: Map<string, Obj>;
  archivedApiKeyIds: Set<string>;
  scimGroups: Map<string, Obj & { org_id: string }>;
  examples: DocumentExamples;
}

/** Gathers the entities of the document's examples. */
export function planFromExamples(doc: OpenApiDocument): ExamplePlan {
  const examples = new DocumentExamples(doc);
  const users = new Records();
  const orgs = new Records();
  const apiKeys = new Records();
  const groups = new Records();
  const archivedApiKeyIds = new Set<string>();
  const memberships = new Map<string, Membership>();
  const invites = new Map<string, Obj>();
  const addMembership = (userId: string, orgId: string, role: unknown, additional: unknown) => {
    const key = `${userId} ${orgId}`;
    if (typeof role === "string" && !memberships.has(key)) memberships.set(key, { userId, orgId, role, additional: strings(additional) });
  };

  for (const op of examples.operations) {
    for (const value of examples.responses(op.operationId)) {
      walk(value, (o) => {
        const userId = str(o.user_id);
        const orgId = str(o.org_id);
        if (userId && str(o.email) && "email_confirmed" in o) {
          users.add(userId, o);
          if (isObj(o.org_id_to_org_info)) {
            for (const [id, info] of Object.entries(o.org_id_to_org_info)) {
              if (isObj(info)) addMembership(userId, str(info.org_id) ?? id, info.user_role, info.additional_roles);
            }
          }
          // Members of an organization listed by Fetch Users in Org.
          const inOrg = str(examples.param(op.operationId, "org_id"));
          if (op.operationId === "fetchUsersInOrg" && inOrg) addMembership(userId, inOrg, o.role_in_org, o.additional_roles_in_org);
        }
        if (orgId && (str(o.name) || str(o.org_name)) && !("invitee_email" in o)) orgs.add(orgId, orgRecord(o));
        const apiKeyId = str(o.api_key_id);
        if (apiKeyId && num(o.created_at) !== undefined) {
          apiKeys.add(apiKeyId, o);
          if (op.operationId === "fetchArchivedApiKeys") archivedApiKeyIds.add(apiKeyId);
        }
        const invitee = str(o.invitee_email);
        if (invitee && orgId && str(o.role_in_org) && !invites.has(`${orgId} ${invitee}`)) invites.set(`${orgId} ${invitee}`, o);
        const groupOrg = str(examples.param(op.operationId, "org_id"));
        if (str(o.group_id) && str(o.display_name) && groupOrg) groups.add(String(o.group_id), { ...o, org_id: groupOrg });
      });
    }
  }

  return {
    users: users.merged(),
    orgs: orgs.merged(),
    memberships: [...memberships.values()],
    invites: [...invites.values()],
    apiKeys: apiKeys.merged(),
    archivedApiKeyIds,
    scimGroups: groups.merged() as Map<string, Obj & { org_id: string }>,
    examples,
  };
}

/** An expiry still to come: one already past is moved forward by the same lifetime, from now. */
export function stillAhead(expires: number | undefined, created: number | undefined, now: number): number | null {
  if (expires === undefined) return null;
  if (expires > now) return expires;
  const lifetime = created !== undefined && expires > created ? expires - created : FALLBACK_LIFETIME_SECONDS;
  return now + lifetime;
}

export const byCreation = (a: [string, Obj], b: [string, Obj]) =>
  (num(a[1].created_at) ?? 0) - (num(b[1].created_at) ?? 0) || a[0].localeCompare(b[0]);

/** Writes the plan into an empty project. */
