// The `sso_connections` table: one identity provider (SAML or OIDC) per organization, in test mode
// until it goes live.
import type { Db } from "../db.js";
import type { RowCache } from "./cache.js";
import { prepared } from "./prepared.js";
import type { Flag } from "./users.js";

export type SsoRow = {
  org_id: string;
  kind: "saml" | "oidc";
  /** JSON: the identity provider's details. */
  config: string;
  live: Flag;
  updated_at: number;
};

export class SsoConnections {
  private readonly q;

  constructor(
    db: Db,
    private readonly cache: RowCache,
  ) {
    this.q = prepared(db, {
      byOrg: "SELECT * FROM sso_connections WHERE org_id = ?",
      set: `INSERT INTO sso_connections (org_id, kind, config, live, updated_at) VALUES (?, ?, ?, 0, ?)
       ON CONFLICT (org_id) DO UPDATE SET kind = excluded.kind, config = excluded.config, live = 0, updated_at = excluded.updated_at`,
      insert: "INSERT INTO sso_connections (org_id, kind, config, live, updated_at) VALUES (?, ?, ?, ?, ?)",
      goLive: "UPDATE sso_connections SET live = 1, updated_at = ? WHERE org_id = ?",
      delete: "DELETE FROM sso_connections WHERE org_id = ?",
    });
  }

  get(orgId: string): SsoRow | undefined {
    return this.cache.get("sso", orgId, () => this.q.byOrg.get(orgId) as SsoRow | undefined);
  }

  /** Sets the organization's identity provider, back in test mode. */
  set(orgId: string, kind: "saml" | "oidc", config: object, now: number): void {
    this.q.set.run(orgId, kind, JSON.stringify(config), now);
  }

  /** A connection as it was stored, live or in test mode (seeding from the examples). */
  insert(row: SsoRow): void {
    this.q.insert.run(row.org_id, row.kind, row.config, row.live, row.updated_at);
  }

  goLive(orgId: string, now: number): void {
    this.q.goLive.run(now, orgId);
  }

  /** False when the organization had none. */
  delete(orgId: string): boolean {
    return this.q.delete.run(orgId).changes > 0;
  }
}
