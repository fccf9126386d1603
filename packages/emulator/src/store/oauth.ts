// The `oauth_tokens` table (social login tokens, one per user and provider) and `employees`
// (PropelAuth employees, for Fetch Employee).
import type { Db } from "../db.js";
import { prepared } from "./prepared.js";

export type OauthTokenRow = {
  user_id: string;
  provider: string;
  access_token: string;
  refresh_token: string | null;
  token_expiration: number | null;
  /** JSON array. */
  authorized_scopes: string | null;
};

export class OauthTokens {
  private readonly q;

  constructor(db: Db) {
    this.q = prepared(db, {
      ofUser: "SELECT * FROM oauth_tokens WHERE user_id = ? ORDER BY provider",
      get: "SELECT * FROM oauth_tokens WHERE user_id = ? AND provider = ?",
      refresh: "UPDATE oauth_tokens SET access_token = ?, token_expiration = ? WHERE user_id = ? AND provider = ?",
      set: `INSERT INTO oauth_tokens (user_id, provider, access_token, refresh_token, token_expiration, authorized_scopes) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (user_id, provider) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
             token_expiration = excluded.token_expiration, authorized_scopes = excluded.authorized_scopes`,
      keep: `INSERT OR IGNORE INTO oauth_tokens (user_id, provider, access_token, refresh_token, token_expiration, authorized_scopes)
       VALUES (?, ?, ?, ?, ?, ?)`,
      employee: "SELECT email FROM employees WHERE employee_id = ?",
      setEmployee: "INSERT OR REPLACE INTO employees (employee_id, email) VALUES (?, ?)",
    });
  }

  ofUser(userId: string): OauthTokenRow[] {
    return this.q.ofUser.all(userId) as OauthTokenRow[];
  }

  get(userId: string, provider: string): OauthTokenRow | undefined {
    return this.q.get.get(userId, provider) as OauthTokenRow | undefined;
  }

  /** A new access token, as refreshing with the provider would give. */
  refresh(userId: string, provider: string, accessToken: string, expiresAt: number): void {
    this.q.refresh.run(accessToken, expiresAt, userId, provider);
  }

  set(row: OauthTokenRow): void {
    this.q.set.run(row.user_id, row.provider, row.access_token, row.refresh_token, row.token_expiration, row.authorized_scopes);
  }

  /** Stores the token unless the user already has one from the provider. */
  keep(row: OauthTokenRow): void {
    this.q.keep.run(row.user_id, row.provider, row.access_token, row.refresh_token, row.token_expiration, row.authorized_scopes);
  }

  employeeEmail(employeeId: string): string | undefined {
    return (this.q.employee.get(employeeId) as { email: string } | undefined)?.email;
  }

  setEmployee(employeeId: string, email: string): void {
    this.q.setEmployee.run(employeeId, email);
  }
}
