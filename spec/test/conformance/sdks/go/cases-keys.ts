// End-user API keys and insights, as the Go SDK v0.27.1 builds them (pkg/client.go, request
// structs in pkg/models/api_key.go, user_insights.go).
import type { ReplayCase } from "../../replay/types.js";
import { API_KEY_ID, API_KEY_TOKEN, ORG_ID, USER_ID } from "../ids.js";
import { go } from "./source.js";

const V1 = "/api/backend/v1";
const keyFilters = `org_id=${ORG_ID}&page_number=0&page_size=10&user_email=ada%40example.com&user_id=${USER_ID}`;

/** The eight report methods: same query, one fixed path each. */
const reports: [fn: string, operationId: string, path: string, interval: string][] = [
  ["FetchUserTopInviterReport", "fetchUserReport", "user_report/top_inviter", "30"],
  ["FetchUserChampionReport", "fetchUserReport", "user_report/champion", "60"],
  ["FetchUserChurnReport", "fetchUserReport", "user_report/churn", "7"],
  ["FetchUserReengagementReport", "fetchUserReport", "user_report/reengagement", "Weekly"],
  ["FetchOrgGrowthReport", "fetchOrgReport", "org_report/growth", "90"],
  ["FetchOrgAttritionReport", "fetchOrgReport", "org_report/attrition", "30"],
  ["FetchOrgChurnReport", "fetchOrgReport", "org_report/churn", "14"],
  ["FetchOrgReengagementReport", "fetchOrgReport", "org_report/reengagement", "Monthly"],
];

export const goKeyCases: ReplayCase[] = [
  { source: go("FetchAPIKey"), operationId: "fetchApiKey", method: "GET", path: `${V1}/end_user_api_keys/${API_KEY_ID}` },
  {
    source: go("CreateAPIKey"),
    variant: "every field",
    operationId: "createApiKey",
    method: "POST",
    path: `${V1}/end_user_api_keys`,
    body: { org_id: ORG_ID, user_id: USER_ID, expires_at_seconds: 1798761600, metadata: { purpose: "ci" }, display_name: "Ada's CI key" },
  },
  {
    source: go("CreateAPIKey"),
    variant: "no fields",
    operationId: "createApiKey",
    method: "POST",
    path: `${V1}/end_user_api_keys`,
    body: {},
  },
  {
    source: go("ImportAPIKey"),
    operationId: "importApiKey",
    method: "POST",
    path: `${V1}/end_user_api_keys/import`,
    body: {
      imported_api_key: "sk_live_legacy_51HxYz",
      org_id: ORG_ID,
      expires_at_seconds: 1798761600,
      metadata: { source: "legacy" },
      display_name: "Imported key",
    },
  },
  {
    source: go("UpdateAPIKey"),
    variant: "expiry and metadata",
    operationId: "updateApiKey",
    method: "PATCH",
    path: `${V1}/end_user_api_keys/${API_KEY_ID}`,
    body: { expires_at_seconds: 1798761600, metadata: { purpose: "ci" } },
  },
  {
    source: go("UpdateAPIKey"),
    variant: "never expire",
    operationId: "updateApiKey",
    method: "PATCH",
    path: `${V1}/end_user_api_keys/${API_KEY_ID}`,
    body: { set_to_never_expire: true },
  },
  { source: go("DeleteAPIKey"), operationId: "deleteApiKey", method: "DELETE", path: `${V1}/end_user_api_keys/${API_KEY_ID}` },
  {
    source: go("FetchCurrentAPIKeys"),
    variant: "every filter",
    operationId: "fetchCurrentApiKeys",
    method: "GET",
    path: `${V1}/end_user_api_keys`,
    query: keyFilters,
  },
  {
    source: go("FetchCurrentAPIKeys"),
    variant: "no filters",
    operationId: "fetchCurrentApiKeys",
    method: "GET",
    path: `${V1}/end_user_api_keys`,
    query: "",
  },
  {
    source: go("FetchArchivedAPIKeys"),
    operationId: "fetchArchivedApiKeys",
    method: "GET",
    path: `${V1}/end_user_api_keys/archived`,
    query: keyFilters,
  },
  ...["ValidateAPIKey", "ValidatePersonalAPIKey", "ValidateOrgAPIKey"].map(
    (fn): ReplayCase => ({
      source: go(fn),
      operationId: "validateApiKey",
      method: "POST",
      path: `${V1}/end_user_api_keys/validate`,
      body: { api_key_token: API_KEY_TOKEN },
    }),
  ),
  {
    source: go("ValidateImportedAPIKey"),
    operationId: "validateImportedApiKey",
    method: "POST",
    path: `${V1}/end_user_api_keys/validate_imported`,
    body: { api_key_token: "sk_live_legacy_51HxYz" },
  },
  {
    source: go("FetchAPIKeyUsage"),
    variant: "every filter",
    operationId: "fetchApiKeyUsage",
    method: "GET",
    path: `${V1}/end_user_api_keys/usage`,
    query: `api_key_id=${API_KEY_ID}&date=2026-11-30&org_id=${ORG_ID}&user_id=${USER_ID}`,
  },
  {
    source: go("FetchAPIKeyUsage"),
    variant: "date only",
    operationId: "fetchApiKeyUsage",
    method: "GET",
    path: `${V1}/end_user_api_keys/usage`,
    query: "date=2026-11-30",
  },
  ...reports.flatMap(([fn, operationId, path, interval]): ReplayCase[] => [
    {
      source: go(fn),
      variant: "interval and page",
      operationId,
      method: "GET",
      path: `${V1}/${path}`,
      query: `page_number=0&page_size=10&report_interval=${interval}`,
    },
    { source: go(fn), variant: "defaults", operationId, method: "GET", path: `${V1}/${path}`, query: "" },
  ]),
  {
    source: go("FetchChartMetricData"),
    variant: "cadence and range",
    operationId: "fetchChartMetrics",
    method: "GET",
    path: `${V1}/chart_metrics/signups`,
    query: "cadence=Weekly&end_date=2026-11-30&start_date=2026-11-01",
  },
  {
    source: go("FetchChartMetricData"),
    variant: "defaults",
    operationId: "fetchChartMetrics",
    method: "GET",
    path: `${V1}/chart_metrics/active_users`,
    query: "",
  },
];
