// The `custom_role_mappings` table: the role sets organizations can subscribe to.
import { type Db, json } from "../db.js";
import { DEFAULT_ROLES, type RoleSet, SEEDED_ROLE_MAPPINGS } from "../roles.js";
import type { RowCache } from "./cache.js";
import { prepared } from "./prepared.js";

export class RoleMappings {
  private readonly q;

  constructor(
    db: Db,
    private readonly cache: RowCache,
  ) {
    this.q = prepared(db, {
      roles: "SELECT roles FROM custom_role_mappings WHERE name = ?",
      exists: "SELECT 1 FROM custom_role_mappings WHERE name = ?",
      seed: "INSERT OR IGNORE INTO custom_role_mappings (name, roles, seq) VALUES (?, ?, ?)",
      withCounts: `SELECT m.name, (SELECT count(*) FROM orgs o WHERE o.custom_role_mapping_name = m.name) AS n
         FROM custom_role_mappings m ORDER BY m.seq, m.name`,
    });
  }

  /** The roles of an organization: its mapping's, or the project's defaults. */
  setOf(org: { custom_role_mapping_name?: unknown } | undefined): RoleSet {
    const name = org?.custom_role_mapping_name;
    if (typeof name !== "string") return DEFAULT_ROLES;
    return this.cache.get("roles", name, () => {
      const row = this.q.roles.get(name);
      return row ? json.parse<RoleSet>(row.roles, DEFAULT_ROLES) : DEFAULT_ROLES;
    });
  }

  exists(name: string): boolean {
    return this.q.exists.get(name) !== undefined;
  }

  /** The mappings a new project starts with (kept when already there). */
  seed(): void {
    SEEDED_ROLE_MAPPINGS.forEach(([name, roles], i) => {
      this.q.seed.run(name, JSON.stringify(roles), i);
    });
  }

  /** Each mapping's name and how many organizations use it, in the order they were added. */
  withCounts(): { name: string; n: number }[] {
    return this.q.withCounts.all() as { name: string; n: number }[];
  }
}
