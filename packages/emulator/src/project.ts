import type { OpenApiDocument } from "@propelauth-openapi/spec";
import type { RateLimit } from "./config.js";
import { type Db, resetData } from "./db.js";
import { GroupCommit } from "./group-commit.js";
import { RateLimits } from "./rate-limits.js";
import { SigningKey } from "./signing-key.js";
import type { BackendKey } from "./store/backend-keys.js";
import { Stores } from "./store/index.js";

export type { BackendKey };

export interface ProjectSettings {
  authUrl: string;
  orgsEnabled: boolean;
  accessTokensEnabled: boolean;
  stepUpMfaEnabled: boolean;
  apiKeyRateLimit: RateLimit | null;
}

/**
 * One emulated PropelAuth project (environment): its clock, its transactions, its settings, and
 * what it holds: the tables (through the storage layer, src/store), the token-signing key and the
 * rate-limit windows. The rules of users, organizations, roles and keys live in the handlers and
 * the modules named for them.
 */
export class Project {
  /** The tables, through the storage layer (src/store). */
  readonly store: Stores;
  /** Seconds added to the wall clock (POST /__emulator/clock), for expiry tests. */
  clockOffset = 0;
  /** End-user API keys' rate-limit windows. */
  readonly rateLimits = new RateLimits();
  /** The key access tokens are signed with. */
  readonly signingKey: SigningKey;
  private readonly batches: GroupCommit;

  constructor(
    readonly db: Db,
    readonly doc: OpenApiDocument,
    readonly settings: ProjectSettings,
    /** Told after each commit of a batch (the store checkpoints when idle). */
    onCommit: () => void = () => {},
  ) {
    this.store = new Stores(db);
    this.batches = new GroupCommit(db, onCommit);
    this.signingKey = new SigningKey(this.store.meta, (store) => this.write(store));
    this.seed();
  }

  /** Unix seconds, as the API counts time. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffset;
  }

  nowExact(): number {
    return Date.now() / 1000 + this.clockOffset;
  }

  /** The UTC day (YYYY-MM-DD) of now(); built once a day, not per validation. */
  today(): string {
    const now = this.now();
    if (now < this.day.start || now >= this.day.start + 86_400) {
      const start = now - (((now % 86_400) + 86_400) % 86_400);
      this.day = { start, text: new Date(start * 1000).toISOString().slice(0, 10) };
    }
    return this.day.text;
  }
  private day = { start: Number.NEGATIVE_INFINITY, text: "" };

  /** Forgets every cached row (after a write). */
  invalidate() {
    this.store.cache.clear();
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

  /** Data a new project starts with; run again after a reset. */
  seed() {
    this.tx(() => this.store.roles.seed());
  }

  reset() {
    this.invalidate();
    resetData(this.db);
    this.rateLimits.clear();
    this.clockOffset = 0;
    this.seed();
  }
}
