import { createHash } from "node:crypto";
import { type Database, openConnection } from "./sqlite.js";
import { usernameKey } from "./username.js";

export type Db = Database;

// The tables that hold the project's data. `meta` and `backend_keys` are the emulator's own
// configuration (RSA key pair, printed keys): a reset keeps them, so printed keys stay valid.
const DATA_TABLES = [
  "users",
  "orgs",
  "memberships",
  "membership_events",
  "invites",
  "sso_connections",
  "scim_groups",
  "scim_group_members",
  "api_keys",
  "api_key_usage",
  "links",
  "outbox",
  "step_up_grants",
  "sms_challenges",
  "oauth_tokens",
  "employees",
  "custom_role_mappings",
] as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS backend_keys (
  token TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  permissions TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  email_confirmed INTEGER NOT NULL DEFAULT 0,
  pending_email TEXT,
  username TEXT UNIQUE COLLATE NOCASE,
  first_name TEXT,
  last_name TEXT,
  picture_url TEXT,
  properties TEXT,
  metadata TEXT,
  password_hash TEXT,
  locked INTEGER NOT NULL DEFAULT 0,
  enabled INTEGER NOT NULL DEFAULT 1,
  mfa_totp_secret TEXT,
  mfa_phones TEXT NOT NULL DEFAULT '[]',
  can_create_orgs INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL,
  update_password_required INTEGER NOT NULL DEFAULT 0,
  legacy_user_id TEXT,
  signup_query_parameters TEXT NOT NULL DEFAULT '{}',
  sessions_revoked_at INTEGER,
  last_confirmation_email_at INTEGER
);
CREATE INDEX IF NOT EXISTS users_created ON users (created_at, seq);
CREATE INDEX IF NOT EXISTS users_legacy ON users (legacy_user_id);
CREATE TABLE IF NOT EXISTS orgs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  url_safe_org_slug TEXT NOT NULL,
  can_setup_saml INTEGER NOT NULL DEFAULT 0,
  domain TEXT,
  extra_domains TEXT NOT NULL DEFAULT '[]',
  domain_autojoin INTEGER NOT NULL DEFAULT 0,
  domain_restrict INTEGER NOT NULL DEFAULT 0,
  max_users INTEGER,
  metadata TEXT NOT NULL DEFAULT '{}',
  custom_role_mapping_name TEXT,
  legacy_org_id TEXT,
  require_2fa_by TEXT,
  password_rotation_enabled INTEGER NOT NULL DEFAULT 0,
  password_rotation_history_size INTEGER NOT NULL DEFAULT 0,
  password_rotation_period INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS memberships (
  user_id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  role TEXT NOT NULL,
  additional_roles TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (user_id, org_id)
);
CREATE INDEX IF NOT EXISTS memberships_org ON memberships (org_id, seq);
CREATE TABLE IF NOT EXISTS membership_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  invitee_email TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL,
  additional_roles TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  inviter_email TEXT,
  inviter_user_id TEXT,
  UNIQUE (org_id, invitee_email)
);
CREATE TABLE IF NOT EXISTS sso_connections (
  org_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  config TEXT NOT NULL,
  live INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS scim_groups (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  external_id_from_idp TEXT
);
CREATE TABLE IF NOT EXISTS scim_group_members (
  group_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE TABLE IF NOT EXISTS api_keys (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  api_key_id TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  imported INTEGER NOT NULL DEFAULT 0,
  user_id TEXT,
  org_id TEXT,
  expires_at_seconds INTEGER,
  metadata TEXT,
  display_name TEXT,
  created_at INTEGER NOT NULL,
  archived_at INTEGER,
  rate_limit TEXT
);
CREATE INDEX IF NOT EXISTS api_keys_user ON api_keys (user_id);
CREATE INDEX IF NOT EXISTS api_keys_org ON api_keys (org_id);
CREATE TABLE IF NOT EXISTS api_key_usage (
  api_key_id TEXT NOT NULL,
  day TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (api_key_id, day)
);
CREATE TABLE IF NOT EXISTS links (
  token TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  single_use INTEGER NOT NULL DEFAULT 1,
  used_at INTEGER
);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  to_address TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  link TEXT,
  code TEXT,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS step_up_grants (
  grant TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  action_type TEXT NOT NULL,
  grant_type TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE TABLE IF NOT EXISTS sms_challenges (
  challenge_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  mfa_phone_id TEXT NOT NULL,
  action_type TEXT NOT NULL,
  grant_type TEXT NOT NULL,
  valid_for_seconds INTEGER NOT NULL,
  code TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE TABLE IF NOT EXISTS oauth_tokens (
  user_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  access_token TEXT NOT NULL,
  refresh_token TEXT,
  token_expiration INTEGER,
  authorized_scopes TEXT,
  PRIMARY KEY (user_id, provider)
);
CREATE TABLE IF NOT EXISTS employees (employee_id TEXT PRIMARY KEY, email TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS custom_role_mappings (name TEXT PRIMARY KEY, roles TEXT NOT NULL, seq INTEGER NOT NULL);
`;

/** An open data file: the connection, and what closes it. */
export interface Store {
  db: Db;
  /** Checkpoints the WAL when the store has been idle for a while (call after each commit). */
  committed(): void;
  close(): void;
}

/**
 * Opens (or creates) the data file. WAL with synchronous=NORMAL: a commit is written to the WAL
 * file before the request is answered, so an acknowledged write survives the process being
 * killed (kill -9): the data is in the operating system's page cache, which a process crash does
 * not lose. Only an operating-system crash or power cut can lose the last commits (never corrupt
 * the file), an acceptable trade for a local emulator; `durability: "full"` (synchronous=FULL, an
 * fsync per commit) closes that gap too, at a cost in throughput.
 */
export function openDatabase(file: string, durability: "normal" | "full" = "normal"): Store {
  const { db, release } = openConnection(file);
  db.pragma("foreign_keys = OFF");
  // One transaction: a new file's tables are one commit, not one per statement (and, before the
  // durability setting below, a new file's first commit waits for no fsync: it holds no data).
  db.transaction(() => {
    db.exec(SCHEMA);
    keyUsernames(db);
  });
  db.pragma(`synchronous = ${durability === "full" ? "FULL" : "NORMAL"}`);
  // Checkpoints (copying the WAL into the database, the only step that fsyncs under NORMAL) run
  // when no request has committed for a while; the WAL checkpoints itself past ~64 MB.
  db.pragma("wal_autocheckpoint = 16000");
  let idle: NodeJS.Timeout | undefined;
  return {
    db,
    committed() {
      if (file === ":memory:") return;
      if (idle) idle.refresh();
      else idle = setTimeout(() => idleCheckpoint(db), 1000).unref();
    },
    close() {
      clearTimeout(idle);
      if (file !== ":memory:") checkpoint(db);
      // The owner's name leaves the lock folder first, so that closing can remove the folder.
      release();
      db.close();
    },
  };
}

/** Copies the WAL into the database unless a transaction is open; whether it ran. */
function checkpoint(db: Db): boolean {
  if (db.inTransaction) return false;
  db.pragma("wal_checkpoint(PASSIVE)");
  return true;
}

/**
 * The checkpoint run when the store is idle. Once the WAL is fully copied into the database, the
 * next commit starts the log over, and writing the new log header fsyncs it (under NORMAL too):
 * left to the next request, that fsync blocked the event loop for 10–400 ms on a busy disk. A
 * one-row write to `meta` starts the log over here instead, while nothing waits for an answer.
 */
export function idleCheckpoint(db: Db): void {
  if (!checkpoint(db)) return;
  try {
    db.transaction(() => db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('wal_started', 'idle')").run());
  } catch {
    // A failed write (a full disk) leaves the log as it was: the next commit starts it over.
  }
}

/**
 * Usernames are compared by `usernameKey` (see username.ts), kept in `users.username_key` by
 * triggers on every write of a username (a data file from before gets the column and its keys).
 */
function keyUsernames(db: Db): void {
  db.textFunction("username_key", usernameKey);
  const columns = db.prepare("PRAGMA table_info(users)").all();
  if (!columns.some((c) => c.name === "username_key")) {
    db.exec("ALTER TABLE users ADD COLUMN username_key TEXT; UPDATE users SET username_key = username_key(username)");
  }
  db.exec(`
    CREATE INDEX IF NOT EXISTS users_username_key ON users (username_key);
    CREATE TRIGGER IF NOT EXISTS users_username_key_insert AFTER INSERT ON users BEGIN
      UPDATE users SET username_key = username_key(NEW.username) WHERE seq = NEW.seq;
    END;
    CREATE TRIGGER IF NOT EXISTS users_username_key_update AFTER UPDATE OF username ON users BEGIN
      UPDATE users SET username_key = username_key(NEW.username) WHERE seq = NEW.seq;
    END;`);
}

/** Deletes the project's data; keeps the emulator's keys. */
export function resetData(db: Db): void {
  db.transaction(() => {
    for (const table of DATA_TABLES) db.exec(`DELETE FROM ${table}`);
    db.exec("DELETE FROM sqlite_sequence");
  });
}

/** Whether the project holds any data (a new project's custom role mappings do not count). */
export function hasData(db: Db): boolean {
  return DATA_TABLES.some((table) => table !== "custom_role_mappings" && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined);
}

/** A digest of every data table, to tell whether anything changed. */
export function stateDigest(db: Db): { digest: string; counts: Record<string, number> } {
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  for (const table of DATA_TABLES) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
    counts[table] = rows.length;
    hash.update(`${table}\n`);
    for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  }
  return { digest: hash.digest("hex"), counts };
}

export const json = {
  parse<T>(text: unknown, fallback: T): T {
    if (typeof text !== "string") return fallback;
    try {
      return JSON.parse(text) as T;
    } catch {
      return fallback;
    }
  },
  text(value: unknown): string | null {
    return value === undefined || value === null ? null : JSON.stringify(value);
  },
};
