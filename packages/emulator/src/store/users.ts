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

/** What a new user row holds; the other columns start empty. */
export type NewUserRow = Omit<UserRow, "seq" | "username_key" | "pending_email" | "sessions_revoked_at" | "last_confirmation_email_at">;

/** The columns Update User Metadata may set. */
export type UserUpdate = Partial<
  Pick<
    UserRow,
    "username" | "first_name" | "last_name" | "picture_url" | "legacy_user_id" | "metadata" | "properties" | "update_password_required"
  >
>;

const UPDATABLE: (keyof UserUpdate)[] = [
  "username",
  "first_name",
  "last_name",
  "picture_url",
  "legacy_user_id",
  "metadata",
  "properties",
  "update_password_required",
];

/** Query Users' orders, by the `order_by` value. */
const ORDER_BY: Record<string, string> = {
  CREATED_AT_ASC: "created_at ASC, seq ASC",
  CREATED_AT_DESC: "created_at DESC, seq DESC",
  LAST_ACTIVE_AT_ASC: "last_active_at ASC, seq ASC",
  LAST_ACTIVE_AT_DESC: "last_active_at DESC, seq DESC",
  EMAIL: "email COLLATE NOCASE ASC, seq ASC",
  USERNAME: "username IS NULL, username COLLATE NOCASE ASC, seq ASC",
};

/** Which users Query Users answers; each field given narrows it. */
export interface UserFilter {
  /** Part of the email or the username. */
  emailOrUsername?: string;
  legacyUserId?: string;
  /** One of ORDER_BY's keys; anything else orders by creation. */
  orderBy?: string;
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (use `ESCAPE '\'`). */
export const contains = (text: string): string => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

export class Users {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly cache: RowCache,
  ) {
    this.q = prepared(db, {
      insert: `INSERT INTO users (user_id, email, email_confirmed, username, first_name, last_name, picture_url, properties, metadata,
        password_hash, locked, enabled, mfa_totp_secret, mfa_phones, can_create_orgs, created_at, last_active_at, update_password_required,
        legacy_user_id, signup_query_parameters)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      clearPassword: "UPDATE users SET password_hash = NULL WHERE user_id = ?",
      setCanCreateOrgs: "UPDATE users SET can_create_orgs = ? WHERE user_id = ?",
      enable: "UPDATE users SET enabled = 1, locked = 0 WHERE user_id = ?",
      disable2fa: "UPDATE users SET mfa_totp_secret = NULL, mfa_phones = '[]' WHERE user_id = ?",
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
    return this.cache.get("user", userId, () => this.q.byId.get(userId) as UserRow | undefined);
  }

  insert(u: NewUserRow): void {
    this.q.insert.run(
      u.user_id,
      u.email,
      u.email_confirmed,
      u.username,
      u.first_name,
      u.last_name,
      u.picture_url,
      u.properties,
      u.metadata,
      u.password_hash,
      u.locked,
      u.enabled,
      u.mfa_totp_secret,
      u.mfa_phones,
      u.can_create_orgs,
      u.created_at,
      u.last_active_at,
      u.update_password_required,
      u.legacy_user_id,
      u.signup_query_parameters,
    );
  }

  /** Sets the columns given (the others are left as they are). */
  update(userId: string, fields: UserUpdate): void {
    const columns = UPDATABLE.filter((c) => fields[c] !== undefined);
    if (!columns.length) return;
    const sets = columns.map((c) => `${c} = ?`).join(", ");
    this.db.prepare(`UPDATE users SET ${sets} WHERE user_id = ?`).run(...columns.map((c) => fields[c]), userId);
  }

  /** A page of the users the filter covers, and how many there are in all. */
  query(filter: UserFilter, limit: number, offset: number): { rows: UserRow[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.emailOrUsername !== undefined && filter.emailOrUsername !== "") {
      where.push("(email LIKE ? ESCAPE '\\' OR username LIKE ? ESCAPE '\\')");
      args.push(contains(filter.emailOrUsername), contains(filter.emailOrUsername));
    }
    if (filter.legacyUserId !== undefined) {
      where.push("legacy_user_id = ?");
      args.push(filter.legacyUserId);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const total = (this.db.prepare(`SELECT count(*) AS n FROM users ${clause}`).get(...args) as { n: number }).n;
    const order = ORDER_BY[filter.orderBy ?? "CREATED_AT_ASC"] ?? ORDER_BY.CREATED_AT_ASC;
    const rows = this.db.prepare(`SELECT * FROM users ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, limit, offset);
    return { rows: rows as UserRow[], total };
  }

  clearPassword(userId: string): void {
    this.q.clearPassword.run(userId);
  }

  setCanCreateOrgs(userId: string, value: Flag): void {
    this.q.setCanCreateOrgs.run(value, userId);
  }

  /** Enabled, and unlocked. */
  enable(userId: string): void {
    this.q.enable.run(userId);
  }

  /** No authenticator app and no phones. */
  disable2fa(userId: string): void {
    this.q.disable2fa.run(userId);
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
