// The `links` table: every token a link or a session carries (magic links, confirmation and
// invitation emails, SAML setup links, refresh tokens). A link is followed through
// /__emulator/links/{token}; a refresh token is a link that is never single-use.
import type { Db } from "../db.js";
import { prepared } from "./prepared.js";

export type LinkKind = "magic_link" | "refresh_token" | "saml_setup" | "invite" | "confirm_email" | "change_email" | (string & {});

export interface LinkRow {
  token: string;
  kind: LinkKind;
  /** JSON: what following the link acts on (user_id, org_id, email, ...). */
  payload: string;
  created_at: number;
  expires_at: number | null;
  single_use: 0 | 1;
  used_at: number | null;
}

export interface NewLink {
  token: string;
  kind: LinkKind;
  payload: object;
  createdAt: number;
  expiresAt: number | null;
  singleUse: boolean;
}

export class Links {
  private readonly q;

  constructor(db: Db) {
    this.q = prepared(db, {
      insert: "INSERT INTO links (token, kind, payload, created_at, expires_at, single_use) VALUES (?, ?, ?, ?, ?, ?)",
      byToken: "SELECT * FROM links WHERE token = ?",
      markUsed: "UPDATE links SET used_at = ? WHERE token = ?",
      deleteInvites:
        "DELETE FROM links WHERE kind = 'invite' AND json_extract(payload, '$.org_id') = ? AND json_extract(payload, '$.email') = ? COLLATE NOCASE",
    });
  }

  insert(link: NewLink): void {
    this.q.insert.run(link.token, link.kind, JSON.stringify(link.payload), link.createdAt, link.expiresAt, link.singleUse ? 1 : 0);
  }

  get(token: string): LinkRow | undefined {
    return this.q.byToken.get(token) as LinkRow | undefined;
  }

  markUsed(token: string, at: number): void {
    this.q.markUsed.run(at, token);
  }

  /** Removes the invitation links sent to `email` for the organization. */
  deleteInvites(orgId: string, email: string): void {
    this.q.deleteInvites.run(orgId, email);
  }
}
