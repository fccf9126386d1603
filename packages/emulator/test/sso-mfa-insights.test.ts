import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { uniqueEmail, useEmulator } from "./support.js";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIC8DCCAdigAwIBAgIQ\n-----END CERTIFICATE-----";

describe("enterprise SSO and SCIM", () => {
  const h = useEmulator();

  it("allows SSO, creates a set-up link, stores SAML metadata in test mode, goes live and deletes", async () => {
    const orgId = (await h().op("createOrg", {}, { body: { name: "SSO Corp" } })).body.org_id;
    expect((await h().op("createSamlConnectionLink", { org_id: orgId }, { body: {} })).status).toBe(400);
    await h().op("allowOrgToSetupSaml", { org_id: orgId });
    expect((await h().op("fetchOrg", { org_id: orgId })).body.can_setup_saml).toBe(true);
    const link = await h().op("createSamlConnectionLink", { org_id: orgId }, { body: { expires_in_seconds: 3600 } });
    expect(link.body.url).toMatch(/^http:\/\/127\.0\.0\.1/);
    const sp = (await h().op("fetchSamlSpMetadata", { org_id: orgId })).body;
    expect(sp.acs_url).toBe(`${h().emu.authUrl}/saml/${orgId}/acs`);

    expect((await h().op("takeSamlConnectionLive", { org_id: orgId })).status).toBe(404);
    expect((await h().op("deleteSamlConnection", { org_id: orgId })).status).toBe(400);
    const bad = await h().op(
      "setSamlIdpMetadata",
      {},
      {
        body: { org_id: orgId, idp_entity_id: "x", idp_sso_url: "not a url", idp_certificate: CERT, provider: "Okta" },
      },
    );
    expect(bad.body).toHaveProperty("idp_sso_url");
    const set = await h().op(
      "setSamlIdpMetadata",
      {},
      {
        body: {
          org_id: orgId,
          idp_entity_id: "http://www.okta.com/exk1",
          idp_sso_url: "https://acme.okta.com/sso/saml",
          idp_certificate: CERT,
          provider: "Okta",
        },
      },
    );
    expect(set.status, set.text).toBe(200);
    expect((await h().op("fetchOrg", { org_id: orgId })).body).toMatchObject({ is_saml_configured: false, is_saml_in_test_mode: true });
    await h().op("takeSamlConnectionLive", { org_id: orgId });
    expect((await h().op("fetchOrg", { org_id: orgId })).body).toMatchObject({ is_saml_configured: true, is_saml_in_test_mode: false });
    expect((await h().op("queryOrgs", {}, { query: { name: "SSO Corp" } })).body.orgs[0].is_saml_configured).toBe(true);
    await h().op("deleteSamlConnection", { org_id: orgId });
    expect((await h().op("fetchOrg", { org_id: orgId })).body).toMatchObject({ is_saml_configured: false, is_saml_in_test_mode: false });
    await h().op("disallowOrgToSetupSaml", { org_id: orgId });
    expect((await h().op("fetchOrg", { org_id: orgId })).body.can_setup_saml).toBe(false);
  });

  it("stores OIDC metadata as the organization's SSO connection", async () => {
    const orgId = (await h().op("createOrg", {}, { body: { name: "OIDC Corp" } })).body.org_id;
    const answer = await h().op(
      "setOidcIdpMetadata",
      {},
      {
        body: {
          org_id: orgId,
          client_id: "cid",
          client_secret: "secret",
          uses_pkce: true,
          idp_type: "Okta",
          okta_sso_domain: "acme.okta.com",
        },
      },
    );
    expect(answer.status, answer.text).toBe(200);
    expect((await h().op("fetchOrg", { org_id: orgId })).body.is_saml_in_test_mode).toBe(true);
    const missing = await h().op(
      "setOidcIdpMetadata",
      {},
      {
        body: {
          org_id: "00000000-0000-4000-8000-000000000000",
          client_id: "c",
          client_secret: "s",
          uses_pkce: false,
          idp_type: "Okta",
          okta_sso_domain: "a",
        },
      },
    );
    expect(missing.status).toBe(404);
  });

  it("lists SCIM groups with paging and a member filter, and a group with its members", async () => {
    const orgId = (await h().op("createOrg", {}, { body: { name: "SCIM Corp" } })).body.org_id;
    const users: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = (await h().op("createUser", {}, { body: { email: uniqueEmail("scim") } })).body.user_id;
      await h().op("addUserToOrg", {}, { body: { user_id: id, org_id: orgId, role: "Member" } });
      users.push(id);
    }
    const eng = (
      await h().admin("POST", `/orgs/${orgId}/scim_groups`, {
        display_name: "Engineering",
        external_id_from_idp: "okta-1",
        user_ids: users,
      })
    ).body;
    await h().admin("POST", `/orgs/${orgId}/scim_groups`, { display_name: "Sales", user_ids: [users[0]] });
    const page = await h().op("fetchOrgScimGroups", { org_id: orgId }, { query: { page_size: 1 } });
    expect(page.body).toMatchObject({
      total_groups: 2,
      page_number: 0,
      page_size: 1,
      groups: [{ display_name: "Engineering", external_id_from_idp: "okta-1" }],
    });
    expect((await h().op("fetchOrgScimGroups", { org_id: orgId }, { query: { user_id: users[1]! } })).body.total_groups).toBe(1);
    const group = await h().op(
      "fetchScimGroup",
      { org_id: orgId, group_id: eng.group_id },
      { query: { members_page_size: 2, members_page_number: 1 } },
    );
    expect(group.body.members).toEqual([{ user_id: users[2] }]);
    await h().op("removeUserFromOrg", {}, { body: { user_id: users[2], org_id: orgId } });
    expect((await h().op("fetchScimGroup", { org_id: orgId, group_id: eng.group_id })).body.members).toHaveLength(2);
    expect((await h().op("fetchScimGroup", { org_id: orgId, group_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await h().op("fetchOrgScimGroups", { org_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });
});

describe("step-up MFA, social login tokens, employees", () => {
  const h = useEmulator();

  it("verifies TOTP codes into grants that are spent once", async () => {
    const userId = (
      await h().op(
        "migrateUser",
        {},
        { body: { email: uniqueEmail("mfa"), email_confirmed: true, existing_mfa_base32_encoded_secret: "JBSWY3DPEHPK3PXP" } },
      )
    ).body.user_id;
    const base = { action_type: "DELETE_PROJECT", user_id: userId, grant_type: "ONE_TIME_USE", valid_for_seconds: 300 };
    const wrong = await h().op("verifyStepUpTotp", {}, { body: { ...base, code: "000000" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error_code).toBe("incorrect_mfa_code");
    const code = (await h().admin("GET", `/users/${userId}/totp`)).body.code;
    const grant = (await h().op("verifyStepUpTotp", {}, { body: { ...base, code } })).body.step_up_grant;
    expect(grant).toBeTruthy();
    // Stored as its hash only, like end-user API keys.
    const stored = h()
      .emu.project.db.prepare("SELECT grant FROM step_up_grants WHERE user_id = ?")
      .all(userId)
      .map((r) => r.grant);
    expect(stored).not.toContain(grant);
    expect(stored).toContain(createHash("sha256").update(grant).digest("hex"));
    const check = { action_type: "DELETE_PROJECT", user_id: userId, grant };
    expect((await h().op("verifyStepUpGrant", {}, { body: { ...check, action_type: "OTHER" } })).body.field_errors).toEqual({
      grant: "grant_not_found",
    });
    expect((await h().op("verifyStepUpGrant", {}, { body: check })).status).toBe(200);
    expect((await h().op("verifyStepUpGrant", {}, { body: check })).body.error_code).toBe("invalid_request_fields");

    const noMfa = (await h().op("createUser", {}, { body: { email: uniqueEmail("mfa") } })).body.user_id;
    expect((await h().op("verifyStepUpTotp", {}, { body: { ...base, user_id: noMfa, code } })).body.error_code).toBe("mfa_not_enabled");
    const ghost = await h().op("verifyStepUpTotp", {}, { body: { ...base, user_id: "00000000-0000-4000-8000-000000000000", code } });
    expect([ghost.status, ghost.body.error_code]).toEqual([404, "user_not_found"]);
  });

  it("sends SMS codes (read from the outbox) and verifies them into time-based grants", async () => {
    const userId = (await h().op("createUser", {}, { body: { email: uniqueEmail("sms") } })).body.user_id;
    const phones = (await h().admin("PUT", `/users/${userId}/mfa_phones`, { phone_numbers: ["+15555550199"] })).body.phone_numbers;
    const sent = await h().op(
      "sendStepUpSmsCode",
      {},
      {
        body: {
          action_type: "PAY",
          user_id: userId,
          mfa_phone_id: phones[0].mfa_phone_id,
          grant_type: "TIME_BASED",
          valid_for_seconds: 60,
        },
      },
    );
    expect(sent.status, sent.text).toBe(200);
    const sms = (await h().admin("GET", "/outbox")).body.messages.filter((m: { kind: string }) => m.kind === "sms").pop();
    expect(sms.to_address).toBe("+15555550199");
    expect(
      (await h().op("verifyStepUpSmsCode", {}, { body: { challenge_id: sent.body.challenge_id, user_id: userId, code: "999999x" } }))
        .status,
    ).toBe(400);
    const grant = (
      await h().op("verifyStepUpSmsCode", {}, { body: { challenge_id: sent.body.challenge_id, user_id: userId, code: sms.code } })
    ).body.step_up_grant;
    const check = { action_type: "PAY", user_id: userId, grant };
    expect((await h().op("verifyStepUpGrant", {}, { body: check })).status).toBe(200);
    expect((await h().op("verifyStepUpGrant", {}, { body: check })).status).toBe(200);
    await h().admin("POST", "/clock", { advance_seconds: 61 });
    expect((await h().op("verifyStepUpGrant", {}, { body: check })).status).toBe(400);
  });

  it("returns and refreshes social login tokens, and looks up employees", async () => {
    const userId = (await h().op("createUser", {}, { body: { email: uniqueEmail("oauth") } })).body.user_id;
    expect((await h().op("fetchUserOAuthTokens", { user_id: userId })).body).toEqual({});
    await h().admin("PUT", `/users/${userId}/oauth_tokens/github`, {
      access_token: "gho_1",
      refresh_token: "ghr_1",
      authorized_scopes: ["repo"],
    });
    const tokens = (await h().op("fetchUserOAuthTokens", { user_id: userId })).body;
    expect(tokens.github).toMatchObject({ access_token: "gho_1", token_provider: "github", authorized_scopes: ["repo"] });
    const fresh = (await h().op("fetchFreshOAuthToken", { user_id: userId, provider: "github" })).body;
    expect(fresh.access_token).not.toBe("gho_1");
    expect((await h().op("fetchFreshOAuthToken", { user_id: userId, provider: "google" })).status).toBe(404);
    const employee = (await h().admin("POST", "/employees", { email: "support@propelauth.com" })).body;
    expect((await h().op("fetchEmployee", { employee_id: employee.employee_id })).body).toEqual({ email: "support@propelauth.com" });
    expect((await h().op("fetchEmployee", { employee_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });
});

describe("insights", () => {
  const h = useEmulator();

  it("computes reports and chart metrics from the stored users and organizations", async () => {
    const orgId = (await h().op("createOrg", {}, { body: { name: "Growing" } })).body.org_id;
    const active = (await h().op("createUser", {}, { body: { email: uniqueEmail("ins") } })).body.user_id;
    const idle = (await h().op("createUser", {}, { body: { email: uniqueEmail("ins") } })).body.user_id;
    await h().op("addUserToOrg", {}, { body: { user_id: active, org_id: orgId, role: "Member" } });
    await h().op("addUserToOrg", {}, { body: { user_id: idle, org_id: orgId, role: "Member" } });
    const growth = (await h().op("fetchOrgReport", { report_key: "growth" })).body;
    expect(growth.org_reports[0]).toMatchObject({ org_id: orgId, num_users: 2, extra_properties: { new_users: 2 } });
    await h().admin("POST", "/clock", { advance_seconds: 40 * 86400 });
    await h().op("createAccessToken", {}, { body: { user_id: active, duration_in_minutes: 5 } });
    const churn = (await h().op("fetchUserReport", { report_key: "churn" }, { query: { report_interval: "30" } })).body;
    expect(churn.user_reports.map((r: { user_id: string }) => r.user_id)).toEqual([idle]);
    expect(churn.user_reports[0].org_data).toEqual([{ display_name: "Growing", org_id: orgId, user_role: "Member" }]);
    const reengaged = (await h().op("fetchUserReport", { report_key: "reengagement" }, { query: { report_interval: "Monthly" } })).body;
    expect(reengaged.user_reports.map((r: { user_id: string }) => r.user_id)).toEqual([active]);
    expect((await h().op("fetchUserReport", { report_key: "churn" }, { query: { report_interval: "Weekly" } })).status).toBe(400);
    // Each report admits only its own values (the document's x-propelauth-values-by-report-key).
    expect((await h().op("fetchUserReport", { report_key: "top_inviter" }, { query: { report_interval: "Weekly" } })).status).toBe(400);
    expect((await h().op("fetchUserReport", { report_key: "top_inviter" }, { query: { report_interval: "7" } })).status).toBe(400);
    expect((await h().op("fetchUserReport", { report_key: "top_inviter" }, { query: { report_interval: "60" } })).status).toBe(200);
    expect((await h().op("fetchOrgReport", { report_key: "growth" }, { query: { report_interval: "14" } })).status).toBe(400);
    expect((await h().op("fetchOrgReport", { report_key: "growth" })).body.total_count).toBe(0);

    const today = new Date(((await h().admin("POST", "/clock", { advance_seconds: 0 })).body.now as number) * 1000);
    const start = new Date(today.getTime() - 45 * 86400_000).toISOString().slice(0, 10);
    const chart = (await h().op("fetchChartMetrics", { chart_metric: "signups" }, { query: { cadence: "Daily", start_date: start } })).body;
    expect(chart.chart_type).toBe("Signups");
    expect(chart.metrics).toHaveLength(46);
    expect(chart.metrics.reduce((n: number, p: { result: number }) => n + p.result, 0)).toBe(2);
    expect(chart.metrics.at(-1).cadence_completed).toBe(false);
    const weekly = (await h().op("fetchChartMetrics", { chart_metric: "active_orgs" }, { query: { cadence: "Weekly", start_date: start } }))
      .body;
    // The organization was active in the week of its members' signup and again this week.
    expect(weekly.metrics.reduce((n: number, p: { result: number }) => n + p.result, 0)).toBe(2);
    expect(
      (await h().op("fetchChartMetrics", { chart_metric: "signups" }, { query: { start_date: "2030-01-02", end_date: "2030-01-01" } }))
        .status,
    ).toBe(400);
  });
});
