// The backend API keys of the emulated project: one printed key of each kind, created on first
// start and kept in the data file, and the keys tests create. Held in memory for the hot path.
import type { KeyKind } from "../config.js";
import { hex } from "../crypto.js";
import { type Db, json } from "../db.js";
import { prepared } from "./prepared.js";

export interface BackendKey {
  token: string;
  kind: KeyKind;
  name: string;
  permissions: string[];
}

const PRINTED: Record<KeyKind, string> = {
  "full-access": "Full Access",
  "read-and-validate": "Read and Validate",
  "validation-only": "Validation Only",
  custom: "Custom",
};

export class BackendKeys {
  private byToken = new Map<string, BackendKey>();

  private readonly q;

  constructor(db: Db) {
    this.q = prepared(db, {
      all: "SELECT * FROM backend_keys",
      byName: "SELECT token FROM backend_keys WHERE name = ?",
      insert: "INSERT INTO backend_keys (token, kind, name, permissions, created_at) VALUES (?, ?, ?, ?, ?)",
      setPermissions: "UPDATE backend_keys SET permissions = ? WHERE name = ?",
    });
    this.load();
  }

  private load() {
    this.byToken.clear();
    for (const row of this.q.all.all()) {
      this.byToken.set(String(row.token), {
        token: String(row.token),
        kind: row.kind as KeyKind,
        name: String(row.name),
        permissions: json.parse<string[]>(row.permissions, []),
      });
    }
  }

  /** The printed key of each kind, created when missing; the Custom key takes `customPermissions` when given. Run it in a transaction. */
  ensurePrinted(customPermissions: string[] | undefined, now: number): Record<KeyKind, BackendKey> {
    for (const [kind, name] of Object.entries(PRINTED)) {
      const existing = this.q.byName.get(name);
      if (!existing) {
        const permissions = kind === "custom" ? (customPermissions ?? ["read-users"]) : [];
        this.q.insert.run(hex(24), kind, name, JSON.stringify(permissions), now);
      } else if (kind === "custom" && customPermissions) {
        this.q.setPermissions.run(JSON.stringify(customPermissions), name);
      }
    }
    this.load();
    const byName = new Map([...this.byToken.values()].map((k) => [k.name, k]));
    return Object.fromEntries(Object.entries(PRINTED).map(([kind, name]) => [kind, byName.get(name)!])) as Record<KeyKind, BackendKey>;
  }

  create(kind: KeyKind, permissions: string[], name = `${kind} key`, now: number): BackendKey {
    const key: BackendKey = { token: hex(24), kind, name, permissions: kind === "custom" ? permissions : [] };
    this.q.insert.run(key.token, kind, name, JSON.stringify(key.permissions), now);
    this.byToken.set(key.token, key);
    return key;
  }

  get(token: string): BackendKey | undefined {
    return this.byToken.get(token);
  }

  list(): BackendKey[] {
    return [...this.byToken.values()];
  }
}
