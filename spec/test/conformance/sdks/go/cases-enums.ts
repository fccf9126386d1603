// Every value of the Go SDK's request enumerations, each sent once: the constants of
// SocialLoginTokenProvider (pkg/models/user.go), the SAML providers SetSamlIdpMetadata accepts,
// the report intervals, chart metrics and cadences pkg/client.go checks before sending.
import type { ReplayCase } from "../../replay/types.js";
import { CERTIFICATE, ORG_ID, USER_ID } from "../ids.js";
import { go } from "./source.js";

const V1 = "/api/backend/v1";
const providers = [
  "apple",
  "google",
  "github",
  "microsoft",
  "slack",
  "salesforce",
  "linkedin",
  "outreach",
  "quickbooks",
  "xero",
  "salesloft",
  "atlassian",
  "gitlab",
];
const samlProviders = ["Google", "Rippling", "OneLogin", "JumpCloud", "Okta", "Azure", "Duo", "Generic"];
const intervals: [fn: string, path: string, values: string[]][] = [
  ["FetchUserTopInviterReport", "user_report/top_inviter", ["30", "60", "90"]],
  ["FetchUserChurnReport", "user_report/churn", ["7", "14", "30"]],
  ["FetchUserReengagementReport", "user_report/reengagement", ["Weekly", "Monthly"]],
];

export const goEnumCases: ReplayCase[] = [
  ...providers.map(
    (provider): ReplayCase => ({
      source: go("FetchFreshTokenFromProvider"),
      variant: `SocialLoginTokenProvider ${provider}`,
      operationId: "fetchFreshOAuthToken",
      method: "GET",
      path: `${V1}/user/${USER_ID}/${provider}/fresh_token`,
    }),
  ),
  ...samlProviders.map(
    (provider): ReplayCase => ({
      source: go("SetSamlIdpMetadata"),
      variant: `provider ${provider}`,
      operationId: "setSamlIdpMetadata",
      method: "POST",
      path: `${V1}/saml_idp_metadata`,
      body: {
        org_id: ORG_ID,
        idp_entity_id: "urn:idp",
        idp_sso_url: "https://idp.example.com/sso",
        idp_certificate: CERTIFICATE,
        provider,
      },
    }),
  ),
  ...intervals.flatMap(([fn, path, values]) =>
    values.map(
      (value): ReplayCase => ({
        source: go(fn),
        variant: `report_interval ${value}`,
        operationId: "fetchUserReport",
        method: "GET",
        path: `${V1}/${path}`,
        query: `report_interval=${value}`,
      }),
    ),
  ),
  ...["signups", "orgs_created", "active_orgs", "active_users"].flatMap((metric) =>
    ["Daily", "Weekly", "Monthly"].map(
      (cadence): ReplayCase => ({
        source: go("FetchChartMetricData"),
        variant: `${metric} ${cadence}`,
        operationId: "fetchChartMetrics",
        method: "GET",
        path: `${V1}/chart_metrics/${metric}`,
        query: `cadence=${cadence}`,
      }),
    ),
  ),
  ...["ONE_TIME_USE", "TIME_BASED"].map(
    (grantType): ReplayCase => ({
      source: go("VerifyStepUpTotpChallenge"),
      variant: `StepUpMfaGrantType ${grantType}`,
      operationId: "verifyStepUpTotp",
      method: "POST",
      path: `${V1}/mfa/step-up/verify-totp`,
      body: { action_type: "delete_project", user_id: USER_ID, code: "123456", grant_type: grantType, valid_for_seconds: 300 },
    }),
  ),
];
