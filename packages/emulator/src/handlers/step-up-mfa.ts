// The operations tagged "Step-up MFA" in the document.
import { hashToken, hex, safeEqual, smsCode, uuid, verifyTotp } from "../crypto.js";
import { json } from "../db.js";
import { stepUpError } from "../errors.js";
import type { Project } from "../project.js";
import type { UserRow } from "../store/users.js";
import { type Handler, ok } from "./types.js";

function gate(project: Project) {
  if (!project.settings.stepUpMfaEnabled) {
    throw stepUpError(403, "feature_gated", "This feature isn't available on your current pricing plan.");
  }
}

function stepUpUser(project: Project, userId: string): UserRow {
  const user = project.store.users.get(userId);
  if (!user) throw stepUpError(404, "user_not_found", "User not found.");
  return user;
}

function checkDuration(seconds: number) {
  if (seconds <= 0) throw stepUpError(400, "invalid_request_fields", "Invalid request.", { valid_for_seconds: "must_be_positive" });
}

function issueGrant(project: Project, userId: string, actionType: string, grantType: string, validFor: number): string {
  const grant = `sug_${hex(24)}`;
  // Only the grant's hash is stored, as for end-user API keys.
  project.store.stepUp.insertGrant(hashToken(grant), userId, actionType, grantType, project.now() + validFor);
  return grant;
}

const phonesOf = (user: UserRow) => json.parse<{ mfa_phone_id: string; phone_number: string }[]>(user.mfa_phones, []);

export const stepUpMfaHandlers: Record<string, Handler> = {
  fetchUserMfaMethods: ({ project, path }) => {
    const user = project.store.users.require(path.user_id!);
    const phones = json.parse<{ mfa_phone_id: string; phone_number: string }[]>(user.mfa_phones, []);
    if (user.mfa_totp_secret !== null) return ok({ mfa_setup: { type: "Totp" } });
    if (phones.length > 0) {
      return ok({
        mfa_setup: {
          type: "Phone",
          phone_numbers: phones.map((p) => ({ mfa_phone_number_suffix: p.phone_number.slice(-4), mfa_phone_id: p.mfa_phone_id })),
        },
      });
    }
    return ok({ mfa_setup: null });
  },

  verifyStepUpTotp: ({ project, body }) => {
    gate(project);
    const user = stepUpUser(project, body.user_id);
    if (typeof user.mfa_totp_secret !== "string") throw stepUpError(400, "mfa_not_enabled", "MFA is not enabled for this user.");
    checkDuration(body.valid_for_seconds);
    if (!verifyTotp(user.mfa_totp_secret, String(body.code), project.now())) {
      throw stepUpError(400, "incorrect_mfa_code", "The code you entered is incorrect.");
    }
    return ok({ step_up_grant: issueGrant(project, body.user_id, body.action_type, body.grant_type, body.valid_for_seconds) });
  },

  verifyStepUpGrant: ({ project, body }) => {
    gate(project);
    const grant = project.store.stepUp.liveGrant(hashToken(String(body.grant)), body.user_id, body.action_type, project.now());
    if (!grant) throw stepUpError(400, "invalid_request_fields", "The grant was not found or has expired.", { grant: "grant_not_found" });
    if (grant.grant_type === "ONE_TIME_USE") project.store.stepUp.useGrant(grant.grant, project.now());
    return ok();
  },

  sendStepUpSmsCode: ({ project, body }) => {
    gate(project);
    const user = stepUpUser(project, body.user_id);
    const phones = phonesOf(user);
    if (phones.length === 0) throw stepUpError(400, "mfa_not_enabled", "MFA is not enabled for this user.");
    const phone = phones.find((p) => p.mfa_phone_id === body.mfa_phone_id);
    if (!phone) throw stepUpError(400, "invalid_request_fields", "Invalid request.", { mfa_phone_id: "phone_not_found" });
    checkDuration(body.valid_for_seconds);
    const challengeId = uuid();
    const code = smsCode();
    const now = project.now();
    project.store.stepUp.insertChallenge({
      challenge_id: challengeId,
      user_id: body.user_id,
      mfa_phone_id: body.mfa_phone_id,
      action_type: body.action_type,
      grant_type: body.grant_type,
      valid_for_seconds: body.valid_for_seconds,
      code,
      expires_at: now + 600,
    });
    project.store.outbox.sms(phone.phone_number, `Your verification code is ${code}`, code, now);
    return ok({ challenge_id: challengeId });
  },

  verifyStepUpSmsCode: ({ project, body }) => {
    gate(project);
    stepUpUser(project, body.user_id);
    const challenge = project.store.stepUp.liveChallenge(body.challenge_id, body.user_id, project.now());
    if (!challenge) throw stepUpError(400, "invalid_request_fields", "Invalid request.", { challenge_id: "challenge_not_found" });
    if (!safeEqual(String(challenge.code), String(body.code).trim()))
      throw stepUpError(400, "incorrect_mfa_code", "The code you entered is incorrect.");
    project.store.stepUp.useChallenge(challenge.challenge_id, project.now());
    const grant = issueGrant(
      project,
      body.user_id,
      String(challenge.action_type),
      String(challenge.grant_type),
      Number(challenge.valid_for_seconds),
    );
    return ok({ step_up_grant: grant });
  },
};
