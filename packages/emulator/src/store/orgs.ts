// The `orgs` and `memberships` tables (with `membership_events`, the history insights read), and
// what hangs off an organization when it is deleted.
import type { Db } from "../db.js";
import { notFound } from "../errors.js";
import type { RowCache } from "./cache.js";
import { prepared } from "./prepared.js";
import { contains, type Flag, type UserRow } from "./users.js";

export type OrgRow = {
  seq: number;
  org_id: string;
  name: string;
  url_safe_org_slug: string;
  can_setup_saml: Flag;
  domain: string | null;
  /** JSON array of domains. */
  extra_domains: string;
  domain_autojoin: Flag;
  domain_restrict: Flag;
  max_users: number | null;
  /** JSON object. */
  metadata: string;
  custom_role_mapping_name: string | null;
  legacy_org_id: string | null;
  require_2fa_by: string | null;
  password_rotation_enabled: Flag;
  password_rotation_history_size: number;
  password_rotation_period: number;
  created_at: number;
};

export type MembershipRow = {
  user_id: string;
  org_id: string;
  role: string;
  /** JSON array of role names. */
  additional_roles: string;
  created_at: number;
  seq: number;
};

/** What a new organization row holds; the other columns start empty. */
export type NewOrgRow = Omit<OrgRow, "seq" | "require_2fa_by">;

/** The columns Update Organization may set. */
export type OrgUpdate = Partial<Omit<OrgRow, "seq" | "org_id" | "url_safe_org_slug" | "created_at">>;

const UPDATABLE: (keyof OrgUpdate)[] = [
  "name",
  "can_setup_saml",
  "max_users",
  "domain_autojoin",
  "domain_restrict",
  "domain",
  "legacy_org_id",
  "require_2fa_by",
  "password_rotation_enabled",
  "password_rotation_history_size",
  "password_rotation_period",
  "custom_role_mapping_name",
  "metadata",
  "extra_domains",
];

/** Query Organizations' orders, by the `order_by` value. */
const ORDER_BY: Record<string, string> = {
  CREATED_AT_ASC: "created_at ASC, seq ASC",
  CREATED_AT_DESC: "created_at DESC, seq DESC",
  NAME: "name COLLATE NOCASE ASC, seq ASC",
};

/** Which organizations Query Organizations answers; each field given narrows it. */
export interface OrgFilter {
  /** Part of the name. */
  name?: string;
  legacyOrgId?: string;
  /** The domain or one of the extra domains, in any case. */
  domain?: string;
  /** One of ORDER_BY's keys; anything else orders by creation. */
  orderBy?: string;
}

/** A member as Fetch Users in Organization lists them: the user, with the role in the organization. */
export type MemberRow = UserRow & { m_role: string; m_additional: string };

export class Orgs {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly cache: RowCache,
  ) {
    this.q = prepared(db, {
      insert: `INSERT INTO orgs (org_id, name, url_safe_org_slug, can_setup_saml, domain, extra_domains, domain_autojoin, domain_restrict,
        max_users, metadata, custom_role_mapping_name, legacy_org_id, password_rotation_enabled, password_rotation_history_size,
        password_rotation_period, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      byId: "SELECT * FROM orgs WHERE org_id = ?",
      membership: "SELECT * FROM memberships WHERE user_id = ? AND org_id = ?",
      memberCount: "SELECT count(*) AS n FROM memberships WHERE org_id = ?",
      nextSeq: "SELECT coalesce(max(seq), 0) + 1 AS n FROM memberships",
      addMember: "INSERT INTO memberships (user_id, org_id, role, additional_roles, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)",
      joined: "INSERT INTO membership_events (org_id, user_id, kind, at) VALUES (?, ?, 'joined', ?)",
      deleteMemberships: "DELETE FROM memberships WHERE org_id = ?",
      deleteEvents: "DELETE FROM membership_events WHERE org_id = ?",
      deleteInvites: "DELETE FROM invites WHERE org_id = ?",
      deleteSso: "DELETE FROM sso_connections WHERE org_id = ?",
      deleteScimMembers: "DELETE FROM scim_group_members WHERE group_id IN (SELECT group_id FROM scim_groups WHERE org_id = ?)",
      deleteScimGroups: "DELETE FROM scim_groups WHERE org_id = ?",
      archiveKeys: "UPDATE api_keys SET archived_at = ? WHERE org_id = ? AND archived_at IS NULL",
      delete: "DELETE FROM orgs WHERE org_id = ?",
      setCanSetupSaml: "UPDATE orgs SET can_setup_saml = ? WHERE org_id = ?",
      removeMember: "DELETE FROM memberships WHERE user_id = ? AND org_id = ?",
      leaveScimGroups:
        "DELETE FROM scim_group_members WHERE user_id = ? AND group_id IN (SELECT group_id FROM scim_groups WHERE org_id = ?)",
      left: "INSERT INTO membership_events (org_id, user_id, kind, at) VALUES (?, ?, 'left', ?)",
      membershipsOf:
        "SELECT m.role, m.additional_roles, o.* FROM memberships m JOIN orgs o ON o.org_id = m.org_id WHERE m.user_id = ? ORDER BY m.seq",
      changeRole: "UPDATE memberships SET role = ?, additional_roles = ? WHERE user_id = ? AND org_id = ?",
    });
  }

  get(orgId: string): OrgRow | undefined {
    return this.cache.get("org", orgId, () => this.q.byId.get(orgId) as OrgRow | undefined);
  }

  insert(o: NewOrgRow): void {
    this.q.insert.run(
      o.org_id,
      o.name,
      o.url_safe_org_slug,
      o.can_setup_saml,
      o.domain,
      o.extra_domains,
      o.domain_autojoin,
      o.domain_restrict,
      o.max_users,
      o.metadata,
      o.custom_role_mapping_name,
      o.legacy_org_id,
      o.password_rotation_enabled,
      o.password_rotation_history_size,
      o.password_rotation_period,
      o.created_at,
    );
  }

  /** Sets the columns given (the others are left as they are). */
  update(orgId: string, fields: OrgUpdate): void {
    const columns = UPDATABLE.filter((c) => fields[c] !== undefined);
    if (!columns.length) return;
    const sets = columns.map((c) => `${c} = ?`).join(", ");
    this.db.prepare(`UPDATE orgs SET ${sets} WHERE org_id = ?`).run(...columns.map((c) => fields[c]), orgId);
  }

  /** A page of the organizations the filter covers, and how many there are in all. */
  query(filter: OrgFilter, limit: number, offset: number): { rows: OrgRow[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.name !== undefined && filter.name !== "") {
      where.push("name LIKE ? ESCAPE '\\'");
      args.push(contains(filter.name));
    }
    if (filter.legacyOrgId !== undefined) {
      where.push("legacy_org_id = ?");
      args.push(filter.legacyOrgId);
    }
    if (filter.domain !== undefined) {
      where.push("(domain = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM json_each(orgs.extra_domains) WHERE value = ? COLLATE NOCASE))");
      args.push(filter.domain, filter.domain);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const total = (this.db.prepare(`SELECT count(*) AS n FROM orgs ${clause}`).get(...args) as { n: number }).n;
    const order = ORDER_BY[filter.orderBy ?? "CREATED_AT_ASC"] ?? ORDER_BY.CREATED_AT_ASC;
    const rows = this.db.prepare(`SELECT * FROM orgs ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, limit, offset);
    return { rows: rows as OrgRow[], total };
  }

  /** A page of the organization's members (in one role when given) in the order they joined, and how many in all. */
  members(orgId: string, role: string | undefined, limit: number, offset: number): { rows: MemberRow[]; total: number } {
    const args: unknown[] = [orgId];
    let clause = "WHERE m.org_id = ?";
    if (role !== undefined) {
      clause += " AND m.role = ?";
      args.push(role);
    }
    const total = (this.db.prepare(`SELECT count(*) AS n FROM memberships m ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT u.*, m.role AS m_role, m.additional_roles AS m_additional FROM memberships m JOIN users u ON u.user_id = m.user_id
         ${clause} ORDER BY m.seq LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset);
    return { rows: rows as MemberRow[], total };
  }

  /** The organization, or 404. */
  require(orgId: string): OrgRow {
    const row = this.get(orgId);
    if (!row) throw notFound("organization");
    return row;
  }

  membership(userId: string, orgId: string): MembershipRow | undefined {
    return this.cache.get(
      "member",
      `${userId.length}:${userId}${orgId}`,
      () => this.q.membership.get(userId, orgId) as MembershipRow | undefined,
    );
  }

  memberCount(orgId: string): number {
    return (this.q.memberCount.get(orgId) as { n: number }).n;
  }

  addMember(org: OrgRow, userId: string, role: string, additional: string[], now: number) {
    const seq = (this.q.nextSeq.get() as { n: number }).n;
    this.q.addMember.run(userId, org.org_id, role, JSON.stringify(additional), now, seq);
    this.q.joined.run(org.org_id, userId, now);
  }

  setCanSetupSaml(orgId: string, value: Flag): void {
    this.q.setCanSetupSaml.run(value, orgId);
  }

  /** The user leaves the organization (and its SCIM groups). */
  removeMember(orgId: string, userId: string, now: number): void {
    this.q.removeMember.run(userId, orgId);
    this.q.leaveScimGroups.run(userId, orgId);
    this.q.left.run(orgId, userId, now);
  }

  /** The user's organizations, each with the user's role in it, in the order they joined. */
  membershipsOf(userId: string): (OrgRow & Pick<MembershipRow, "role" | "additional_roles">)[] {
    return this.q.membershipsOf.all(userId) as (OrgRow & Pick<MembershipRow, "role" | "additional_roles">)[];
  }

  changeRole(orgId: string, userId: string, role: string, additional: string[]): void {
    this.q.changeRole.run(role, JSON.stringify(additional), userId, orgId);
  }

  /** Deletes an organization and everything that hangs off it (its API keys are archived). */
  delete(orgId: string, now: number) {
    this.q.deleteMemberships.run(orgId);
    this.q.deleteEvents.run(orgId);
    this.q.deleteInvites.run(orgId);
    this.q.deleteSso.run(orgId);
    this.q.deleteScimMembers.run(orgId);
    this.q.deleteScimGroups.run(orgId);
    this.q.archiveKeys.run(now, orgId);
    this.q.delete.run(orgId);
  }
}
