// The SQLite engine: node-sqlite3-wasm, SQLite compiled to WebAssembly with a VFS over node:fs.
// It installs from the registry with no native build step (npm, pnpm 10 defaults, Bun) and runs
// on Node 20 and later; the README's Storage section has the measurements behind the choice.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type * as Wasm from "node-sqlite3-wasm";

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

const toSql = (params: Value[]) => params.map((v) => (v === undefined ? null : v)) as Wasm.BindValues[] as never;

// Integers beyond 2^53 come back as BigInt, which JSON cannot carry: answer them as numbers.
function fromSql(row: Record<string, unknown>): Row {
  for (const key in row) if (typeof row[key] === "bigint") row[key] = Number(row[key]);
  return row;
}

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
      <T>(fn: (params: never) => T) =>
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
    const name = `sp${++this.savepoints}`;
    this.inner.exec(nested ? `SAVEPOINT ${name}` : "BEGIN");
    try {
      const result = fn();
      this.inner.exec(nested ? `RELEASE ${name}` : "COMMIT");
      return result;
    } catch (error) {
      if (this.inner.inTransaction) this.inner.exec(nested ? `ROLLBACK TO ${name}; RELEASE ${name}` : "ROLLBACK");
      throw error;
    } finally {
      this.savepoints--;
    }
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

/**
 * Makes sure this process may open `file`. The engine locks a file with a `<file>.lock` folder,
 * which a killed process leaves behind; `<file>.owner` names the process that holds it, so a
 * stale lock is cleared and a live one refused with its process id.
 */
function claim(file: string): () => void {
  const lock = `${file}.lock`;
  const owner = `${file}.owner`;
  if (existsSync(lock)) {
    const pid = existsSync(owner) ? Number(readFileSync(owner, "utf8")) : Number.NaN;
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
      throw new DataFileInUse(`the data file ${file} is in use by process ${pid}; stop it or pass another --data file`);
    }
    rmSync(lock, { recursive: true, force: true });
  }
  writeFileSync(owner, String(process.pid), { mode: 0o600 });
  return () => rmSync(owner, { force: true });
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
  prepareDataFile(file);
  const release = claim(file);
  try {
    const db = new Database(file);
    db.pragma("locking_mode = EXCLUSIVE");
    if (db.pragma("journal_mode = WAL") !== "wal") throw new Error(`could not switch ${file} to WAL`);
    if (existsSync(`${file}-wal`)) chmodSync(`${file}-wal`, 0o600);
    return { db, release };
  } catch (error) {
    release();
    throw error;
  }
}
