// The `invites` table: pending invitations to an organization, one per organization and email.
import type { Db } from "../db.js";
import { prepared } from "./prepared.js";

export type InviteRow = {
  seq: number;
  org_id: string;
  invitee_email: string;
  role: string;
  /** JSON array of role names. */
  additional_roles: string;
  created_at: number;
  expires_at: number;
  inviter_email: string | null;
  inviter_user_id: string | null;
};

export class Invites {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = prepared(db, {
      set: `INSERT INTO invites (org_id, invitee_email, role, additional_roles, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (org_id, invitee_email) DO UPDATE SET role = excluded.role, additional_roles = excluded.additional_roles,
         created_at = excluded.created_at, expires_at = excluded.expires_at`,
      insert: `INSERT INTO invites (org_id, invitee_email, role, additional_roles, created_at, expires_at, inviter_email, inviter_user_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      get: "SELECT * FROM invites WHERE org_id = ? AND invitee_email = ?",
      delete: "DELETE FROM invites WHERE org_id = ? AND invitee_email = ?",
      deleteBySeq: "DELETE FROM invites WHERE seq = ?",
    });
  }

  /** Creates the invitation, or renews it with the new role and lifetime. */
  set(orgId: string, email: string, role: string, additional: string[], now: number, expiresAt: number): void {
    this.q.set.run(orgId, email, role, JSON.stringify(additional), now, expiresAt);
  }

  /** An invitation as it was stored, with who sent it (seeding from the examples). */
  insert(i: Omit<InviteRow, "seq">): void {
    this.q.insert.run(
      i.org_id,
      i.invitee_email,
      i.role,
      i.additional_roles,
      i.created_at,
      i.expires_at,
      i.inviter_email,
      i.inviter_user_id,
    );
  }

  get(orgId: unknown, email: unknown): InviteRow | undefined {
    return this.q.get.get(orgId, email) as InviteRow | undefined;
  }

  /** False when there was none. */
  delete(orgId: unknown, email: unknown): boolean {
    return this.q.delete.run(orgId, email).changes > 0;
  }

  deleteBySeq(seq: number): void {
    this.q.deleteBySeq.run(seq);
  }

  /** A page of unexpired invitations (of one organization when given), with the organization's name. */
  pending(
    now: number,
    orgId: string | undefined,
    limit: number,
    offset: number,
  ): { rows: (InviteRow & { org_name: string })[]; total: number } {
    const args: unknown[] = [now];
    let clause = "WHERE i.expires_at > ?";
    if (orgId !== undefined) {
      clause += " AND i.org_id = ?";
      args.push(orgId);
    }
    const total = (this.db.prepare(`SELECT count(*) AS n FROM invites i ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT i.*, o.name AS org_name FROM invites i JOIN orgs o ON o.org_id = i.org_id ${clause} ORDER BY i.seq LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as (InviteRow & { org_name: string })[];
    return { rows, total };
  }
}
