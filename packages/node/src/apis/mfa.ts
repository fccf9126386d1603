// The step-up MFA functions of initBaseAuth, as @propelauth/node 2.1.36 has them: they decide by
// the body's `error_code` rather than by status alone.

import type { OperationClient } from "@propelauth-openapi/client";
import * as ops from "@propelauth-openapi/client";
import { camelKeys } from "../convert.js";
import {
  BadRequestException,
  FeatureGatedException,
  IncorrectMfaCodeException,
  InvalidRequestFieldsException,
  MfaNotEnabledException,
  RateLimitedException,
  UnauthorizedException,
  UnexpectedException,
  UserNotFoundException,
} from "../exceptions.js";
import { type Raw, send } from "../transport.js";
import type {
  SendSmsMfaCodeRequest,
  SendSmsMfaCodeRequestResponse,
  StepUpMfaVerifyGrantResponse,
  StepUpMfaVerifyTotpResponse,
  VerifySmsChallengeRequest,
  VerifySmsChallengeResponse,
  VerifyStepUpGrantRequest,
  VerifyTotpChallengeRequest,
} from "../types.js";

// biome-ignore lint/suspicious/noExplicitAny: error bodies are read field by field
type Body = any;

function parsed(raw: Raw): Body {
  try {
    return raw.text ? JSON.parse(raw.text) : {};
  } catch {
    return {};
  }
}

/** The shared error handling of the grant and SMS functions; an unknown grant answers `{ success: false }`. */
function stepUpError(raw: Raw, unknown: string): { success: false } {
  const body = parsed(raw);
  if (raw.status === 401 || body.error_code === "unauthorized") throw new UnauthorizedException("integrationApiKey is incorrect");
  if (raw.status === 429) throw new RateLimitedException(raw.text);
  if (body.error_code === "invalid_request_fields") {
    if (body.field_errors?.grant === "grant_not_found") return { success: false };
    throw new BadRequestException(raw.text);
  }
  if (body.error_code === "feature_gated") throw new FeatureGatedException();
  throw new UnexpectedException(unknown);
}

const TOTP_ERRORS: Record<string, (raw: Raw) => Error> = {
  user_not_found: () => new UserNotFoundException(),
  mfa_not_enabled: () => new MfaNotEnabledException(),
  incorrect_mfa_code: () => new IncorrectMfaCodeException(),
  invalid_request_fields: (raw) => new InvalidRequestFieldsException(raw.text),
  feature_gated: () => new FeatureGatedException(),
};

export function mfaApis(client: OperationClient) {
  return {
    verifyStepUpTotpChallenge: (r: VerifyTotpChallengeRequest): Promise<StepUpMfaVerifyTotpResponse> => {
      const body = {
        action_type: r.actionType,
        user_id: r.userId,
        code: r.code,
        grant_type: r.grantType,
        valid_for_seconds: r.validForSeconds,
      };
      return send(client, ops.verifyStepUpTotp, { body }).then((raw) => {
        if (raw.status && raw.status < 400) return { stepUpGrant: (raw.data as Body).step_up_grant };
        // Unlike the others, this one parses the error body without a guard, as the official SDK does.
        const error: Body = raw.text ? JSON.parse(raw.text) : {};
        if (raw.status === 401) throw new UnauthorizedException("integrationApiKey is incorrect");
        const make = TOTP_ERRORS[error.error_code];
        throw make ? make(raw) : new UnexpectedException("Unknown error when verifying the TOTP challenge");
      });
    },
    verifyStepUpGrant: (r: VerifyStepUpGrantRequest): Promise<StepUpMfaVerifyGrantResponse> =>
      send(client, ops.verifyStepUpGrant, { body: { action_type: r.actionType, user_id: r.userId, grant: r.grant } }).then((raw) =>
        raw.status && raw.status < 400 ? { success: true } : stepUpError(raw, "Unknown error when verifying step up grant"),
      ),
    sendSmsMfaCode: (r: SendSmsMfaCodeRequest): Promise<SendSmsMfaCodeRequestResponse> => {
      const body = {
        action_type: r.actionType,
        user_id: r.userId,
        mfa_phone_id: r.mfaPhoneId,
        grant_type: r.grantType,
        valid_for_seconds: r.validForSeconds,
      };
      return send(client, ops.sendStepUpSmsCode, { body }).then((raw) =>
        raw.status && raw.status < 400 ? camelKeys(raw.data) : stepUpError(raw, "Unknown error when sending sms mfa code"),
      );
    },
    verifySmsChallenge: (r: VerifySmsChallengeRequest): Promise<VerifySmsChallengeResponse> =>
      send(client, ops.verifyStepUpSmsCode, { body: { user_id: r.userId, challenge_id: r.challengeId, code: r.code } }).then((raw) =>
        raw.status && raw.status < 400 ? camelKeys(raw.data) : stepUpError(raw, "Unknown error when verifying sms challenge"),
      ),
  };
}
