// Access tokens, magic links, migration, employees, SCIM groups and user insights, as
// @propelauth/node 2.1.36 has them.

import type { OperationClient } from "@propelauth-openapi/client";
import * as ops from "@propelauth-openapi/client";
import { camelKeys } from "../convert.js";
import type { ChartMetric, ChartMetricCadence } from "../enums.js";
import {
  AccessTokenCreationException,
  MagicLinkCreationException,
  MigrateUserException,
  MigrateUserPasswordException,
  UserNotFoundException,
} from "../exceptions.js";
import { answer, isValidId, type OnStatus, type Raw, raise, send, value } from "../transport.js";
import type {
  AccessToken,
  ChartData,
  CreateAccessTokenRequest,
  CreatedUser,
  CreateMagicLinkRequest,
  Employee,
  FetchOrgScimGroupsRequest,
  FetchScimGroupRequest,
  MagicLink,
  MigrateUserFromExternalSourceRequest,
  MigrateUserPasswordRequest,
  OrgReport,
  ReportPagination,
  ScimGroup,
  ScimGroupResultPage,
  UserReport,
} from "../types.js";

const camel = (raw: Raw) => camelKeys(raw.data);
const json = (raw: Raw) => raw.data;
const bad = (make: new (text: string) => Error): OnStatus => ({ 400: raise((x) => new make(x.text)) });
const orgNotFound: OnStatus = { 404: raise(() => new Error("Organization not found")) };

type Interval = string | undefined;

export function miscApis(client: OperationClient) {
  const report =
    (op: typeof ops.fetchUserReport | typeof ops.fetchOrgReport, key: string, kind: string) =>
    (reportInterval?: Interval, pagination?: ReportPagination) => {
      const query = { report_interval: reportInterval, page_size: pagination?.pageSize, page_number: pagination?.pageNumber };
      return send(client, op, { path: { report_key: key }, query }).then((raw) =>
        answer(raw, camel, `Unknown error when fetching the ${kind} report`),
      );
    };
  const userReport = (key: string) =>
    report(ops.fetchUserReport, key, "user") as (reportInterval?: string, pagination?: ReportPagination) => Promise<UserReport>;
  const orgReport = (key: string) =>
    report(ops.fetchOrgReport, key, "org") as (reportInterval?: string, pagination?: ReportPagination) => Promise<OrgReport>;

  return {
    createAccessToken: (r: CreateAccessTokenRequest): Promise<AccessToken> => {
      // Thrown synchronously, as the official SDK does.
      if (!isValidId(r.userId)) throw new UserNotFoundException();
      const body = { user_id: r.userId, duration_in_minutes: r.durationInMinutes, active_org_id: r.activeOrgId };
      return send(client, ops.createAccessToken, { body }).then((raw) =>
        answer(raw, json, "Unknown error when creating access token", {
          ...bad(AccessTokenCreationException),
          403: raise(() => new UserNotFoundException()),
          404: raise(() => new Error("Access token creation is not enabled")),
        }),
      ) as Promise<AccessToken>;
    },
    createMagicLink: (r: CreateMagicLinkRequest): Promise<MagicLink> => {
      const body = {
        email: r.email,
        redirect_to_url: r.redirectToUrl,
        expires_in_hours: r.expiresInHours,
        create_new_user_if_one_doesnt_exist: r.createNewUserIfOneDoesntExist,
        expire_after_first_use: r.expiresAfterFirstUse,
        requires_interstitial: r.requiresInterstitial,
        user_signup_query_parameters: r.userSignupQueryParameters,
      };
      return send(client, ops.createMagicLink, { body }).then((raw) =>
        answer(raw, json, "Unknown error when creating magic link", bad(MagicLinkCreationException)),
      ) as Promise<MagicLink>;
    },
    migrateUserFromExternalSource: (r: MigrateUserFromExternalSourceRequest): Promise<CreatedUser> => {
      const body = {
        email: r.email,
        email_confirmed: r.emailConfirmed,
        existing_user_id: r.existingUserId,
        existing_password_hash: r.existingPasswordHash,
        existing_mfa_base32_encoded_secret: r.existingMfaBase32EncodedSecret,
        update_password_required: r.askUserToUpdatePasswordOnLogin,
        enabled: r.enabled,
        first_name: r.firstName,
        last_name: r.lastName,
        username: r.username,
        picture_url: r.pictureUrl,
        properties: r.properties,
      };
      return send(client, ops.migrateUser, { body }).then((raw) =>
        answer(raw, camel, "Unknown error when migrating user", bad(MigrateUserException)),
      );
    },
    migrateUserPassword: (r: MigrateUserPasswordRequest): Promise<boolean> => {
      if (!isValidId(r.userId)) return Promise.resolve(false);
      return send(client, ops.migrateUserPassword, { body: { user_id: r.userId, password_hash: r.passwordHash } }).then((raw) =>
        answer(raw, camel, "Unknown error when migrating user password", bad(MigrateUserPasswordException)),
      );
    },
    fetchEmployeeById: (employeeId: string): Promise<Employee | null> => {
      // Thrown synchronously, as the official SDK does.
      if (!isValidId(employeeId)) throw new UserNotFoundException();
      return send(client, ops.fetchEmployee, { path: { employee_id: employeeId } }).then((raw) =>
        answer(raw, camel, "Unknown error when fetching employee", { 404: value(null) }),
      );
    },
    fetchUserTopInviterReport: userReport("top_inviter"),
    fetchUserChampionReport: userReport("champion"),
    fetchUserReengagementReport: userReport("reengagement"),
    fetchUserChurnReport: userReport("churn"),
    fetchOrgReengagementReport: orgReport("reengagement"),
    fetchOrgChurnReport: orgReport("churn"),
    fetchOrgGrowthReport: orgReport("growth"),
    fetchOrgAttritionReport: orgReport("attrition"),
    fetchChartMetricData: (chartMetric: ChartMetric, cadence: ChartMetricCadence, startDate?: Date, endDate?: Date): Promise<ChartData> => {
      const query = { cadence, start_date: startDate?.toISOString().slice(0, 10), end_date: endDate?.toISOString().slice(0, 10) };
      return send(client, ops.fetchChartMetrics, { path: { chart_metric: chartMetric }, query }).then((raw) =>
        answer(raw, camel, "Unknown error when fetching the chart metric data"),
      );
    },
    fetchScimGroup: (r: FetchScimGroupRequest): Promise<ScimGroup> => {
      const query = { members_page_size: r.membersPageSize, members_page_number: r.membersPageNumber };
      return send(client, ops.fetchScimGroup, { path: { org_id: r.orgId, group_id: r.groupId }, query }).then((raw) =>
        answer(raw, camel, "Unknown error when fetching SCIM group", orgNotFound),
      );
    },
    fetchOrgScimGroups: (r: FetchOrgScimGroupsRequest): Promise<ScimGroupResultPage> => {
      const query = { page_size: r.pageSize, page_number: r.pageNumber, user_id: r.userId };
      return send(client, ops.fetchOrgScimGroups, { path: { org_id: r.orgId }, query }).then((raw) =>
        answer(raw, camel, "Unknown error when fetching SCIM groups", orgNotFound),
      );
    },
  };
}
