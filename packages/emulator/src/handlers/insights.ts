import type { Operation, ParameterObject } from "@propelauth-openapi/spec";
import type { Row } from "../db.js";
import { badRequest } from "../errors.js";
import type { Project } from "../project.js";
import { type Handler, type HandlerContext, ok } from "./types.js";
import { pageInfo, paging } from "./util.js";

const DAY = 86400;

/**
 * Allowed `report_interval` values of each report, the first being the default: the document's
 * `x-propelauth-values-by-report-key` on the parameter, so the emulator and the document agree.
 */
function intervalsOf(op: Operation): Record<string, string[]> {
  const param = (op.operation.parameters ?? []).find((p) => "name" in p && p.name === "report_interval") as
    | (ParameterObject & { "x-propelauth-values-by-report-key"?: Record<string, string[]> })
    | undefined;
  const table = param?.["x-propelauth-values-by-report-key"];
  if (!table) throw new Error(`${op.operationId}: report_interval has no x-propelauth-values-by-report-key`);
  return table;
}

function windowOf(intervals: Record<string, string[]>, key: string, raw: unknown): { interval: string; seconds: number } {
  const allowed = intervals[key]!;
  const interval = raw === undefined ? allowed[0]! : String(raw);
  if (!allowed.includes(interval)) throw badRequest("report_interval", `The ${key} report takes one of ${allowed.join(", ")}`);
  const seconds = interval === "Weekly" ? 7 * DAY : interval === "Monthly" ? 30 * DAY : Number(interval) * DAY;
  return { interval, seconds };
}

interface Ranked {
  row: Row;
  extra: Record<string, unknown>;
}

function userReportRows(project: Project, key: string, since: number): Ranked[] {
  switch (key) {
    case "churn":
      return (project.sql("SELECT * FROM users WHERE last_active_at < ? ORDER BY last_active_at ASC, seq").all(since) as Row[]).map(
        (row) => ({
          row,
          extra: { days_inactive: Math.floor((project.now() - Number(row.last_active_at)) / DAY) },
        }),
      );
    case "reengagement":
      return (
        project
          .sql("SELECT * FROM users WHERE last_active_at >= ? AND created_at < ? ORDER BY last_active_at DESC, seq")
          .all(since, since) as Row[]
      ).map((row) => ({ row, extra: {} }));
    case "top_inviter":
      return (
        project
          .sql(
            `SELECT u.*, count(*) AS num_invites FROM invites i JOIN users u ON u.user_id = i.inviter_user_id
             WHERE i.created_at >= ? GROUP BY u.user_id ORDER BY num_invites DESC, u.seq`,
          )
          .all(since) as Row[]
      ).map((row) => ({ row, extra: { num_invites: row.num_invites } }));
    default:
      // champion: the users active in the window, those in the most organizations first.
      return (
        project
          .sql(
            `SELECT u.*, (SELECT count(*) FROM memberships m WHERE m.user_id = u.user_id) AS num_orgs FROM users u
             WHERE u.last_active_at >= ? ORDER BY num_orgs DESC, u.last_active_at DESC, u.seq`,
          )
          .all(since) as Row[]
      ).map((row) => ({ row, extra: { num_orgs: row.num_orgs } }));
  }
}

function orgReportRows(project: Project, key: string, since: number): Ranked[] {
  const members = "(SELECT count(*) FROM memberships m WHERE m.org_id = o.org_id)";
  const lastActive = "(SELECT max(u.last_active_at) FROM memberships m JOIN users u ON u.user_id = m.user_id WHERE m.org_id = o.org_id)";
  const events = (kind: string) =>
    `(SELECT count(*) FROM membership_events e WHERE e.org_id = o.org_id AND e.kind = '${kind}' AND e.at >= ?)`;
  const rows = (sql: string, ...args: unknown[]) => project.sql(sql).all(...args) as Row[];
  switch (key) {
    case "growth":
      return rows(
        `SELECT o.*, ${members} AS num_users, ${events("joined")} AS n FROM orgs o WHERE n > 0 ORDER BY n DESC, o.seq`,
        since,
      ).map((row) => ({
        row,
        extra: { new_users: row.n },
      }));
    case "attrition":
      return rows(`SELECT o.*, ${members} AS num_users, ${events("left")} AS n FROM orgs o WHERE n > 0 ORDER BY n DESC, o.seq`, since).map(
        (row) => ({
          row,
          extra: { users_lost: row.n },
        }),
      );
    case "churn":
      return rows(
        `SELECT o.*, ${members} AS num_users, ${lastActive} AS last_active FROM orgs o WHERE num_users > 0 AND last_active < ? ORDER BY last_active, o.seq`,
        since,
      ).map((row) => ({ row, extra: { last_active_at: row.last_active } }));
    default:
      return rows(
        `SELECT o.*, ${members} AS num_users, ${lastActive} AS last_active FROM orgs o WHERE last_active >= ? AND o.created_at < ? ORDER BY last_active DESC, o.seq`,
        since,
        since,
      ).map((row) => ({ row, extra: { last_active_at: row.last_active } }));
  }
}

function isoDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function dayStart(text: string): number {
  return Date.parse(`${text}T00:00:00Z`) / 1000;
}

/** The first day of each period from `start` to `end` (inclusive), and the first day after it. */
function periods(start: number, end: number, cadence: string): { from: number; to: number }[] {
  const result: { from: number; to: number }[] = [];
  let from = start;
  while (from <= end) {
    let to: number;
    if (cadence === "Monthly") {
      const d = new Date(from * 1000);
      to = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    } else to = from + (cadence === "Weekly" ? 7 : 1) * DAY;
    result.push({ from, to });
    from = to;
  }
  return result;
}

const CHART_QUERIES: Record<string, string> = {
  signups: "SELECT count(*) AS n FROM users WHERE created_at >= ? AND created_at < ?",
  orgs_created: "SELECT count(*) AS n FROM orgs WHERE created_at >= ? AND created_at < ?",
  active_users: "SELECT count(*) AS n FROM users WHERE last_active_at >= ? AND last_active_at < ?",
  active_orgs: `SELECT count(DISTINCT m.org_id) AS n FROM memberships m JOIN users u ON u.user_id = m.user_id
                WHERE u.last_active_at >= ? AND u.last_active_at < ?`,
};

const pascal = (snake: string) => snake.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/**
 * The page of a report asked for: the window from `report_interval`, the rows ranked in it, the
 * report's id, and the envelope's counts and paging fields.
 */
function reportPage(
  intervals: Record<string, string[]>,
  rowsOf: (project: Project, key: string, since: number) => Ranked[],
  { project, path, query }: HandlerContext,
) {
  const key = path.report_key!;
  const { interval, seconds } = windowOf(intervals, key, query.report_interval);
  const now = project.now();
  const all = rowsOf(project, key, now - seconds);
  const p = paging(query);
  return {
    page: all.slice(p.offset, p.offset + p.size),
    reportId: `${key}-${interval}-${now}`,
    envelope: { total_count: all.length, report_time: now, ...pageInfo(p, all.length) },
  };
}

export const insightHandlers: Record<string, Handler> = {
  fetchUserReport: (context) => {
    const { project } = context;
    const { page, reportId, envelope } = reportPage(intervalsOf(context.op), userReportRows, context);
    const user_reports = page.map(({ row, extra }) => {
      const orgs = project
        .sql("SELECT o.name, o.org_id, m.role FROM memberships m JOIN orgs o ON o.org_id = m.org_id WHERE m.user_id = ? ORDER BY m.seq")
        .all(row.user_id) as Row[];
      return {
        id: `${reportId}-${row.user_id}`,
        report_id: reportId,
        user_id: row.user_id,
        email: row.email,
        user_created_at: row.created_at,
        last_active_at: row.last_active_at,
        username: row.username ?? null,
        first_name: row.first_name ?? null,
        last_name: row.last_name ?? null,
        org_data: orgs.map((o) => ({ display_name: o.name, org_id: o.org_id, user_role: o.role })),
        extra_properties: extra,
      };
    });
    return ok({ user_reports, ...envelope });
  },

  fetchOrgReport: (context) => {
    const { page, reportId, envelope } = reportPage(intervalsOf(context.op), orgReportRows, context);
    const org_reports = page.map(({ row, extra }) => ({
      id: `${reportId}-${row.org_id}`,
      report_id: reportId,
      org_id: row.org_id,
      name: row.name,
      num_users: row.num_users,
      org_created_at: row.created_at,
      extra_properties: extra,
    }));
    return ok({ org_reports, ...envelope });
  },

  fetchChartMetrics: ({ project, path, query }) => {
    const cadence = typeof query.cadence === "string" ? query.cadence : "Daily";
    const today = dayStart(project.today());
    const end = typeof query.end_date === "string" ? dayStart(query.end_date) : today;
    const start = typeof query.start_date === "string" ? dayStart(query.start_date) : end - 30 * DAY;
    if (Number.isNaN(start)) throw badRequest("start_date", "Must be a date (YYYY-MM-DD)");
    if (Number.isNaN(end)) throw badRequest("end_date", "Must be a date (YYYY-MM-DD)");
    if (start > end) throw badRequest("start_date", "Must not be after end_date");
    if ((end - start) / DAY > 3660) throw badRequest("start_date", "The range may cover at most ten years");
    const sql = CHART_QUERIES[path.chart_metric!]!;
    const metrics = periods(start, end, cadence).map(({ from, to }) => ({
      date: isoDay(from),
      result: (project.sql(sql).get(from, to) as { n: number }).n,
      cadence_completed: to <= today,
    }));
    return ok({ chart_type: pascal(path.chart_metric!), cadence, metrics });
  },
};
