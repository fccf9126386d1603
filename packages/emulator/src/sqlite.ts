// The SQLite engine: node-sqlite3-wasm, SQLite compiled to WebAssembly with a VFS over node:fs.
// It installs from the registry with no native build step (npm, pnpm 10 defaults, Bun) and runs
// on Node 20 and later; the README's Storage section has the measurements behind the choice.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type * as Wasm from "node-sqlite3-wasm";
import { refuseDamagedWal, refuseEmptied } from "./store-check.js";

const { Database: WasmDatabase } = createRequire(import.meta.url)("node-sqlite3-wasm") as typeof Wasm;

/** Rows as SQLite returns them. */
export type Row = Record<string, unknown>;

// Rows' values are checked by the handlers; the engine refuses what it cannot store.
type Value = unknown;

export interface Statement {
  run(...params: Value[]): { changes: number };
  get(...params: Value[]): Row | undefined;
  all(...params: Value[]): Row[];
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

// undefined binds as NULL, as better-sqlite3 did; the engine refuses types it cannot store.
// The engine binds text as a C string, cut at the first U+0000 ("A\u0000B" would be stored as
// "A"): such a string is bound as its UTF-8 bytes instead, kept byte-exact and compared exactly
// (a lookup by "A" does not find it). The schema has no BLOB column, so a BLOB read back is one.
function toSql(params: Value[]): Wasm.BindValues {
  return params.map((v) =>
    v === undefined ? null : typeof v === "string" && v.includes("\u0000") ? utf8.encode(v) : v,
  ) as Wasm.BindValues;
}

// Integers beyond 2^53 come back as BigInt, which JSON cannot carry: answer them as numbers.
function fromSql(row: Record<string, unknown>): Row {
  for (const key in row) {
    const v = row[key];
    if (typeof v === "bigint") row[key] = Number(v);
    else if (v instanceof Uint8Array) row[key] = fromUtf8.decode(v);
  }
  return row;
}

/** The statements that open, close and undo a transaction or a savepoint. */
type Control = { begin: Statement; end: Statement; undo: Statement };

/** One connection, with the subset of better-sqlite3's interface the emulator uses. */
export class Database {
  private readonly inner: Wasm.Database;
  private readonly prepared = new Map<string, { stmt: Wasm.Statement; api: Statement }>();
  private savepoints = 0;

  constructor(readonly file: string) {
    this.inner = new WasmDatabase(file);
  }

  exec(sql: string): void {
    this.inner.exec(sql);
  }

  /** A prepared statement, cached by its text until the connection closes. */
  prepare(sql: string): Statement {
    const cached = this.prepared.get(sql);
    if (cached) return cached.api;
    const stmt = this.inner.prepare(sql);
    // The pinned version's own reset. get() stops after the first row and leaves the statement
    // open, holding its read lock until the next use; a failed step leaves its error to the next
    // reset, which would then refuse to bind: reset at once in both cases.
    const reset = () => (stmt as unknown as { _reset(): boolean })._reset();
    const guarded =
      <T>(fn: (params: Wasm.BindValues) => T) =>
      (...params: Value[]): T => {
        try {
          return fn(toSql(params));
        } catch (error) {
          reset();
          throw error;
        }
      };
    const api: Statement = {
      run: guarded((p) => ({ changes: stmt.run(p).changes })),
      get: guarded((p) => {
        const row = stmt.get(p);
        reset();
        return row === null ? undefined : fromSql(row);
      }),
      all: guarded((p) => stmt.all(p).map(fromSql)),
    };
    this.prepared.set(sql, { stmt, api });
    return api;
  }

  /** Registers a deterministic SQL function over one text argument (a BLOB is text that held U+0000). */
  textFunction(name: string, fn: (text: string) => string | null): void {
    const call = (v: unknown) => (typeof v === "string" ? fn(v) : v instanceof Uint8Array ? fn(fromUtf8.decode(v)) : null);
    // A result holding U+0000 goes back as bytes too, as bound values do (toSql).
    this.inner.function(name, (v) => (toSql([call(v)]) as Wasm.SQLiteValue[])[0] ?? null, { deterministic: true });
  }

  /** The first column of the first row of a PRAGMA. */
  pragma(statement: string): unknown {
    const row = this.inner.get(`PRAGMA ${statement}`);
    return row === null ? undefined : Object.values(row)[0];
  }

  get inTransaction(): boolean {
    return this.inner.inTransaction;
  }

  /**
   * Runs `fn` atomically: in a transaction, or in a savepoint inside an open one. A throw undoes
   * its writes and goes on up.
   */
  transaction<T>(fn: () => T): T {
    const nested = this.inner.inTransaction;
    const depth = ++this.savepoints;
    const control = nested ? this.savepoint(depth) : this.outer();
    control.begin.run();
    try {
      const result = fn();
      control.end.run();
      return result;
    } catch (error) {
      if (this.inner.inTransaction) {
        control.undo.run();
        if (nested) control.end.run();
      }
      throw error;
    } finally {
      this.savepoints--;
    }
  }

  // Transaction control runs for every write: its statements are prepared once and run without
  // going through exec (savepoint names are sp<depth>: a few statements in all).
  private readonly savepointControls: Control[] = [];
  private outerControl: Control | undefined;

  private savepoint(depth: number): Control {
    const name = `sp${depth}`;
    this.savepointControls[depth] ??= {
      begin: this.prepare(`SAVEPOINT ${name}`),
      end: this.prepare(`RELEASE ${name}`),
      undo: this.prepare(`ROLLBACK TO ${name}`),
    };
    return this.savepointControls[depth];
  }

  private outer(): Control {
    this.outerControl ??= { begin: this.prepare("BEGIN"), end: this.prepare("COMMIT"), undo: this.prepare("ROLLBACK") };
    return this.outerControl;
  }

  close(): void {
    for (const { stmt } of this.prepared.values()) if (!stmt.isFinalized) stmt.finalize();
    this.prepared.clear();
    this.inner.close();
  }
}

/** Thrown when another live process has the data file open. */
export class DataFileInUse extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Ownership of a data file is SQLite's own lock, held for the connection's life (exclusive locking
 * mode): the engine's VFS takes it by creating the folder `<file>.lock`, which only one process can
 * create. The owner then names itself inside it (`owner-<pid>`), so that a lock left by a killed
 * process can be told from a live one. A start that finds the lock taken never deletes it unless
 * its owner is dead, and then only by removing that owner's own file first: two starts breaking
 * the same stale lock cannot both succeed, and neither can remove a live owner's lock.
 */
const lockDir = (file: string) => `${file}.lock`;

function ownerOf(file: string): number | undefined {
  try {
    const name = readdirSync(lockDir(file)).find((f) => f.startsWith("owner-"));
    return name === undefined ? undefined : Number(name.slice(6));
  } catch {
    return undefined;
  }
}

/** Names this process as the lock's owner; returns what un-names it (before the connection closes). */
function markOwner(file: string): () => void {
  const mark = `${lockDir(file)}/owner-${process.pid}`;
  writeFileSync(mark, "", { mode: 0o600 });
  return () => rmSync(mark, { force: true });
}

/** Removes the lock of a dead owner; false when someone else changed it first. */
function breakStaleLock(file: string, deadPid: number): boolean {
  try {
    unlinkSync(`${lockDir(file)}/owner-${deadPid}`);
    rmdirSync(lockDir(file));
    return true;
  } catch {
    return false;
  }
}

const inUse = (file: string, owner: number) =>
  new DataFileInUse(`the data file ${file} is in use by process ${owner}; stop it or pass another --data file`);

/** Why the lock is held: throws DataFileInUse when by a live process; returns when it may be retried. */
function waitForLock(file: string, deadline: number): void {
  const owner = ownerOf(file);
  if (owner !== undefined && owner !== process.pid && alive(owner)) {
    throw inUse(file, owner);
  }
  if (owner !== undefined) {
    breakStaleLock(file, owner);
    return;
  }
  // Taken a moment ago by a start that has not named itself yet, or left by one killed in that moment.
  if (Date.now() > deadline) {
    throw new DataFileInUse(
      `the data file ${file} is locked (${lockDir(file)}) by a process that did not name itself; if no emulator uses this file, delete that folder`,
    );
  }
  sleep(25);
}

const isBusy = (error: unknown) => /database is locked|SQLITE_BUSY/i.test(String((error as Error)?.message ?? error));

/** Opens `file` and takes its lock for the connection's life; the returned release must run before close. */
function openOwned(file: string, fresh: boolean): { db: Database; release: () => void } {
  const deadline = Date.now() + 2000;
  for (;;) {
    const db = new Database(file);
    try {
      db.pragma("locking_mode = EXCLUSIVE");
      // The switch of a new, empty file to WAL holds no data: it need not wait for fsyncs
      // (openDatabase sets the store's own setting next).
      if (fresh) db.pragma("synchronous = OFF");
      // The first read takes the lock, and exclusive locking mode keeps it until close.
      if (db.pragma("journal_mode = WAL") !== "wal") throw new Error(`could not switch ${file} to WAL`);
      return { db, release: markOwner(file) };
    } catch (error) {
      db.close();
      if (!isBusy(error)) throw error;
    }
    waitForLock(file, deadline);
  }
}

/**
 * Creates the data file's folder (0700: only its owner may list or enter it) and the file itself
 * (0600: only its owner may read it: it holds the backend keys and the token-signing private key).
 */
export function prepareDataFile(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // The folder is the emulator's own: keep it out of the user's repository.
    writeFileSync(`${dir}/.gitignore`, "*\n", { mode: 0o600 });
  }
  closeSync(openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/**
 * Opens a data file for this process alone: WAL journal in exclusive locking mode (the WAL index
 * lives in this process's memory, no shared memory needed) or an in-memory database.
 */
export function openConnection(file: string): { db: Database; release: () => void } {
  if (file === ":memory:") return { db: new Database(file), release: () => {} };
  try {
    // Before SQLite reads the files (it would drop a damaged log, and delete it on close).
    refuseEmptied(file);
    refuseDamagedWal(file);
  } catch (error) {
    // A live owner may be writing the log right now: that is the answer then.
    const owner = ownerOf(file);
    if (owner !== undefined && owner !== process.pid && alive(owner)) throw inUse(file, owner);
    throw error;
  }
  const fresh = !existsSync(file);
  prepareDataFile(file);
  const owned = openOwned(file, fresh);
  if (existsSync(`${file}-wal`)) chmodSync(`${file}-wal`, 0o600);
  return owned;
}
