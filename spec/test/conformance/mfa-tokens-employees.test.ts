import {
  BadRequestException,
  FeatureGatedException,
  IncorrectMfaCodeException,
  MfaNotEnabledException,
  StepUpMfaGrantType,
  UnauthorizedException,
  UserNotFoundException,
} from "@propelauth/node-apis";
import { describe, expect, it } from "vitest";
import { type ConformanceCase, callSdk, conformance, doc } from "./harness.js";

const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const EMPLOYEE_ID = "5d3c0f8e-41a2-4b6e-9f7d-2c8e1a4b6d90";
const PHONE_ID = "7a4e2c1d-9b3f-4e8a-a6d5-0c2b1f9e8d74";

interface ServedToken {
  access_token: string;
  token_provider: string;
  refresh_token?: string;
  token_expiration?: number;
  authorized_scopes?: string[];
}

/** What the SDK makes of one social login token: the same values under camelCase keys. */
const camelToken = (t: ServedToken) => ({
  accessToken: t.access_token,
  tokenProvider: t.token_provider,
  ...(t.refresh_token !== undefined && { refreshToken: t.refresh_token }),
  ...(t.token_expiration !== undefined && { tokenExpiration: t.token_expiration }),
  ...(t.authorized_scopes !== undefined && { authorizedScopes: t.authorized_scopes }),
});

const returnsGrant = (result: unknown, served: unknown) =>
  expect(result).toEqual({ stepUpGrant: (served as { step_up_grant: string }).step_up_grant });

const cases: ConformanceCase[] = [
  {
    fn: "fetchUserMfaMethods",
    operationId: "fetchUserMfaMethods",
    call: (api) => api.fetchUserMfaMethods(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/mfa`,
    query: {},
    check: (result, served) => {
      const setup = (
        served as { mfa_setup: null | { type: string; phone_numbers?: { mfa_phone_number_suffix: string; mfa_phone_id: string }[] } }
      ).mfa_setup;
      const expected =
        setup === null
          ? null
          : setup.phone_numbers === undefined
            ? { type: setup.type }
            : {
                type: setup.type,
                phoneNumbers: setup.phone_numbers.map((p) => ({
                  mfaPhoneNumberSuffix: p.mfa_phone_number_suffix,
                  mfaPhoneId: p.mfa_phone_id,
                })),
              };
      expect(result).toEqual({ mfaSetup: expected });
    },
  },
  {
    fn: "verifyStepUpTotpChallenge",
    operationId: "verifyStepUpTotp",
    call: (api) =>
      api.verifyStepUpTotpChallenge({
        actionType: "DELETE_PROJECT",
        userId: USER_ID,
        code: "492039",
        grantType: StepUpMfaGrantType.ONE_TIME_USE,
        validForSeconds: 300,
      }),
    path: "/api/backend/v1/mfa/step-up/verify-totp",
    query: {},
    body: { action_type: "DELETE_PROJECT", user_id: USER_ID, code: "492039", grant_type: "ONE_TIME_USE", valid_for_seconds: 300 },
    check: returnsGrant,
  },
  {
    fn: "verifyStepUpGrant",
    operationId: "verifyStepUpGrant",
    call: (api) => api.verifyStepUpGrant({ actionType: "DELETE_PROJECT", userId: USER_ID, grant: "sug_8f3b2a1c9d7e4f60b5a4c3d2e1f0a9b8" }),
    path: "/api/backend/v1/mfa/step-up/verify-grant",
    query: {},
    body: { action_type: "DELETE_PROJECT", user_id: USER_ID, grant: "sug_8f3b2a1c9d7e4f60b5a4c3d2e1f0a9b8" },
    check: (result) => expect(result).toEqual({ success: true }),
  },
  {
    fn: "sendSmsMfaCode",
    operationId: "sendStepUpSmsCode",
    call: (api) =>
      api.sendSmsMfaCode({
        actionType: "EXPORT_DATA",
        userId: USER_ID,
        mfaPhoneId: PHONE_ID,
        grantType: StepUpMfaGrantType.TIME_BASED,
        validForSeconds: 600,
      }),
    path: "/api/backend/v1/mfa/step-up/phone/send",
    query: {},
    body: { action_type: "EXPORT_DATA", user_id: USER_ID, mfa_phone_id: PHONE_ID, grant_type: "TIME_BASED", valid_for_seconds: 600 },
    check: (result, served) => expect(result).toEqual({ challengeId: (served as { challenge_id: string }).challenge_id }),
  },
  {
    fn: "verifySmsChallenge",
    operationId: "verifyStepUpSmsCode",
    call: (api) => api.verifySmsChallenge({ challengeId: "3e9a1f27-6c4b-4d8e-b2a0-5f7c9e1d3b46", userId: USER_ID, code: "815204" }),
    path: "/api/backend/v1/mfa/step-up/phone/verify",
    query: {},
    body: { challenge_id: "3e9a1f27-6c4b-4d8e-b2a0-5f7c9e1d3b46", user_id: USER_ID, code: "815204" },
    check: returnsGrant,
  },
  {
    fn: "fetchUserOAuthTokens",
    operationId: "fetchUserOAuthTokens",
    call: (api) => api.fetchUserOAuthTokens(USER_ID),
    path: `/api/backend/v1/user/${USER_ID}/oauth_token`,
    query: {},
    check: (result, served) => {
      const byProvider = served as Record<string, ServedToken>;
      expect(result).toEqual(Object.fromEntries(Object.entries(byProvider).map(([provider, t]) => [provider, camelToken(t)])));
    },
  },
  {
    fn: "fetchFreshTokenFromProvider",
    operationId: "fetchFreshOAuthToken",
    call: (api) => api.fetchFreshTokenFromProvider(USER_ID, "google"),
    path: `/api/backend/v1/user/${USER_ID}/google/fresh_token`,
    query: {},
    check: (result, served) => expect(result).toEqual(camelToken(served as ServedToken)),
  },
  {
    fn: "fetchEmployeeById",
    operationId: "fetchEmployee",
    call: (api) => api.fetchEmployeeById(EMPLOYEE_ID),
    path: `/api/backend/v1/employee/${EMPLOYEE_ID}`,
    query: {},
    check: (result, served) => expect(result).toEqual({ email: (served as { email: string }).email }),
  },
];

describe("official Node SDK conformance: MFA methods, step-up MFA, social login tokens, employees", () => {
  conformance(cases);
});

type Responses = Record<string, { content: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }> }>;
const responses = doc.components.responses as Responses;
const media = (response: string) => responses[response]!.content["application/json"]!;
const named = (response: string, name: string) => media(response).examples![name]!.value;

describe("official Node SDK conformance: the coded step-up MFA errors the document describes", () => {
  const byCase = (fn: string) => cases.find((c) => c.fn === fn)!;
  const totp = byCase("verifyStepUpTotpChallenge");
  const grant = byCase("verifyStepUpGrant");
  const sms = byCase("sendSmsMfaCode");

  it("verifyStepUpTotpChallenge: 400 incorrect_mfa_code and mfa_not_enabled", async () => {
    await expect(callSdk(totp, 400, named("StepUpMfaBadRequest", "incorrectCode"))).rejects.toBeInstanceOf(IncorrectMfaCodeException);
    await expect(callSdk(totp, 400, named("StepUpMfaBadRequest", "mfaNotEnabled"))).rejects.toBeInstanceOf(MfaNotEnabledException);
  });

  it("verifyStepUpTotpChallenge: 404 user_not_found and 403 feature_gated / unauthorized", async () => {
    await expect(callSdk(totp, 404, media("StepUpMfaNotFound").example)).rejects.toBeInstanceOf(UserNotFoundException);
    await expect(callSdk(totp, 403, named("StepUpMfaForbidden", "featureGated"))).rejects.toBeInstanceOf(FeatureGatedException);
  });

  it("verifyStepUpGrant: the grant_not_found example is reported as success: false", async () => {
    const { result } = await callSdk(grant, 400, named("StepUpMfaBadRequest", "grantNotFound"));
    expect(result).toEqual({ success: false });
  });

  it("verifyStepUpGrant: 403 unauthorized is raised as unauthorized", async () => {
    await expect(callSdk(grant, 403, named("StepUpMfaForbidden", "unauthorized"))).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it("sendSmsMfaCode: other invalid_request_fields are a bad request with the whole body", async () => {
    const body = {
      error_code: "invalid_request_fields",
      user_facing_error: "Invalid request.",
      field_errors: { mfa_phone_id: "not_found" },
    };
    await expect(callSdk(sms, 400, body)).rejects.toSatisfy(
      (e) => e instanceof BadRequestException && JSON.stringify((e as BadRequestException).fieldToErrors) === JSON.stringify(body),
    );
  });

  it("fetchUserMfaMethods and fetchEmployeeById answer null on 404", async () => {
    expect((await callSdk(byCase("fetchUserMfaMethods"), 404, undefined)).result).toBeNull();
    expect((await callSdk(byCase("fetchEmployeeById"), 404, undefined)).result).toBeNull();
  });
});
