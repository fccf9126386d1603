// The `outbox` table: the emails and SMS the project would have sent (GET /__emulator/outbox).
import type { Db } from "../db.js";
import { prepared } from "./prepared.js";

export interface OutboxRow {
  id: number;
  to_address: string;
  kind: string;
  subject: string;
  link: string | null;
  code: string | null;
  created_at: number;
}

export class Outbox {
  private readonly q;

  constructor(db: Db) {
    this.q = prepared(db, {
      email: "INSERT INTO outbox (to_address, kind, subject, link, created_at) VALUES (?, ?, ?, ?, ?)",
      sms: "INSERT INTO outbox (to_address, kind, subject, code, created_at) VALUES (?, 'sms', ?, ?, ?)",
      all: "SELECT * FROM outbox ORDER BY id",
    });
  }

  email(to: string, kind: string, subject: string, link: string, at: number): void {
    this.q.email.run(to, kind, subject, link, at);
  }

  sms(to: string, subject: string, code: string, at: number): void {
    this.q.sms.run(to, subject, code, at);
  }

  all(): OutboxRow[] {
    return this.q.all.all() as unknown as OutboxRow[];
  }
}
