import type { OpenApiDocument } from "@propelauth-openapi/spec";
import { type BackendKey, BackendKeys } from "./backend-keys.js";
import type { KeyKind, RateLimit } from "./config.js";
import { generateRsaKeyPair, generateRsaKeyPairInBackground, hex, sha256 } from "./crypto.js";
import { type Db, json, type Row, resetData, type Sql, statements } from "./db.js";
import { ApiError, badRequest, notFound } from "./errors.js";
import { GroupCommit } from "./group-commit.js";
import { DEFAULT_ROLES, effectiveRolesIn, type RoleSet, SEEDED_ROLE_MAPPINGS } from "./roles.js";
import { Stores } from "./store/index.js";
import { usernameKey } from "./username.js";

export type { BackendKey };

type RsaPair = { publicKeyPem: string; privateKeyPem: string; kid: string };

export interface ProjectSettings {
  authUrl: string;
  orgsEnabled: boolean;
  accessTokensEnabled: boolean;
  stepUpMfaEnabled: boolean;
  apiKeyRateLimit: RateLimit | null;
}

/** One emulated PropelAuth project (environment): its data, keys and settings. */
export class Project {
  readonly sql: Sql;
  /** The tables, through the storage layer (src/store). */
  readonly store: Stores;
  /** Seconds added to the wall clock (POST /__emulator/clock), for expiry tests. */
  clockOffset = 0;
  private readonly keys: BackendKeys;
  private windows = new Map<string, { start: number; count: number }>();
  private rsaPair: RsaPair | undefined;

  constructor(
    readonly db: Db,
    readonly doc: OpenApiDocument,
    readonly settings: ProjectSettings,
    /** Told after each commit of a batch (the store checkpoints when idle). */
    onCommit: () => void = () => {},
  ) {
    this.sql = statements(db);
    this.store = new Stores(db);
    this.batches = new GroupCommit(db, onCommit);
    this.prepareRsa();
    this.seed();
    this.keys = new BackendKeys(this.sql);
  }

  /** Unix seconds, as the API counts time. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffset;
  }

  nowExact(): number {
    return Date.now() / 1000 + this.clockOffset;
  }

  today(): string {
    return new Date(this.now() * 1000).toISOString().slice(0, 10);
  }

  // Read caches of rows that hot paths (fetch user, validate API key) read on every request.
  // Any write clears them all, so they never serve stale data.
  private cache = new Map<string, unknown>();

  /** A value computed once until the next write (see invalidate). */
  cached<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(key, value);
    return value;
  }

  /** Forgets every cached row (after a write). */
  invalidate() {
    this.cache.clear();
  }

  /** Runs `fn` in one transaction: all its writes land together or not at all. */
  tx<T>(fn: () => T): T {
    this.invalidate();
    try {
      return this.db.transaction(fn);
    } finally {
      this.invalidate();
    }
  }

  private readonly batches: GroupCommit;

  /**
   * Runs a request's writes atomically inside the current batch (see GroupCommit).
   * `countersOnly` says that the writes only touch usage counters, which no cache holds.
   */
  write<T>(fn: () => T, countersOnly = false): T {
    if (countersOnly) return this.batches.write(fn);
    this.invalidate();
    try {
      return this.batches.write(fn);
    } finally {
      // The handler may have cached what it read before writing it.
      this.invalidate();
    }
  }

  /** Calls `done` once everything written so far is committed (at once when nothing is pending). */
  afterCommit(done: () => void, failed: (error: Error) => void) {
    this.batches.afterCommit(done, failed);
  }

  /** Commits the open batch now. */
  commit() {
    this.batches.commit();
  }

  private meta(key: string): string | undefined {
    return (this.sql("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  }

  private setMeta(key: string, value: string) {
    this.sql("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /**
   * The token-signing key pair, kept in the data file. A new store generates it off the main
   * thread after start-up (generating RSA keys takes 0.1–1 s, most of a new store's start-up), or
   * at once if a request needs it first.
   */
  get rsa(): RsaPair {
    if (!this.rsaPair) {
      const stored = this.meta("rsa");
      this.rsaPair = stored ? (JSON.parse(stored) as RsaPair) : this.storeRsa(generateRsaKeyPair());
    }
    return this.rsaPair;
  }

  /**
   * Replaces the token-signing key pair, as a key rotation in PropelAuth would: the metadata then
   * answers the new public key, and tokens signed with the old one no longer verify.
   */
  rotateSigningKey() {
    this.rsaPair = this.storeRsa(generateRsaKeyPair());
    return { kid: this.rsaPair.kid, verifier_key_pem: this.rsaPair.publicKeyPem };
  }

  private storeRsa(pair: { publicKeyPem: string; privateKeyPem: string }): RsaPair {
    const rsa = { ...pair, kid: hex(8) };
    this.setMeta("rsa", JSON.stringify(rsa));
    return rsa;
  }

  private prepareRsa() {
    const stored = this.meta("rsa");
    if (stored) {
      this.rsaPair = JSON.parse(stored) as RsaPair;
      return;
    }
    generateRsaKeyPairInBackground((pair) => {
      try {
        if (!this.rsaPair) this.write(() => (this.rsaPair = this.storeRsa(pair)));
      } catch {
        // The store was closed meanwhile: the next start generates one.
      }
    });
  }

  /** Data a new project starts with; run again after a reset. */
  seed() {
    this.tx(() => {
      SEEDED_ROLE_MAPPINGS.forEach(([name, roles], i) => {
        this.sql("INSERT OR IGNORE INTO custom_role_mappings (name, roles, seq) VALUES (?, ?, ?)").run(name, JSON.stringify(roles), i);
      });
    });
  }

  reset() {
    this.invalidate();
    resetData(this.db);
    this.windows.clear();
    this.clockOffset = 0;
    this.seed();
  }

  // ---------------------------------------------------------------- backend keys

  /** The printed key of each kind, created on first start and kept in the data file. */
  ensurePrintedKeys(customPermissions: string[] | undefined): Record<KeyKind, BackendKey> {
    return this.tx(() => this.keys.ensurePrinted(customPermissions, this.now()));
  }

  /** Creates another backend key (tests use it for Custom keys with chosen permissions). */
  createBackendKey(kind: KeyKind, permissions: string[], name?: string): BackendKey {
    return this.keys.create(kind, permissions, name, this.now());
  }

  backendKey(token: string): BackendKey | undefined {
    return this.keys.get(token);
  }

  listBackendKeys(): BackendKey[] {
    return this.keys.list();
  }

  // ---------------------------------------------------------------- roles

  roleSetOf(org: Row | undefined): RoleSet {
    const name = org?.custom_role_mapping_name;
    if (typeof name !== "string") return DEFAULT_ROLES;
    return this.cached(`roles:${name}`, () => {
      const row = this.sql("SELECT roles FROM custom_role_mappings WHERE name = ?").get(name) as Row | undefined;
      return row ? json.parse<RoleSet>(row.roles, DEFAULT_ROLES) : DEFAULT_ROLES;
    });
  }

  roleMappingExists(name: string): boolean {
    return this.sql("SELECT 1 FROM custom_role_mappings WHERE name = ?").get(name) !== undefined;
  }

  /** Checks a role (and additional roles) against the organization's roles; throws 400. */
  checkRoles(org: Row, role: string, additional: string[] | undefined) {
    const set = this.roleSetOf(org);
    const names = set.roles.map((r) => r.name);
    if (!names.includes(role)) throw badRequest("role", `Unknown role "${role}": the organization's roles are ${names.join(", ")}`);
    const extra = additional ?? [];
    if (extra.length > 0 && set.structure !== "multi_role") {
      throw badRequest("additional_roles", "This organization has one role per user (single_role_in_hierarchy): send no additional roles");
    }
    for (const r of extra) if (!names.includes(r)) throw badRequest("additional_roles", `Unknown role "${r}"`);
  }

  /** The roles a member holds and what they allow. */
  effectiveRoles(org: Row, role: string, additional: string[]) {
    return effectiveRolesIn(this.roleSetOf(org), role, additional);
  }

  // ---------------------------------------------------------------- users

  userRow(userId: string): Row | undefined {
    return this.cached(`user:${userId}`, () => this.sql("SELECT * FROM users WHERE user_id = ?").get(userId) as Row | undefined);
  }

  requireUser(userId: string): Row {
    const row = this.userRow(userId);
    if (!row) throw notFound("user");
    return row;
  }

  /** The user whose username is the same as `username` (see username.ts). */
  userByUsername(username: string): Row | undefined {
    return this.sql("SELECT * FROM users WHERE username_key = ?").get(usernameKey(username)) as Row | undefined;
  }

  userByEmail(email: string): Row | undefined {
    return this.sql("SELECT * FROM users WHERE email = ?").get(email) as Row | undefined;
  }

  /** Throws 400 on `field` when the email or username belongs to another user. */
  checkUnique(field: string, column: "email" | "username", value: string | undefined, exceptUserId?: string) {
    if (value === undefined) return;
    const other = (
      column === "username"
        ? this.sql("SELECT user_id FROM users WHERE username_key = ?").get(usernameKey(value))
        : this.sql("SELECT user_id FROM users WHERE email = ?").get(value)
    ) as Row | undefined;
    if (other && other.user_id !== exceptUserId) {
      throw badRequest(field, column === "email" ? "A user with this email already exists" : "A user with this username already exists");
    }
  }

  /** Deletes a user and everything that hangs off them. */
  deleteUser(userId: string) {
    const now = this.now();
    for (const m of this.sql("SELECT org_id FROM memberships WHERE user_id = ?").all(userId) as Row[]) {
      this.sql("INSERT INTO membership_events (org_id, user_id, kind, at) VALUES (?, ?, 'left', ?)").run(m.org_id, userId, now);
    }
    this.sql("DELETE FROM memberships WHERE user_id = ?").run(userId);
    this.sql("DELETE FROM scim_group_members WHERE user_id = ?").run(userId);
    this.sql("DELETE FROM oauth_tokens WHERE user_id = ?").run(userId);
    this.sql("DELETE FROM step_up_grants WHERE user_id = ?").run(userId);
    this.sql("DELETE FROM sms_challenges WHERE user_id = ?").run(userId);
    this.sql("UPDATE api_keys SET archived_at = ? WHERE user_id = ? AND archived_at IS NULL").run(now, userId);
    this.sql("UPDATE invites SET inviter_user_id = NULL WHERE inviter_user_id = ?").run(userId);
    this.sql("DELETE FROM users WHERE user_id = ?").run(userId);
  }

  // ---------------------------------------------------------------- organizations

  orgRow(orgId: string): Row | undefined {
    return this.cached(`org:${orgId}`, () => this.sql("SELECT * FROM orgs WHERE org_id = ?").get(orgId) as Row | undefined);
  }

  requireOrg(orgId: string): Row {
    const row = this.orgRow(orgId);
    if (!row) throw notFound("organization");
    return row;
  }

  ssoOf(orgId: string): Row | undefined {
    return this.cached(`sso:${orgId}`, () => this.sql("SELECT * FROM sso_connections WHERE org_id = ?").get(orgId) as Row | undefined);
  }

  membership(userId: string, orgId: string): Row | undefined {
    return this.cached(
      `member:${userId}:${orgId}`,
      () => this.sql("SELECT * FROM memberships WHERE user_id = ? AND org_id = ?").get(userId, orgId) as Row | undefined,
    );
  }

  /** An end-user API key by id. */
  apiKeyRow(apiKeyId: string): Row | undefined {
    return this.cached(
      `apiKey:${apiKeyId}`,
      () => this.sql("SELECT * FROM api_keys WHERE api_key_id = ?").get(apiKeyId) as Row | undefined,
    );
  }

  memberCount(orgId: string): number {
    return (this.sql("SELECT count(*) AS n FROM memberships WHERE org_id = ?").get(orgId) as { n: number }).n;
  }

  /** Throws 400 when the email's domain is not one of a domain-restricted organization's. */
  checkDomain(org: Row, email: string, field: string) {
    if (org.domain_restrict !== 1) return;
    const domains = [org.domain, ...json.parse<string[]>(org.extra_domains, [])].filter((d): d is string => typeof d === "string");
    const domain = email.split("@").pop()?.toLowerCase() ?? "";
    if (!domains.some((d) => d.toLowerCase() === domain)) {
      throw badRequest(field, `The organization only accepts members with an email address at ${domains.join(", ") || "its domain"}`);
    }
  }

  addMember(org: Row, userId: string, role: string, additional: string[]) {
    const now = this.now();
    const seq = (this.sql("SELECT coalesce(max(seq), 0) + 1 AS n FROM memberships").get() as { n: number }).n;
    this.sql("INSERT INTO memberships (user_id, org_id, role, additional_roles, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)").run(
      userId,
      org.org_id,
      role,
      JSON.stringify(additional),
      now,
      seq,
    );
    this.sql("INSERT INTO membership_events (org_id, user_id, kind, at) VALUES (?, ?, 'joined', ?)").run(org.org_id, userId, now);
  }

  deleteOrg(orgId: string) {
    const now = this.now();
    this.sql("DELETE FROM memberships WHERE org_id = ?").run(orgId);
    this.sql("DELETE FROM membership_events WHERE org_id = ?").run(orgId);
    this.sql("DELETE FROM invites WHERE org_id = ?").run(orgId);
    this.sql("DELETE FROM sso_connections WHERE org_id = ?").run(orgId);
    this.sql("DELETE FROM scim_group_members WHERE group_id IN (SELECT group_id FROM scim_groups WHERE org_id = ?)").run(orgId);
    this.sql("DELETE FROM scim_groups WHERE org_id = ?").run(orgId);
    this.sql("UPDATE api_keys SET archived_at = ? WHERE org_id = ? AND archived_at IS NULL").run(now, orgId);
    this.sql("DELETE FROM orgs WHERE org_id = ?").run(orgId);
  }

  // ---------------------------------------------------------------- end-user API keys

  /** Counts a validation against the key's rate limit; throws 429 with `wait_seconds` when over. */
  takeRateLimit(row: Row) {
    const own = json.parse<RateLimit | null>(row.rate_limit, null);
    const limit = own ?? this.settings.apiKeyRateLimit;
    if (!limit) return;
    const id = String(row.api_key_id);
    const now = this.nowExact();
    let window = this.windows.get(id);
    if (!window || now >= window.start + limit.windowSeconds) {
      window = { start: now, count: 0 };
      this.windows.set(id, window);
    }
    if (window.count >= limit.limit) {
      const wait = Math.max(0, Math.round((window.start + limit.windowSeconds - now) * 1000) / 1000);
      throw new ApiError(429, {
        wait_seconds: wait,
        user_facing_error: `Too many requests. Please try again in ${Math.ceil(wait)} seconds.`,
        error_code: "rate_limited",
      });
    }
    window.count++;
  }

  hashToken(token: string): string {
    return sha256(token);
  }
}
