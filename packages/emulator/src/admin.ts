import type { IncomingMessage, ServerResponse } from "node:http";
import { adminRoute } from "./admin-route.js";
import { KEY_KINDS } from "./config.js";
import { totp, uuid } from "./crypto.js";
import { json, type Row, stateDigest } from "./db.js";
import { issueRefreshToken } from "./handlers/sessions.js";
import type { Send } from "./http/send.js";
import type { Project } from "./project.js";
import { seedProject } from "./seed.js";

export interface AdminContext {
  project: Project;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  text: string;
  send: Send;
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const fail = (status: number, message: string) => new AdminError(status, message);

const ENDPOINTS = [
  'POST /__emulator/reset — delete all users, organizations, keys\' data (backend keys are kept); with {"seed": "examples"}, then seed the document\'s examples',
  "GET  /__emulator/state — a digest and row counts of the stored data",
  "GET  /__emulator/keys — the backend API keys; POST {kind, permissions?, name?} creates one",
  "POST /__emulator/clock {advance_seconds} — move the emulator's clock forward (expiry tests)",
  "POST /__emulator/signing_key/rotate — a new token-signing key: the metadata answers it, tokens signed before fail",
  "GET  /__emulator/outbox — emails and SMS the project would have sent, with their links and codes",
  "GET  /__emulator/links/{token} — follow a magic link (a login: answers the session's refresh_token), confirmation or invitation link",
  "PUT  /__emulator/users/{user_id}/mfa_phones {phone_numbers: [...]} — give a user SMS MFA",
  "GET  /__emulator/users/{user_id}/totp — the current TOTP code of a user with an authenticator app",
  "PUT  /__emulator/users/{user_id}/oauth_tokens/{provider} {access_token, refresh_token?, ...} — store a social login token",
  "POST /__emulator/employees {email, employee_id?} — add a PropelAuth employee",
  "POST /__emulator/orgs/{org_id}/scim_groups {display_name, external_id_from_idp?, user_ids?} — push a SCIM group",
  "PUT  /__emulator/api_keys/{api_key_id}/rate_limit {limit, window_seconds} — set a key's own rate limit (null removes it)",
];

// biome-ignore lint/suspicious/noExplicitAny: admin bodies are checked field by field
function parse(text: string): any {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw fail(400, "the body must be JSON");
  }
}

function followLink(project: Project, token: string): unknown {
  const link = project.store.links.get(token);
  const now = project.now();
  if (!link) throw fail(404, "unknown link");
  if (link.used_at !== null && link.single_use === 1) throw fail(410, "this link was already used");
  if (typeof link.expires_at === "number" && link.expires_at <= now) throw fail(410, "this link has expired");
  const payload = json.parse<Record<string, string>>(link.payload, {});
  project.store.links.markUsed(token, now);
  switch (link.kind) {
    case "magic_link": {
      const user = project.store.users.require(payload.user_id!);
      if (user.enabled !== 1) throw fail(403, "the user is disabled");
      project.sql("UPDATE users SET email_confirmed = 1, last_active_at = ? WHERE user_id = ?").run(now, user.user_id);
      const refreshToken = issueRefreshToken(project, String(user.user_id));
      return { action: "logged_in", user_id: user.user_id, redirect_to_url: payload.redirect_to_url ?? null, refresh_token: refreshToken };
    }
    case "confirm_email":
      project.sql("UPDATE users SET email_confirmed = 1 WHERE user_id = ?").run(payload.user_id);
      return { action: "email_confirmed", user_id: payload.user_id };
    case "change_email": {
      const taken = project.store.users.byEmail(payload.new_email!);
      if (taken && taken.user_id !== payload.user_id) throw fail(409, "the new email belongs to another user now");
      project
        .sql("UPDATE users SET email = ?, email_confirmed = 1, pending_email = NULL WHERE user_id = ?")
        .run(payload.new_email, payload.user_id);
      return { action: "email_changed", user_id: payload.user_id, email: payload.new_email };
    }
    case "invite": {
      const invite = project.sql("SELECT * FROM invites WHERE org_id = ? AND invitee_email = ?").get(payload.org_id, payload.email) as
        | Row
        | undefined;
      if (!invite || Number(invite.expires_at) <= now) throw fail(410, "the invitation was revoked or has expired");
      const org = project.store.orgs.require(payload.org_id!);
      let user = project.store.users.byEmail(payload.email!);
      if (!user) {
        const userId = uuid();
        project
          .sql("INSERT INTO users (user_id, email, email_confirmed, created_at, last_active_at) VALUES (?, ?, 1, ?, ?)")
          .run(userId, payload.email, now, now);
        user = project.store.users.require(userId);
      }
      if (!project.store.orgs.membership(String(user.user_id), String(org.org_id))) {
        project.store.orgs.addMember(
          org,
          String(user.user_id),
          String(invite.role),
          json.parse<string[]>(invite.additional_roles, []),
          project.now(),
        );
      }
      project.sql("DELETE FROM invites WHERE seq = ?").run(invite.seq);
      return { action: "invitation_accepted", user_id: user.user_id, org_id: org.org_id };
    }
    case "saml_setup":
      return { action: "saml_setup", org_id: payload.org_id, note: "an SSO set-up page would open here" };
    default:
      throw fail(404, `unknown link kind ${link.kind}`);
  }
}

export function handleAdmin(ctx: AdminContext): void {
  const { project, req, res, url, text, send } = ctx;
  const method = req.method ?? "GET";
  const { route, parts } = adminRoute(method, url.pathname);
  try {
    const result = project.write((): unknown => {
      switch (route) {
        case "GET /":
          return { endpoints: ENDPOINTS };
        case "POST /reset": {
          const body = parse(text) ?? {};
          if (body.seed !== undefined && body.seed !== "examples") throw fail(400, 'seed must be "examples"');
          project.reset();
          return body.seed ? { reset: true, seeded: seedProject(project, body.seed) } : { reset: true };
        }
        case "GET /state":
          return stateDigest(project.db);
        case "GET /keys":
          return { keys: project.listBackendKeys() };
        case "POST /keys": {
          const body = parse(text);
          if (!KEY_KINDS.includes(body.kind)) throw fail(400, `kind must be one of ${KEY_KINDS.join(", ")}`);
          const permissions = Array.isArray(body.permissions) ? body.permissions.map(String) : [];
          const known = Object.keys(project.doc.info["x-propelauth-permissions"] ?? {});
          const unknown = permissions.filter((p: string) => !known.includes(p));
          if (unknown.length) throw fail(400, `unknown permissions: ${unknown.join(", ")}`);
          return project.createBackendKey(body.kind, permissions, typeof body.name === "string" ? body.name : undefined);
        }
        case "POST /clock": {
          const body = parse(text);
          if (typeof body.advance_seconds !== "number") throw fail(400, "advance_seconds must be a number");
          project.clockOffset += body.advance_seconds;
          return { now: project.now(), offset_seconds: project.clockOffset };
        }
        case "POST /signing_key/rotate":
          return project.rotateSigningKey();
        case "GET /outbox":
          return { messages: project.store.outbox.all() };
        case "GET /links/*":
          return followLink(project, parts[1]!);
        case "PUT /users/*/mfa_phones": {
          project.store.users.require(parts[1]!);
          const body = parse(text);
          if (!Array.isArray(body.phone_numbers) || body.phone_numbers.some((p: unknown) => typeof p !== "string")) {
            throw fail(400, "phone_numbers must be an array of strings");
          }
          const phones = body.phone_numbers.map((phone_number: string) => ({ mfa_phone_id: uuid(), phone_number }));
          project.sql("UPDATE users SET mfa_phones = ? WHERE user_id = ?").run(JSON.stringify(phones), parts[1]);
          return { phone_numbers: phones };
        }
        case "GET /users/*/totp": {
          const user = project.store.users.require(parts[1]!);
          if (typeof user.mfa_totp_secret !== "string") throw fail(404, "the user has no authenticator app");
          return { code: totp(user.mfa_totp_secret, project.now()) };
        }
        case "PUT /users/*/oauth_tokens/*": {
          project.store.users.require(parts[1]!);
          const body = parse(text);
          if (typeof body.access_token !== "string") throw fail(400, "access_token must be a string");
          project
            .sql(
              `INSERT INTO oauth_tokens (user_id, provider, access_token, refresh_token, token_expiration, authorized_scopes) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (user_id, provider) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
                 token_expiration = excluded.token_expiration, authorized_scopes = excluded.authorized_scopes`,
            )
            .run(
              parts[1],
              parts[3],
              body.access_token,
              body.refresh_token ?? null,
              body.token_expiration ?? null,
              json.text(body.authorized_scopes),
            );
          return { stored: true };
        }
        case "POST /employees": {
          const body = parse(text);
          if (typeof body.email !== "string") throw fail(400, "email must be a string");
          const employeeId = typeof body.employee_id === "string" ? body.employee_id : uuid();
          project.sql("INSERT OR REPLACE INTO employees (employee_id, email) VALUES (?, ?)").run(employeeId, body.email);
          return { employee_id: employeeId, email: body.email };
        }
        case "POST /orgs/*/scim_groups": {
          const org = project.store.orgs.require(parts[1]!);
          const body = parse(text);
          if (typeof body.display_name !== "string") throw fail(400, "display_name must be a string");
          const groupId = uuid();
          project
            .sql("INSERT INTO scim_groups (group_id, org_id, display_name, external_id_from_idp) VALUES (?, ?, ?, ?)")
            .run(groupId, org.org_id, body.display_name, body.external_id_from_idp ?? null);
          const userIds: string[] = Array.isArray(body.user_ids) ? body.user_ids : [];
          userIds.forEach((userId, i) => {
            if (!project.store.orgs.membership(userId, String(org.org_id)))
              throw fail(400, `user ${userId} is not a member of the organization`);
            project.sql("INSERT OR IGNORE INTO scim_group_members (group_id, user_id, seq) VALUES (?, ?, ?)").run(groupId, userId, i);
          });
          return { group_id: groupId, display_name: body.display_name, members: userIds };
        }
        case "PUT /api_keys/*/rate_limit": {
          const body = parse(text);
          const limit =
            body === null || body.limit === null ? null : { limit: Number(body.limit), windowSeconds: Number(body.window_seconds) };
          if (limit && !(limit.limit >= 0 && limit.windowSeconds > 0)) throw fail(400, "limit must be >= 0 and window_seconds > 0");
          const found = project.store.apiKeys.setRateLimit(parts[1]!, json.text(limit));
          if (!found) throw fail(404, "unknown API key");
          return { api_key_id: parts[1], rate_limit: limit };
        }
        default:
          throw fail(404, `no emulator endpoint ${method} ${url.pathname}; GET /__emulator/ lists them`);
      }
    });
    project.afterCommit(
      () => send(res, 200, result),
      (error) => send(res, 500, { error: error.message }),
    );
  } catch (error) {
    const status = error instanceof AdminError ? error.status : (error as { status?: number }).status;
    if (error instanceof AdminError) send(res, error.status, { error: error.message });
    else if (typeof status === "number") send(res, status, (error as { body?: unknown }).body ?? { error: String(error) });
    else send(res, 500, { error: (error as Error).message });
  }
}
