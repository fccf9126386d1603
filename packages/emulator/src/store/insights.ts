// The Insights reports and charts: read-only rankings and counts over `users`, `orgs`,
// `memberships`, `membership_events` and `invites`.
import type { Db } from "../db.js";
import type { OrgRow } from "./orgs.js";
import { prepared } from "./prepared.js";
import type { UserRow } from "./users.js";

/** A user report's row: the user, with the figure its report ranks by (when it has one). */
export type UserReportRow = UserRow & { num_invites?: number; num_orgs?: number };

/** An organization report's row: the organization, its member count, and the figure its report ranks by. */
export type OrgReportRow = OrgRow & { num_users: number; n?: number; last_active?: number };

export type UserReportKey = "churn" | "reengagement" | "top_inviter" | "champion";
export type OrgReportKey = "growth" | "attrition" | "churn" | "reengagement";
export type ChartMetric = "signups" | "orgs_created" | "active_users" | "active_orgs";

const MEMBERS = "(SELECT count(*) FROM memberships m WHERE m.org_id = o.org_id)";
const LAST_ACTIVE = "(SELECT max(u.last_active_at) FROM memberships m JOIN users u ON u.user_id = m.user_id WHERE m.org_id = o.org_id)";
const EVENTS = (kind: "joined" | "left") =>
  `(SELECT count(*) FROM membership_events e WHERE e.org_id = o.org_id AND e.kind = '${kind}' AND e.at >= ?)`;

export class Insights {
  private readonly users;
  private readonly orgs;
  private readonly charts;

  constructor(db: Db) {
    // Each report's ranking; every `?` is the start of the report's window.
    this.users = prepared(db, {
      churn: "SELECT * FROM users WHERE last_active_at < ? ORDER BY last_active_at ASC, seq",
      reengagement: "SELECT * FROM users WHERE last_active_at >= ? AND created_at < ? ORDER BY last_active_at DESC, seq",
      top_inviter: `SELECT u.*, count(*) AS num_invites FROM invites i JOIN users u ON u.user_id = i.inviter_user_id
             WHERE i.created_at >= ? GROUP BY u.user_id ORDER BY num_invites DESC, u.seq`,
      // The users active in the window, those in the most organizations first.
      champion: `SELECT u.*, (SELECT count(*) FROM memberships m WHERE m.user_id = u.user_id) AS num_orgs FROM users u
             WHERE u.last_active_at >= ? ORDER BY num_orgs DESC, u.last_active_at DESC, u.seq`,
    });
    this.orgs = prepared(db, {
      growth: `SELECT o.*, ${MEMBERS} AS num_users, ${EVENTS("joined")} AS n FROM orgs o WHERE n > 0 ORDER BY n DESC, o.seq`,
      attrition: `SELECT o.*, ${MEMBERS} AS num_users, ${EVENTS("left")} AS n FROM orgs o WHERE n > 0 ORDER BY n DESC, o.seq`,
      churn: `SELECT o.*, ${MEMBERS} AS num_users, ${LAST_ACTIVE} AS last_active FROM orgs o WHERE num_users > 0 AND last_active < ? ORDER BY last_active, o.seq`,
      reengagement: `SELECT o.*, ${MEMBERS} AS num_users, ${LAST_ACTIVE} AS last_active FROM orgs o WHERE last_active >= ? AND o.created_at < ? ORDER BY last_active DESC, o.seq`,
    });
    // Each chart's count in the period [from, to).
    this.charts = prepared(db, {
      signups: "SELECT count(*) AS n FROM users WHERE created_at >= ? AND created_at < ?",
      orgs_created: "SELECT count(*) AS n FROM orgs WHERE created_at >= ? AND created_at < ?",
      active_users: "SELECT count(*) AS n FROM users WHERE last_active_at >= ? AND last_active_at < ?",
      active_orgs: `SELECT count(DISTINCT m.org_id) AS n FROM memberships m JOIN users u ON u.user_id = m.user_id
                WHERE u.last_active_at >= ? AND u.last_active_at < ?`,
    });
  }

  /** The users a report ranks, in its order, for the window starting at `since` (the document's keys; any other: champion). */
  userReport(key: string, since: number): UserReportRow[] {
    const known: UserReportKey = Object.hasOwn(this.users, key) ? (key as UserReportKey) : "champion";
    const statement = this.users[known];
    return (known === "reengagement" ? statement.all(since, since) : statement.all(since)) as UserReportRow[];
  }

  /** The organizations a report ranks, in its order, for the window starting at `since` (any other key: reengagement). */
  orgReport(key: string, since: number): OrgReportRow[] {
    const known: OrgReportKey = Object.hasOwn(this.orgs, key) ? (key as OrgReportKey) : "reengagement";
    const statement = this.orgs[known];
    return (known === "reengagement" ? statement.all(since, since) : statement.all(since)) as OrgReportRow[];
  }

  /** A chart's figure for the period from `from` to just before `to`. */
  chart(metric: ChartMetric, from: number, to: number): number {
    return (this.charts[metric].get(from, to) as { n: number }).n;
  }
}
