import type { Db } from "../db.js";
import type { Statement } from "../sqlite.js";

/**
 * A store module's statements by name, each prepared on first use and then held for the
 * connection's life: a hot path pays no lookup by SQL text, and start-up prepares nothing it does
 * not run.
 */
export function prepared<K extends string>(db: Db, sql: Record<K, string>): Record<K, Statement> {
  const held = {} as Record<K, Statement>;
  for (const name of Object.keys(sql) as K[]) {
    Object.defineProperty(held, name, {
      get() {
        const statement = db.prepare(sql[name]);
        Object.defineProperty(held, name, { value: statement });
        return statement;
      },
      configurable: true,
    });
  }
  return held;
}
