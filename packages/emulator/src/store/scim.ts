// The `scim_groups` and `scim_group_members` tables: groups an identity provider pushed over SCIM.
import type { Db } from "../db.js";
import { prepared } from "./prepared.js";

export type ScimGroupRow = {
  seq: number;
  group_id: string;
  org_id: string;
  display_name: string;
  external_id_from_idp: string | null;
};

export class ScimGroups {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = prepared(db, {
      insert: "INSERT INTO scim_groups (group_id, org_id, display_name, external_id_from_idp) VALUES (?, ?, ?, ?)",
      addMember: "INSERT OR IGNORE INTO scim_group_members (group_id, user_id, seq) VALUES (?, ?, ?)",
      get: "SELECT * FROM scim_groups WHERE org_id = ? AND group_id = ?",
      members: "SELECT user_id FROM scim_group_members WHERE group_id = ? ORDER BY seq LIMIT ? OFFSET ?",
    });
  }

  insert(groupId: string, orgId: string, displayName: string, externalId: string | null): void {
    this.q.insert.run(groupId, orgId, displayName, externalId);
  }

  addMember(groupId: string, userId: string, seq: number): void {
    this.q.addMember.run(groupId, userId, seq);
  }

  get(orgId: string, groupId: string): ScimGroupRow | undefined {
    return this.q.get.get(orgId, groupId) as ScimGroupRow | undefined;
  }

  /** A page of the group's members' ids, in the order they were pushed. */
  members(groupId: string, limit: number, offset: number): string[] {
    return this.q.members.all(groupId, limit, offset).map((m) => m.user_id as string);
  }

  /** A page of the organization's groups (those holding `userId` when given), and how many in all. */
  ofOrg(orgId: string, userId: string | undefined, limit: number, offset: number): { rows: ScimGroupRow[]; total: number } {
    const args: unknown[] = [orgId];
    let clause = "WHERE g.org_id = ?";
    if (userId !== undefined) {
      clause += " AND EXISTS (SELECT 1 FROM scim_group_members m WHERE m.group_id = g.group_id AND m.user_id = ?)";
      args.push(userId);
    }
    const total = (this.db.prepare(`SELECT count(*) AS n FROM scim_groups g ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM scim_groups g ${clause} ORDER BY g.seq LIMIT ? OFFSET ?`).all(...args, limit, offset);
    return { rows: rows as ScimGroupRow[], total };
  }
}
