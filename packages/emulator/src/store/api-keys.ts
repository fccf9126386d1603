// The `api_keys` and `api_key_usage` tables: end users' API keys (only a token's hash is stored)
// and how many validations each had per day.
import type { Db } from "../db.js";
import type { Statement } from "../sqlite.js";
import type { RowCache } from "./cache.js";
import { prepared } from "./prepared.js";
import type { Flag } from "./users.js";

export type ApiKeyRow = {
  seq: number;
  api_key_id: string;
  token_hash: string;
  imported: Flag;
  user_id: string | null;
  org_id: string | null;
  expires_at_seconds: number | null;
  /** JSON object. */
  metadata: string | null;
  display_name: string | null;
  created_at: number;
  archived_at: number | null;
  /** JSON {limit, windowSeconds}: the key's own rate limit. */
  rate_limit: string | null;
};

export interface NewApiKey {
  apiKeyId: string;
  tokenHash: string;
  imported: boolean;
  userId: string | null;
  orgId: string | null;
  expiresAt: number | null;
  /** JSON text. */
  metadata: string | null;
  displayName: string | null;
  createdAt: number;
  /** Set when the key is stored already deleted (seeding from the examples). */
  archivedAt?: number | null;
}

/** Which keys a listing or a usage count covers; each field given narrows it. */
export interface KeyFilter {
  archived?: boolean;
  orgId?: string;
  userId?: string;
  userEmail?: string;
  /** "personal" (no organization), "org"/"organization" (one), anything else: none. */
  kind?: string;
  apiKeyId?: string;
}

function where(filter: KeyFilter): { clause: string; args: unknown[] } {
  const conditions: string[] = [];
  const args: unknown[] = [];
  if (filter.archived !== undefined) conditions.push(filter.archived ? "k.archived_at IS NOT NULL" : "k.archived_at IS NULL");
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(`k.${column} = ?`);
    args.push(value);
  };
  equal("org_id", filter.orgId);
  equal("user_id", filter.userId);
  equal("api_key_id", filter.apiKeyId);
  if (filter.userEmail !== undefined) {
    conditions.push("k.user_id IN (SELECT user_id FROM users WHERE email = ?)");
    args.push(filter.userEmail);
  }
  if (filter.kind !== undefined) {
    const k = filter.kind;
    conditions.push(k === "personal" ? "k.org_id IS NULL" : k === "org" || k === "organization" ? "k.org_id IS NOT NULL" : "0");
  }
  return { clause: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", args };
}

export class ApiKeys {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly cache: RowCache,
  ) {
    this.q = prepared(db, {
      byId: "SELECT * FROM api_keys WHERE api_key_id = ?",
      currentById: "SELECT * FROM api_keys WHERE api_key_id = ? AND archived_at IS NULL",
      importedByHash: "SELECT * FROM api_keys WHERE token_hash = ? AND imported = 1",
      hashTaken: "SELECT 1 FROM api_keys WHERE token_hash = ?",
      insert: `INSERT INTO api_keys (api_key_id, token_hash, imported, user_id, org_id, expires_at_seconds, metadata, display_name, created_at,
        archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      setExpiry: "UPDATE api_keys SET expires_at_seconds = ? WHERE api_key_id = ?",
      setMetadata: "UPDATE api_keys SET metadata = ? WHERE api_key_id = ?",
      setRateLimit: "UPDATE api_keys SET rate_limit = ? WHERE api_key_id = ?",
      archive: "UPDATE api_keys SET archived_at = ? WHERE api_key_id = ?",
      addUse: "UPDATE api_key_usage SET count = count + 1 WHERE api_key_id = ? AND day = ?",
      setUsage: "INSERT INTO api_key_usage (api_key_id, day, count) VALUES (?, ?, ?)",
    });
  }

  /** A key by id (cached: validation reads it on every request). */
  get(apiKeyId: string): ApiKeyRow | undefined {
    return this.cache.get("apiKey", apiKeyId, () => this.q.byId.get(apiKeyId) as ApiKeyRow | undefined);
  }

  /** A key by id unless it was deleted (archived). */
  current(apiKeyId: string): ApiKeyRow | undefined {
    return this.q.currentById.get(apiKeyId) as ApiKeyRow | undefined;
  }

  importedByHash(tokenHash: string): ApiKeyRow | undefined {
    return this.q.importedByHash.get(tokenHash) as ApiKeyRow | undefined;
  }

  hashTaken(tokenHash: string): boolean {
    return this.q.hashTaken.get(tokenHash) !== undefined;
  }

  insert(key: NewApiKey): void {
    this.q.insert.run(
      key.apiKeyId,
      key.tokenHash,
      key.imported ? 1 : 0,
      key.userId,
      key.orgId,
      key.expiresAt,
      key.metadata,
      key.displayName,
      key.createdAt,
      key.archivedAt ?? null,
    );
  }

  setExpiry(apiKeyId: string, expiresAt: number | null): void {
    this.q.setExpiry.run(expiresAt, apiKeyId);
  }

  setMetadata(apiKeyId: string, metadata: string): void {
    this.q.setMetadata.run(metadata, apiKeyId);
  }

  /** JSON text, or null to remove the key's own limit; false when there is no such key. */
  setRateLimit(apiKeyId: string, rateLimit: string | null): boolean {
    return this.q.setRateLimit.run(rateLimit, apiKeyId).changes > 0;
  }

  archive(apiKeyId: string, at: number): void {
    this.q.archive.run(at, apiKeyId);
  }

  /** Counts one validation of the key on `day` (YYYY-MM-DD). */
  countUse(apiKeyId: string, day: string): void {
    // The day's row exists after its first validation: one lookup then, not an insert attempt first.
    if (this.q.addUse.run(apiKeyId, day).changes === 0) this.q.setUsage.run(apiKeyId, day, 1);
  }

  /** Records `count` validations of the key on `day` (seeding from the examples). */
  setUsage(apiKeyId: string, day: string, count: number): void {
    this.q.setUsage.run(apiKeyId, day, count);
  }

  /** A page of keys in creation order, and how many match in all. */
  list(filter: KeyFilter, limit: number, offset: number): { rows: ApiKeyRow[]; total: number } {
    const { clause, args } = where(filter);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM api_keys k ${clause}`).get(...args) as { n: number }).n;
    const page: Statement = this.db.prepare(`SELECT * FROM api_keys k ${clause} ORDER BY k.seq LIMIT ? OFFSET ?`);
    return { rows: page.all(...args, limit, offset) as ApiKeyRow[], total };
  }

  /** Validations on `day` of the keys the filter covers. */
  usage(day: unknown, filter: KeyFilter): number {
    const { clause, args } = where(filter);
    const sql = `SELECT coalesce(sum(u.count), 0) AS n FROM api_key_usage u JOIN api_keys k ON k.api_key_id = u.api_key_id ${clause ? `${clause} AND` : "WHERE"} u.day = ?`;
    return (this.db.prepare(sql).get(...args, day) as { n: number }).n;
  }
}
