// The `users` table, and what hangs off a user in other tables when it is deleted.
import type { Db } from "../db.js";
import { badRequest, notFound } from "../errors.js";
import { usernameKey } from "../username.js";
import type { RowCache } from "./cache.js";
import { prepared } from "./prepared.js";

/** 0/1 as SQLite stores a boolean. */
export type Flag = number;

export type UserRow = {
  seq: number;
  user_id: string;
  email: string;
  email_confirmed: Flag;
  pending_email: string | null;
  username: string | null;
  username_key: string | null;
  first_name: string | null;
  last_name: string | null;
  picture_url: string | null;
  /** JSON object. */
  properties: string | null;
  metadata: string | null;
  password_hash: string | null;
  locked: Flag;
  enabled: Flag;
  mfa_totp_secret: string | null;
  /** JSON array of phones. */
  mfa_phones: string;
  can_create_orgs: Flag;
  created_at: number;
  last_active_at: number;
  update_password_required: Flag;
  legacy_user_id: string | null;
  signup_query_parameters: string;
  sessions_revoked_at: number | null;
  last_confirmation_email_at: number | null;
};

export class Users {
  private readonly q;

  constructor(
    db: Db,
    private readonly cache: RowCache,
  ) {
    this.q = prepared(db, {
      byId: "SELECT * FROM users WHERE user_id = ?",
      byUsername: "SELECT * FROM users WHERE username_key = ?",
      byEmail: "SELECT * FROM users WHERE email = ?",
      idByUsername: "SELECT user_id FROM users WHERE username_key = ?",
      idByEmail: "SELECT user_id FROM users WHERE email = ?",
      orgsOf: "SELECT org_id FROM memberships WHERE user_id = ?",
      left: "INSERT INTO membership_events (org_id, user_id, kind, at) VALUES (?, ?, 'left', ?)",
      deleteMemberships: "DELETE FROM memberships WHERE user_id = ?",
      deleteScim: "DELETE FROM scim_group_members WHERE user_id = ?",
      deleteOauth: "DELETE FROM oauth_tokens WHERE user_id = ?",
      deleteGrants: "DELETE FROM step_up_grants WHERE user_id = ?",
      deleteSms: "DELETE FROM sms_challenges WHERE user_id = ?",
      archiveKeys: "UPDATE api_keys SET archived_at = ? WHERE user_id = ? AND archived_at IS NULL",
      forgetInviter: "UPDATE invites SET inviter_user_id = NULL WHERE inviter_user_id = ?",
      delete: "DELETE FROM users WHERE user_id = ?",
      insertInvited: "INSERT INTO users (user_id, email, email_confirmed, created_at, last_active_at) VALUES (?, ?, 1, ?, ?)",
      active: "UPDATE users SET last_active_at = ? WHERE user_id = ?",
      loggedIn: "UPDATE users SET email_confirmed = 1, last_active_at = ? WHERE user_id = ?",
      confirmEmail: "UPDATE users SET email_confirmed = 1 WHERE user_id = ?",
      setEmail: "UPDATE users SET email = ?, email_confirmed = 1, pending_email = NULL WHERE user_id = ?",
      setPendingEmail: "UPDATE users SET pending_email = ? WHERE user_id = ?",
      setPassword: "UPDATE users SET password_hash = ?, update_password_required = ? WHERE user_id = ?",
      disable: "UPDATE users SET enabled = 0, sessions_revoked_at = ? WHERE user_id = ?",
      revokeSessions: "UPDATE users SET sessions_revoked_at = ? WHERE user_id = ?",
      confirmationSent: "UPDATE users SET last_confirmation_email_at = ? WHERE user_id = ?",
      setMfaPhones: "UPDATE users SET mfa_phones = ? WHERE user_id = ?",
      setPasswordHash: "UPDATE users SET password_hash = ? WHERE user_id = ?",
      legacyIdTaken: "SELECT 1 FROM users WHERE legacy_user_id = ?",
    });
  }

  get(userId: string): UserRow | undefined {
    return this.cache.get(`user:${userId}`, () => this.q.byId.get(userId) as UserRow | undefined);
  }

  /** The user, or 404. */
  require(userId: string): UserRow {
    const row = this.get(userId);
    if (!row) throw notFound("user");
    return row;
  }

  /** The user whose username is the same as `username` (see username.ts). */
  byUsername(username: string): UserRow | undefined {
    return this.q.byUsername.get(usernameKey(username)) as UserRow | undefined;
  }

  byEmail(email: string): UserRow | undefined {
    return this.q.byEmail.get(email) as UserRow | undefined;
  }

  /** Throws 400 on `field` when the email or username belongs to another user. */
  checkUnique(field: string, column: "email" | "username", value: string | undefined, exceptUserId?: string) {
    if (value === undefined) return;
    const other = (column === "username" ? this.q.idByUsername.get(usernameKey(value)) : this.q.idByEmail.get(value)) as
      | { user_id: string }
      | undefined;
    if (other && other.user_id !== exceptUserId) {
      throw badRequest(field, column === "email" ? "A user with this email already exists" : "A user with this username already exists");
    }
  }

  /** Deletes a user and everything that hangs off them (their API keys are archived). */
  delete(userId: string, now: number) {
    for (const m of this.q.orgsOf.all(userId)) this.q.left.run(m.org_id, userId, now);
    this.q.deleteMemberships.run(userId);
    this.q.deleteScim.run(userId);
    this.q.deleteOauth.run(userId);
    this.q.deleteGrants.run(userId);
    this.q.deleteSms.run(userId);
    this.q.archiveKeys.run(now, userId);
    this.q.forgetInviter.run(userId);
    this.q.delete.run(userId);
  }

  /** A user who accepted an invitation by email: confirmed, nothing else known. */
  insertInvited(userId: string, email: string, now: number): void {
    this.q.insertInvited.run(userId, email, now, now);
  }

  markActive(userId: string, at: number): void {
    this.q.active.run(at, userId);
  }

  /** A login through a magic link: active now, and the email confirmed by following it. */
  markLoggedIn(userId: string, at: number): void {
    this.q.loggedIn.run(at, userId);
  }

  confirmEmail(userId: unknown): void {
    this.q.confirmEmail.run(userId);
  }

  /** The new email, confirmed, and no change pending. */
  setEmail(userId: unknown, email: unknown): void {
    this.q.setEmail.run(email, userId);
  }

  setPendingEmail(userId: string, email: string): void {
    this.q.setPendingEmail.run(email, userId);
  }

  setPassword(userId: string, passwordHash: string, updateRequired: boolean): void {
    this.q.setPassword.run(passwordHash, updateRequired ? 1 : 0, userId);
  }

  /** Disabled, and every session ended. */
  disable(userId: string, at: number): void {
    this.q.disable.run(at, userId);
  }

  revokeSessions(userId: string, at: number): void {
    this.q.revokeSessions.run(at, userId);
  }

  markConfirmationSent(userId: string, at: number): void {
    this.q.confirmationSent.run(at, userId);
  }

  /** Sets the hash alone (an imported password keeps the user's update-required flag). */
  setPasswordHash(userId: string, passwordHash: string): void {
    this.q.setPasswordHash.run(passwordHash, userId);
  }

  /** Whether a user was already migrated with this id from another system. */
  legacyIdTaken(legacyUserId: unknown): boolean {
    return this.q.legacyIdTaken.get(legacyUserId) !== undefined;
  }

  /** JSON array of {mfa_phone_id, phone_number}. */
  setMfaPhones(userId: string, phones: string): void {
    this.q.setMfaPhones.run(phones, userId);
  }
}
