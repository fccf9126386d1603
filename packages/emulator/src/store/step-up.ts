// The `step_up_grants` and `sms_challenges` tables: step-up MFA grants (only a grant's hash is
// stored, as for end-user API keys) and the SMS codes that earn them.
import type { Db } from "../db.js";
import { prepared } from "./prepared.js";

export type GrantRow = {
  grant: string;
  user_id: string;
  action_type: string;
  grant_type: string;
  expires_at: number;
  used_at: number | null;
};

export type SmsChallengeRow = {
  challenge_id: string;
  user_id: string;
  mfa_phone_id: string;
  action_type: string;
  grant_type: string;
  valid_for_seconds: number;
  code: string;
  expires_at: number;
  used_at: number | null;
};

export class StepUp {
  private readonly q;

  constructor(db: Db) {
    this.q = prepared(db, {
      insertGrant: "INSERT INTO step_up_grants (grant, user_id, action_type, grant_type, expires_at) VALUES (?, ?, ?, ?, ?)",
      liveGrant: "SELECT * FROM step_up_grants WHERE grant = ? AND user_id = ? AND action_type = ? AND used_at IS NULL AND expires_at > ?",
      useGrant: "UPDATE step_up_grants SET used_at = ? WHERE grant = ?",
      insertChallenge: `INSERT INTO sms_challenges (challenge_id, user_id, mfa_phone_id, action_type, grant_type, valid_for_seconds, code, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      liveChallenge: "SELECT * FROM sms_challenges WHERE challenge_id = ? AND user_id = ? AND used_at IS NULL AND expires_at > ?",
      useChallenge: "UPDATE sms_challenges SET used_at = ? WHERE challenge_id = ?",
    });
  }

  insertGrant(grantHash: string, userId: string, actionType: string, grantType: string, expiresAt: number): void {
    this.q.insertGrant.run(grantHash, userId, actionType, grantType, expiresAt);
  }

  /** An unused, unexpired grant of the user for the action. */
  liveGrant(grantHash: string, userId: unknown, actionType: unknown, now: number): GrantRow | undefined {
    return this.q.liveGrant.get(grantHash, userId, actionType, now) as GrantRow | undefined;
  }

  useGrant(grantHash: string, at: number): void {
    this.q.useGrant.run(at, grantHash);
  }

  insertChallenge(c: Omit<SmsChallengeRow, "used_at">): void {
    this.q.insertChallenge.run(
      c.challenge_id,
      c.user_id,
      c.mfa_phone_id,
      c.action_type,
      c.grant_type,
      c.valid_for_seconds,
      c.code,
      c.expires_at,
    );
  }

  liveChallenge(challengeId: unknown, userId: unknown, now: number): SmsChallengeRow | undefined {
    return this.q.liveChallenge.get(challengeId, userId, now) as SmsChallengeRow | undefined;
  }

  useChallenge(challengeId: string, at: number): void {
    this.q.useChallenge.run(at, challengeId);
  }
}
