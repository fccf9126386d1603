import type { OpenApiDocument } from "@propelauth-openapi/spec";
import type { KeyKind, RateLimit } from "./config.js";
import { generateRsaKeyPair, generateRsaKeyPairInBackground, hex, sha256 } from "./crypto.js";
import { type Db, resetData, type Sql, statements } from "./db.js";
import { GroupCommit } from "./group-commit.js";
import { RateLimits } from "./rate-limits.js";
import { type BackendKey, BackendKeys } from "./store/backend-keys.js";
import { Stores } from "./store/index.js";

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
  /** End-user API keys' rate-limit windows. */
  readonly rateLimits = new RateLimits();
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
    this.keys = new BackendKeys(db);
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

  /**
   * The token-signing key pair, kept in the data file. A new store generates it off the main
   * thread after start-up (generating RSA keys takes 0.1–1 s, most of a new store's start-up), or
   * at once if a request needs it first.
   */
  get rsa(): RsaPair {
    if (!this.rsaPair) {
      const stored = this.store.meta.get("rsa");
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
    this.store.meta.set("rsa", JSON.stringify(rsa));
    return rsa;
  }

  private prepareRsa() {
    const stored = this.store.meta.get("rsa");
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
    this.tx(() => this.store.roles.seed());
  }

  reset() {
    this.invalidate();
    resetData(this.db);
    this.rateLimits.clear();
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

  hashToken(token: string): string {
    return sha256(token);
  }
}
