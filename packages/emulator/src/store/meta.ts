// The `meta` table: the emulator's own settings kept in the data file (the token-signing key
// pair); a reset keeps them.
import type { Db } from "../db.js";
import { prepared } from "./prepared.js";

export class Meta {
  private readonly q;

  constructor(db: Db) {
    this.q = prepared(db, {
      get: "SELECT value FROM meta WHERE key = ?",
      set: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    });
  }

  get(key: string): string | undefined {
    return (this.q.get.get(key) as { value: string } | undefined)?.value;
  }

  set(key: string, value: string): void {
    this.q.set.run(key, value);
  }
}
