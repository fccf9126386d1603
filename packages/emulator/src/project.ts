import type { OpenApiDocument } from "@propelauth-openapi/spec";
import type { KeyKind, RateLimit } from "./config.js";
import { generateRsaKeyPair, hex, sha256 } from "./crypto.js";
import { type Db, json, type Row, resetData, type Sql, statements } from "./db.js";
import { ApiError, badRequest, notFound } from "./errors.js";

export interface RoleDef {
  name: string;
  permissions: string[];
}

export interface RoleSet {
  structure: "single_role_in_hierarchy" | "multi_role";
  /** Highest role first: in a hierarchy each role inherits the roles after it. */
  roles: RoleDef[];
}

export interface BackendKey {
  token: string;
  kind: KeyKind;
  name: string;
  permissions: string[];
}

const ADMIN_PERMISSIONS = [
  "propelauth::can_invite",
  "propelauth::can_change_roles",
  "propelauth::can_remove_users",
  "propelauth::can_setup_saml",
  "propelauth::can_manage_api_keys",
];

/** The project's default roles: Owner > Admin > Member. */
export const DEFAULT_ROLES: RoleSet = {
  structure: "single_role_in_hierarchy",
  roles: [
    { name: "Owner", permissions: ["propelauth::can_delete_org", "billing::manage"] },
    { name: "Admin", permissions: [...ADMIN_PERMISSIONS, "reports::read"] },
    { name: "Member", permissions: [] },
  ],
};

/** Custom role mappings a new project starts with (Fetch Custom Role Mappings lists them). */
const SEEDED_ROLE_MAPPINGS: [string, RoleSet][] = [
  [
    "Enterprise roles",
    {
      structure: "single_role_in_hierarchy",
      roles: [
        { name: "Owner", permissions: ["propelauth::can_delete_org"] },
        { name: "Admin", permissions: ADMIN_PERMISSIONS },
        { name: "Billing", permissions: ["billing::manage"] },
        { name: "Member", permissions: ["reports::read"] },
      ],
    },
  ],
  [
    "Agency roles",
    {
      structure: "multi_role",
      roles: [
        { name: "Agency Admin", permissions: ADMIN_PERMISSIONS },
        { name: "Editor", permissions: ["content::edit"] },
        { name: "Viewer", permissions: ["content::read"] },
      ],
    },
  ],
];

export interface ProjectSettings {
  authUrl: string;
  orgsEnabled: boolean;
  accessTokensEnabled: boolean;
  stepUpMfaEnabled: boolean;
  apiKeyRateLimit: RateLimit | null;
}

const bool = (v: unknown) => v === 1 || v === true;
const opt = <T>(v: T | null | undefined) => (v === null || v === undefined ? undefined : v);

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "org"
  );
}

/** One emulated PropelAuth project (environment): its data, keys and settings. */
export class Project {
  readonly sql: Sql;
  /** Seconds added to the wall clock (POST /__emulator/clock), for expiry tests. */
  clockOffset = 0;
  private backendKeys = new Map<string, BackendKey>();
  private windows = new Map<string, { start: number; count: number }>();
  readonly rsa: { publicKeyPem: string; privateKeyPem: string; kid: string };

  constructor(
    readonly db: Db,
    readonly doc: OpenApiDocument,
    readonly settings: ProjectSettings,
    /** Told after each commit of a batch (the store checkpoints when idle). */
    private readonly onCommit: () => void = () => {},
  ) {
    this.sql = statements(db);
    this.rsa = this.loadRsa();
    this.seed();
    this.loadKeys();
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

  private cached<T>(key: string, compute: () => T): T {
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

  // Group commit: the writes of every request handled in one turn of the event loop go into one
  // SQLite transaction (each request in its own savepoint, rolled back alone if it fails), which
  // commits at the end of the turn; the answers wait for that commit. An answer therefore always
  // follows the commit of its writes (durable against kill -9), and a burst of concurrent writes
  // costs one commit instead of one each.
  private batchOpen = false;
  private waiting: { done: () => void; failed: (error: Error) => void }[] = [];

  /**
   * Runs a request's writes atomically inside the current batch (opening one if needed).
   * `countersOnly` says that the writes only touch usage counters, which no cache holds.
   */
  write<T>(fn: () => T, countersOnly = false): T {
    if (countersOnly) return this.writeInBatch(fn);
    this.invalidate();
    try {
      return this.writeInBatch(fn);
    } finally {
      // The handler may have cached what it read before writing it.
      this.invalidate();
    }
  }

  private writeInBatch<T>(fn: () => T): T {
    if (!this.batchOpen) {
      this.db.exec("BEGIN IMMEDIATE");
      this.batchOpen = true;
      setImmediate(() => this.commit());
    }
    return this.db.transaction(fn);
  }

  /** Calls `done` once everything written so far is committed (at once when nothing is pending). */
  afterCommit(done: () => void, failed: (error: Error) => void) {
    if (this.batchOpen) this.waiting.push({ done, failed });
    else done();
  }

  /** Commits the open batch and releases the answers that waited for it. */
  commit() {
    if (!this.batchOpen) return;
    const waiting = this.waiting;
    this.waiting = [];
    this.batchOpen = false;
    try {
      this.db.exec("COMMIT");
    } catch (error) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      for (const w of waiting) w.failed(error as Error);
      return;
    }
    this.onCommit();
    for (const w of waiting) w.done();
  }

  private meta(key: string): string | undefined {
    return (this.sql("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  }

  private setMeta(key: string, value: string) {
    this.sql("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  private loadRsa() {
    let stored = this.meta("rsa");
    if (!stored) {
      const pair = generateRsaKeyPair();
      stored = JSON.stringify({ ...pair, kid: hex(8) });
      this.setMeta("rsa", stored);
    }
    return JSON.parse(stored) as { publicKeyPem: string; privateKeyPem: string; kid: string };
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

  private loadKeys() {
    this.backendKeys.clear();
    for (const row of this.sql("SELECT * FROM backend_keys").all() as Row[]) {
      this.backendKeys.set(String(row.token), {
        token: String(row.token),
        kind: row.kind as KeyKind,
        name: String(row.name),
        permissions: json.parse<string[]>(row.permissions, []),
      });
    }
  }

  /** The printed key of each kind, created on first start and kept in the data file. */
  ensurePrintedKeys(customPermissions: string[] | undefined): Record<KeyKind, BackendKey> {
    const names: Record<KeyKind, string> = {
      "full-access": "Full Access",
      "read-and-validate": "Read and Validate",
      "validation-only": "Validation Only",
      custom: "Custom",
    };
    this.tx(() => {
      for (const [kind, name] of Object.entries(names)) {
        const existing = this.sql("SELECT token FROM backend_keys WHERE name = ?").get(name);
        if (!existing) {
          const permissions = kind === "custom" ? (customPermissions ?? ["read-users"]) : [];
          this.sql("INSERT INTO backend_keys (token, kind, name, permissions, created_at) VALUES (?, ?, ?, ?, ?)").run(
            hex(24),
            kind,
            name,
            JSON.stringify(permissions),
            this.now(),
          );
        } else if (kind === "custom" && customPermissions) {
          this.sql("UPDATE backend_keys SET permissions = ? WHERE name = ?").run(JSON.stringify(customPermissions), name);
        }
      }
    });
    this.loadKeys();
    const byName = new Map([...this.backendKeys.values()].map((k) => [k.name, k]));
    return Object.fromEntries(Object.entries(names).map(([kind, name]) => [kind, byName.get(name)!])) as Record<KeyKind, BackendKey>;
  }

  /** Creates another backend key (tests use it for Custom keys with chosen permissions). */
  createBackendKey(kind: KeyKind, permissions: string[], name = `${kind} key`): BackendKey {
    const key: BackendKey = { token: hex(24), kind, name, permissions: kind === "custom" ? permissions : [] };
    this.sql("INSERT INTO backend_keys (token, kind, name, permissions, created_at) VALUES (?, ?, ?, ?, ?)").run(
      key.token,
      kind,
      name,
      JSON.stringify(key.permissions),
      this.now(),
    );
    this.backendKeys.set(key.token, key);
    return key;
  }

  backendKey(token: string): BackendKey | undefined {
    return this.backendKeys.get(token);
  }

  listBackendKeys(): BackendKey[] {
    return [...this.backendKeys.values()];
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
    const set = this.roleSetOf(org);
    const index = set.roles.findIndex((r) => r.name === role);
    const held =
      set.structure === "single_role_in_hierarchy"
        ? set.roles.slice(Math.max(index, 0)).map((r) => r.name)
        : [role, ...additional.filter((r) => r !== role)];
    const permissions = new Set<string>();
    for (const r of set.roles) if (held.includes(r.name)) for (const p of r.permissions) permissions.add(p);
    return { structure: set.structure, held, permissions: [...permissions] };
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

  userByEmail(email: string): Row | undefined {
    return this.sql("SELECT * FROM users WHERE email = ?").get(email) as Row | undefined;
  }

  /** UserOrgInfo of each of the user's organizations, by org id. */
  orgInfoOf(userId: string): Record<string, unknown> {
    return this.cached(`orgInfo:${userId}`, () => this.computeOrgInfo(userId));
  }

  private computeOrgInfo(userId: string): Record<string, unknown> {
    const rows = this.sql(
      "SELECT m.role, m.additional_roles, o.* FROM memberships m JOIN orgs o ON o.org_id = m.org_id WHERE m.user_id = ? ORDER BY m.seq",
    ).all(userId) as Row[];
    const result: Record<string, unknown> = {};
    for (const row of rows)
      result[String(row.org_id)] = this.membershipJson(row, String(row.role), json.parse<string[]>(row.additional_roles, []));
    return result;
  }

  membershipJson(org: Row, role: string, additional: string[]) {
    const roles = this.effectiveRoles(org, role, additional);
    return {
      org_id: org.org_id,
      org_name: org.name,
      org_metadata: json.parse<object>(org.metadata, {}),
      url_safe_org_name: slugify(String(org.name)),
      user_role: role,
      inherited_user_roles_plus_current_role: roles.held,
      user_permissions: roles.permissions,
      org_role_structure: roles.structure,
      additional_roles: roles.structure === "multi_role" ? additional : [],
      ...(org.legacy_org_id ? { legacy_org_id: org.legacy_org_id } : {}),
    };
  }

  userJson(row: Row, includeOrgs = false): Record<string, unknown> {
    const phones = json.parse<unknown[]>(row.mfa_phones, []);
    return {
      user_id: row.user_id,
      email: row.email,
      email_confirmed: bool(row.email_confirmed),
      has_password: row.password_hash !== null,
      username: opt(row.username),
      first_name: opt(row.first_name),
      last_name: opt(row.last_name),
      picture_url: opt(row.picture_url),
      properties: json.parse<object | undefined>(row.properties, undefined),
      metadata: json.parse<object | null>(row.metadata, null),
      locked: bool(row.locked),
      enabled: bool(row.enabled),
      mfa_enabled: row.mfa_totp_secret !== null || phones.length > 0,
      can_create_orgs: bool(row.can_create_orgs),
      created_at: row.created_at,
      last_active_at: row.last_active_at,
      update_password_required: bool(row.update_password_required),
      legacy_user_id: opt(row.legacy_user_id),
      ...(includeOrgs ? { org_id_to_org_info: this.orgInfoOf(String(row.user_id)) } : {}),
    };
  }

  /** Throws 400 on `field` when the email or username belongs to another user. */
  checkUnique(field: string, column: "email" | "username", value: string | undefined, exceptUserId?: string) {
    if (value === undefined) return;
    const other = this.sql(`SELECT user_id FROM users WHERE ${column} = ?`).get(value) as Row | undefined;
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

  orgJson(row: Row): Record<string, unknown> {
    const sso = this.ssoOf(String(row.org_id));
    return {
      org_id: row.org_id,
      name: row.name,
      url_safe_org_slug: row.url_safe_org_slug,
      can_setup_saml: bool(row.can_setup_saml),
      is_saml_configured: sso !== undefined && bool(sso.live),
      is_saml_in_test_mode: sso !== undefined && !bool(sso.live),
      domain: opt(row.domain),
      extra_domains: json.parse<string[]>(row.extra_domains, []),
      domain_autojoin: bool(row.domain_autojoin),
      domain_restrict: bool(row.domain_restrict),
      max_users: opt(row.max_users),
      metadata: json.parse<object>(row.metadata, {}),
      custom_role_mapping_name: opt(row.custom_role_mapping_name),
      legacy_org_id: opt(row.legacy_org_id),
      password_rotation_enabled: bool(row.password_rotation_enabled),
      password_rotation_history_size: row.password_rotation_history_size,
      password_rotation_period: row.password_rotation_period,
    };
  }

  orgSummaryJson(row: Row): Record<string, unknown> {
    const sso = this.ssoOf(String(row.org_id));
    return {
      org_id: row.org_id,
      name: row.name,
      is_saml_configured: sso !== undefined && bool(sso.live),
      max_users: opt(row.max_users),
      metadata: json.parse<object>(row.metadata, {}),
      custom_role_mapping_name: opt(row.custom_role_mapping_name),
      legacy_org_id: opt(row.legacy_org_id),
      created_at: row.created_at,
    };
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
    if (!bool(org.domain_restrict)) return;
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

  apiKeyJson(row: Row): Record<string, unknown> {
    return {
      api_key_id: row.api_key_id,
      created_at: row.created_at,
      expires_at_seconds: row.expires_at_seconds ?? null,
      metadata: json.parse<object | null>(row.metadata, null),
      user_id: row.user_id ?? null,
      org_id: row.org_id ?? null,
      ...(row.display_name !== null ? { display_name: row.display_name } : {}),
    };
  }

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
