import {
  AttritionReportInterval,
  ChartMetric,
  ChartMetricCadence,
  ChurnReportInterval,
  GrowthReportInterval,
  ReengagementReportInterval,
  TopInviterReportInterval,
} from "@propelauth/node-apis";
import { describe, expect } from "vitest";
import { type ConformanceCase, conformance } from "./harness.js";

const V1 = "/api/backend/v1";

interface WirePage {
  current_page: number;
  total_count: number;
  page_size: number;
  has_more_results: boolean;
  report_time: number;
}
interface Page {
  currentPage: number;
  totalCount: number;
  pageSize: number;
  hasMoreResults: boolean;
  reportTime: number;
}

const samePage = (r: Page, s: WirePage) =>
  expect([r.currentPage, r.totalCount, r.pageSize, r.hasMoreResults, r.reportTime]).toEqual([
    s.current_page,
    s.total_count,
    s.page_size,
    s.has_more_results,
    s.report_time,
  ]);

/** The SDK camelCases every key it gets, even those of `extra_properties` (`num_invites` -> `numInvites`). */
const camelKeys = (obj: unknown) =>
  Object.fromEntries(Object.entries(obj as object).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));

/** The user records come back camelCased, with their organizations and extra figures. */
const returnsUserReport = (result: unknown, served: unknown) => {
  const r = result as Page & {
    userReports: { userId: string; email: string; userCreatedAt: number; orgData?: { orgId: string }[]; extraProperties: unknown }[];
  };
  const s = served as WirePage & {
    user_reports: { user_id: string; email: string; user_created_at: number; org_data?: { org_id: string }[]; extra_properties: unknown }[];
  };
  samePage(r, s);
  expect(r.userReports.map((u) => [u.userId, u.email, u.userCreatedAt, u.orgData?.map((o) => o.orgId), u.extraProperties])).toEqual(
    s.user_reports.map((u) => [u.user_id, u.email, u.user_created_at, u.org_data?.map((o) => o.org_id), camelKeys(u.extra_properties)]),
  );
};

const returnsOrgReport = (result: unknown, served: unknown) => {
  const r = result as Page & { orgReports: { orgId: string; name: string; numUsers: number; orgCreatedAt: number }[] };
  const s = served as WirePage & { org_reports: { org_id: string; name: string; num_users: number; org_created_at: number }[] };
  samePage(r, s);
  expect(r.orgReports.map((o) => [o.orgId, o.name, o.numUsers, o.orgCreatedAt])).toEqual(
    s.org_reports.map((o) => [o.org_id, o.name, o.num_users, o.org_created_at]),
  );
};

const userReport = (key: string): Pick<ConformanceCase, "operationId" | "path" | "check"> => ({
  operationId: "fetchUserReport",
  path: `${V1}/user_report/${key}`,
  check: returnsUserReport,
});
const orgReport = (key: string): Pick<ConformanceCase, "operationId" | "path" | "check"> => ({
  operationId: "fetchOrgReport",
  path: `${V1}/org_report/${key}`,
  check: returnsOrgReport,
});

const cases: ConformanceCase[] = [
  {
    fn: "fetchUserTopInviterReport",
    ...userReport("top_inviter"),
    call: (api) => api.fetchUserTopInviterReport(TopInviterReportInterval.SIXTY_DAYS, { pageSize: 10, pageNumber: 0 }),
    query: { report_interval: "60", page_size: "10", page_number: "0" },
  },
  {
    fn: "fetchUserChampionReport",
    ...userReport("champion"),
    call: (api) => api.fetchUserChampionReport(),
    query: {},
  },
  {
    fn: "fetchUserReengagementReport",
    ...userReport("reengagement"),
    call: (api) => api.fetchUserReengagementReport(ReengagementReportInterval.MONTHLY),
    query: { report_interval: "Monthly" },
  },
  {
    fn: "fetchUserChurnReport",
    ...userReport("churn"),
    call: (api) => api.fetchUserChurnReport(ChurnReportInterval.FOURTEEN_DAYS, { pageNumber: 2 }),
    query: { report_interval: "14", page_number: "2" },
  },
  {
    fn: "fetchOrgReengagementReport",
    ...orgReport("reengagement"),
    call: (api) => api.fetchOrgReengagementReport(ReengagementReportInterval.WEEKLY, { pageSize: 25 }),
    query: { report_interval: "Weekly", page_size: "25" },
  },
  {
    fn: "fetchOrgChurnReport",
    ...orgReport("churn"),
    call: (api) => api.fetchOrgChurnReport(ChurnReportInterval.SEVEN_DAYS),
    query: { report_interval: "7" },
  },
  {
    fn: "fetchOrgGrowthReport",
    ...orgReport("growth"),
    call: (api) => api.fetchOrgGrowthReport(GrowthReportInterval.NINETY_DAYS, { pageSize: 10, pageNumber: 1 }),
    query: { report_interval: "90", page_size: "10", page_number: "1" },
  },
  {
    fn: "fetchOrgAttritionReport",
    ...orgReport("attrition"),
    call: (api) => api.fetchOrgAttritionReport(AttritionReportInterval.THIRTY_DAYS),
    query: { report_interval: "30" },
  },
  {
    fn: "fetchChartMetricData",
    operationId: "fetchChartMetrics",
    // The SDK sends each date as its UTC day.
    call: (api) =>
      api.fetchChartMetricData(
        ChartMetric.ACTIVE_ORGS,
        ChartMetricCadence.WEEKLY,
        new Date("2024-04-01T23:30:00Z"),
        new Date("2024-04-28T00:00:00Z"),
      ),
    path: `${V1}/chart_metrics/active_orgs`,
    query: { cadence: "Weekly", start_date: "2024-04-01", end_date: "2024-04-28" },
    check: (result, served) => {
      const r = result as { chartType: string; cadence: string; metrics: { date: string; result: number; cadenceCompleted: boolean }[] };
      const s = served as { chart_type: string; cadence: string; metrics: { date: string; result: number; cadence_completed: boolean }[] };
      expect([r.chartType, r.cadence]).toEqual([s.chart_type, s.cadence]);
      expect(r.metrics).toEqual(s.metrics.map((m) => ({ date: m.date, result: m.result, cadenceCompleted: m.cadence_completed })));
    },
  },
  {
    fn: "fetchChartMetricData",
    variant: "no dates",
    operationId: "fetchChartMetrics",
    call: (api) => api.fetchChartMetricData(ChartMetric.SIGNUPS, ChartMetricCadence.DAILY),
    path: `${V1}/chart_metrics/signups`,
    query: { cadence: "Daily" },
    check: (result, served) =>
      expect((result as { metrics: unknown[] }).metrics).toHaveLength((served as { metrics: unknown[] }).metrics.length),
  },
];

describe("official Node SDK conformance: insights", () => {
  conformance(cases);
});
