// The operations tagged "Insights" in the document.
import type { Operation, ParameterObject } from "@propelauth-openapi/spec";
import { badRequest } from "../errors.js";
import type { Project } from "../project.js";
import type { ChartMetric, OrgReportRow, UserReportRow } from "../store/insights.js";
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

interface Ranked<R> {
  row: R;
  extra: Record<string, unknown>;
}

function userReportRows(project: Project, key: string, since: number): Ranked<UserReportRow>[] {
  const rows = project.store.insights.userReport(key, since);
  switch (key) {
    case "churn":
      return rows.map((row) => ({ row, extra: { days_inactive: Math.floor((project.now() - row.last_active_at) / DAY) } }));
    case "reengagement":
      return rows.map((row) => ({ row, extra: {} }));
    case "top_inviter":
      return rows.map((row) => ({ row, extra: { num_invites: row.num_invites } }));
    default:
      return rows.map((row) => ({ row, extra: { num_orgs: row.num_orgs } }));
  }
}

function orgReportRows(project: Project, key: string, since: number): Ranked<OrgReportRow>[] {
  const rows = project.store.insights.orgReport(key, since);
  switch (key) {
    case "growth":
      return rows.map((row) => ({ row, extra: { new_users: row.n } }));
    case "attrition":
      return rows.map((row) => ({ row, extra: { users_lost: row.n } }));
    default:
      return rows.map((row) => ({ row, extra: { last_active_at: row.last_active } }));
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

const pascal = (snake: string) => snake.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/**
 * The page of a report asked for: the window from `report_interval`, the rows ranked in it, the
 * report's id, and the envelope's counts and paging fields.
 */
function reportPage<R>(
  intervals: Record<string, string[]>,
  rowsOf: (project: Project, key: string, since: number) => Ranked<R>[],
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

export const insightsHandlers: Record<string, Handler> = {
  fetchUserReport: (context) => {
    const { project } = context;
    const { page, reportId, envelope } = reportPage(intervalsOf(context.op), userReportRows, context);
    const user_reports = page.map(({ row, extra }) => {
      const orgs = project.store.orgs.membershipsOf(row.user_id);
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
    const metric = path.chart_metric as ChartMetric;
    const metrics = periods(start, end, cadence).map(({ from, to }) => ({
      date: isoDay(from),
      result: project.store.insights.chart(metric, from, to),
      cadence_completed: to <= today,
    }));
    return ok({ chart_type: pascal(path.chart_metric!), cadence, metrics });
  },
};
