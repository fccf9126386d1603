import { hashPassword, hex, uuid } from "../crypto.js";
import { json, type Row } from "../db.js";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { Project } from "../project.js";
import { userJson } from "../views.js";
import { type Handler, ok } from "./types.js";
import { contains, given, has, pageInfo, paging } from "./util.js";

const MIN_PASSWORD_LENGTH = 8;

export function checkPassword(field: string, password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw badRequest(field, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

function checkName(field: string, value: unknown) {
  if (typeof value === "string" && value.trim() === "") throw badRequest(field, "Must not be empty");
}

/** Records an email the project would send, with a link that performs its action when followed. */
export function sendLink(project: Project, to: string, kind: string, subject: string, payload: object, expiresIn: number | null): string {
  const token = hex(24);
  const now = project.now();
  project.store.links.insert({
    token,
    kind,
    payload,
    createdAt: now,
    expiresAt: expiresIn === null ? null : now + expiresIn,
    singleUse: true,
  });
  const link = `${project.settings.authUrl}/__emulator/links/${token}`;
  project.store.outbox.email(to, kind, subject, link, now);
  return link;
}

export interface NewUser {
  email: string;
  email_confirmed?: boolean;
  password_hash?: string | null;
  username?: string;
  first_name?: string;
  last_name?: string;
  picture_url?: string;
  properties?: Record<string, unknown>;
  legacy_user_id?: string;
  update_password_required?: boolean;
  enabled?: boolean;
  mfa_totp_secret?: string;
  signup_query_parameters?: Record<string, string>;
}

export function insertUser(project: Project, user: NewUser): string {
  project.store.users.checkUnique("email", "email", user.email);
  project.store.users.checkUnique("username", "username", user.username);
  const userId = uuid();
  const now = project.now();
  project
    .sql(
      `INSERT INTO users (user_id, email, email_confirmed, username, first_name, last_name, picture_url, properties, password_hash,
        enabled, mfa_totp_secret, created_at, last_active_at, update_password_required, legacy_user_id, signup_query_parameters)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      userId,
      user.email,
      user.email_confirmed ? 1 : 0,
      user.username ?? null,
      user.first_name ?? null,
      user.last_name ?? null,
      user.picture_url ?? null,
      json.text(user.properties),
      user.password_hash ?? null,
      user.enabled === false ? 0 : 1,
      user.mfa_totp_secret ?? null,
      now,
      now,
      user.update_password_required ? 1 : 0,
      user.legacy_user_id ?? null,
      JSON.stringify(user.signup_query_parameters ?? {}),
    );
  return userId;
}

const includeOrgs = (query: Record<string, unknown>) => query.include_orgs === true;

function batch(column: "user_id" | "email" | "username"): Handler {
  const key = column === "user_id" ? "user_ids" : `${column}s`;
  return ({ project, body, query }) => {
    const values = [...new Set(body[key] as string[])];
    const found = new Map<string, Row>();
    for (const value of values) {
      const row =
        column === "username"
          ? project.store.users.byUsername(value)
          : (project.sql(`SELECT * FROM users WHERE ${column} = ?`).get(value) as Row | undefined);
      if (row) found.set(String(row.user_id), row);
    }
    return ok([...found.values()].map((row) => userJson(project, row, includeOrgs(query))));
  };
}

const ORDER_BY: Record<string, string> = {
  CREATED_AT_ASC: "created_at ASC, seq ASC",
  CREATED_AT_DESC: "created_at DESC, seq DESC",
  LAST_ACTIVE_AT_ASC: "last_active_at ASC, seq ASC",
  LAST_ACTIVE_AT_DESC: "last_active_at DESC, seq DESC",
  EMAIL: "email COLLATE NOCASE ASC, seq ASC",
  USERNAME: "username IS NULL, username COLLATE NOCASE ASC, seq ASC",
};

function simpleUpdate(sql: string): Handler {
  return ({ project, path }) => {
    project.store.users.require(path.user_id!);
    project.sql(sql).run(path.user_id);
    return ok();
  };
}

export const userHandlers: Record<string, Handler> = {
  fetchUserById: ({ project, path, query }) => ok(userJson(project, project.store.users.require(path.user_id!), includeOrgs(query))),

  fetchUserByEmail: ({ project, query }) => {
    const row = project.store.users.byEmail(String(query.email));
    if (!row) throw notFound("user");
    return ok(userJson(project, row, includeOrgs(query)));
  },

  fetchUserByUsername: ({ project, query }) => {
    const row = project.store.users.byUsername(String(query.username));
    if (!row) throw notFound("user");
    return ok(userJson(project, row, includeOrgs(query)));
  },

  fetchUsersByIds: batch("user_id"),
  fetchUsersByEmails: batch("email"),
  fetchUsersByUsernames: batch("username"),

  queryUsers: ({ project, query }) => {
    const p = paging(query);
    const where: string[] = [];
    const args: unknown[] = [];
    if (typeof query.email_or_username === "string" && query.email_or_username !== "") {
      where.push("(email LIKE ? ESCAPE '\\' OR username LIKE ? ESCAPE '\\')");
      args.push(contains(query.email_or_username), contains(query.email_or_username));
    }
    if (typeof query.legacy_user_id === "string") {
      where.push("legacy_user_id = ?");
      args.push(query.legacy_user_id);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const total = (project.sql(`SELECT count(*) AS n FROM users ${clause}`).get(...args) as { n: number }).n;
    const order = ORDER_BY[String(query.order_by ?? "CREATED_AT_ASC")] ?? ORDER_BY.CREATED_AT_ASC;
    const rows = project.sql(`SELECT * FROM users ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, p.size, p.offset) as Row[];
    return ok({ users: rows.map((r) => userJson(project, r, includeOrgs(query))), total_users: total, ...pageInfo(p, total) });
  },

  fetchUsersInOrg: ({ project, path, query }) => {
    const p = paging(query);
    const args: unknown[] = [path.org_id];
    let clause = "WHERE m.org_id = ?";
    if (typeof query.role === "string") {
      clause += " AND m.role = ?";
      args.push(query.role);
    }
    const total = (project.sql(`SELECT count(*) AS n FROM memberships m ${clause}`).get(...args) as { n: number }).n;
    const rows = project
      .sql(
        `SELECT u.*, m.role AS m_role, m.additional_roles AS m_additional FROM memberships m JOIN users u ON u.user_id = m.user_id
         ${clause} ORDER BY m.seq LIMIT ? OFFSET ?`,
      )
      .all(...args, p.size, p.offset) as Row[];
    return ok({
      users: rows.map((r) => ({
        ...userJson(project, r, includeOrgs(query)),
        role_in_org: r.m_role,
        additional_roles_in_org: json.parse<string[]>(r.m_additional, []),
      })),
      total_users: total,
      ...pageInfo(p, total),
    });
  },

  fetchUserSignupQueryParameters: ({ project, path }) => {
    const row = project.store.users.require(path.user_id!);
    return ok({ user_signup_query_parameters: json.parse<Record<string, string>>(row.signup_query_parameters, {}) });
  },

  createUser: ({ project, body }) => {
    for (const f of ["username", "first_name", "last_name"]) checkName(f, body[f]);
    if (has(body, "password")) checkPassword("password", body.password);
    const userId = insertUser(project, {
      email: body.email,
      email_confirmed: body.email_confirmed === true,
      password_hash: has(body, "password") ? hashPassword(body.password) : null,
      username: given(body, "username"),
      first_name: given(body, "first_name"),
      last_name: given(body, "last_name"),
      properties: given(body, "properties"),
      update_password_required: body.ask_user_to_update_password_on_login === true,
    });
    if (body.send_email_to_confirm_email_address === true && body.email_confirmed !== true) {
      sendLink(project, body.email, "confirm_email", "Confirm your email address", { user_id: userId }, 7 * 86400);
    }
    return ok({ user_id: userId });
  },

  updateUserMetadata: ({ project, path, body }) => {
    const user = project.store.users.require(path.user_id!);
    for (const f of ["username", "first_name", "last_name"]) checkName(f, body[f]);
    project.store.users.checkUnique("username", "username", given(body, "username"), String(user.user_id));
    const sets: string[] = [];
    const args: unknown[] = [];
    for (const column of ["username", "first_name", "last_name", "picture_url", "legacy_user_id"]) {
      if (has(body, column)) {
        sets.push(`${column} = ?`);
        args.push(body[column]);
      }
    }
    for (const column of ["metadata", "properties"]) {
      if (has(body, column)) {
        sets.push(`${column} = ?`);
        args.push(JSON.stringify(column === "properties" ? { ...json.parse<object>(user.properties, {}), ...body[column] } : body[column]));
      }
    }
    if (typeof body.update_password_required === "boolean") {
      sets.push("update_password_required = ?");
      args.push(body.update_password_required ? 1 : 0);
    }
    if (sets.length) project.sql(`UPDATE users SET ${sets.join(", ")} WHERE user_id = ?`).run(...args, user.user_id);
    return ok();
  },

  updateUserEmail: ({ project, path, body }) => {
    const user = project.store.users.require(path.user_id!);
    project.store.users.checkUnique("new_email", "email", body.new_email, String(user.user_id));
    if (body.require_email_confirmation) {
      project.store.users.setPendingEmail(user.user_id, body.new_email);
      sendLink(
        project,
        body.new_email,
        "change_email",
        "Confirm your new email address",
        { user_id: user.user_id, new_email: body.new_email },
        86400,
      );
    } else {
      project.store.users.setEmail(user.user_id, body.new_email);
    }
    return ok();
  },

  updateUserPassword: ({ project, path, body }) => {
    const user = project.store.users.require(path.user_id!);
    checkPassword("password", body.password);
    project.store.users.setPassword(user.user_id, hashPassword(body.password), body.ask_user_to_update_password_on_login === true);
    return ok();
  },

  clearUserPassword: simpleUpdate("UPDATE users SET password_hash = NULL WHERE user_id = ?"),
  enableUserCanCreateOrgs: simpleUpdate("UPDATE users SET can_create_orgs = 1 WHERE user_id = ?"),
  disableUserCanCreateOrgs: simpleUpdate("UPDATE users SET can_create_orgs = 0 WHERE user_id = ?"),
  enableUser: simpleUpdate("UPDATE users SET enabled = 1, locked = 0 WHERE user_id = ?"),
  disableUser2fa: simpleUpdate("UPDATE users SET mfa_totp_secret = NULL, mfa_phones = '[]' WHERE user_id = ?"),

  disableUser: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    project.store.users.disable(path.user_id!, project.now());
    return ok();
  },

  logoutAllUserSessions: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    project.store.users.revokeSessions(path.user_id!, project.now());
    return ok();
  },

  deleteUser: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    project.store.users.delete(path.user_id!, project.now());
    return ok();
  },

  resendEmailConfirmation: ({ project, body }) => {
    const user = project.store.users.require(body.user_id);
    if (user.email_confirmed === 1) throw new ApiError(400, { user_facing_error: "This email address is already confirmed." });
    const last = typeof user.last_confirmation_email_at === "number" ? user.last_confirmation_email_at : undefined;
    if (last !== undefined && project.now() - last < 60) {
      throw new ApiError(429, { user_facing_error: "A confirmation email was sent recently. Please wait before asking for another one." });
    }
    project.store.users.markConfirmationSent(user.user_id, project.now());
    sendLink(project, String(user.email), "confirm_email", "Confirm your email address", { user_id: user.user_id }, 7 * 86400);
    return ok();
  },

  fetchUserMfaMethods: ({ project, path }) => {
    const user = project.store.users.require(path.user_id!);
    const phones = json.parse<{ mfa_phone_id: string; phone_number: string }[]>(user.mfa_phones, []);
    if (user.mfa_totp_secret !== null) return ok({ mfa_setup: { type: "Totp" } });
    if (phones.length > 0) {
      return ok({
        mfa_setup: {
          type: "Phone",
          phone_numbers: phones.map((p) => ({ mfa_phone_number_suffix: p.phone_number.slice(-4), mfa_phone_id: p.mfa_phone_id })),
        },
      });
    }
    return ok({ mfa_setup: null });
  },

  fetchUserOAuthTokens: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    const rows = project.store.oauth.ofUser(path.user_id!);
    return ok(Object.fromEntries(rows.map((r) => [r.provider, oauthJson(r)])));
  },

  fetchFreshOAuthToken: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    const row = project.store.oauth.get(path.user_id!, path.provider!);
    if (!row) throw notFound(`${path.provider} token`);
    if (row.refresh_token !== null) {
      project.store.oauth.refresh(path.user_id!, path.provider!, `${path.provider}_at_${hex(16)}`, project.now() + 3600);
    }
    return ok(oauthJson(project.store.oauth.get(path.user_id!, path.provider!)!));
  },

  fetchEmployee: ({ project, path }) => {
    const email = project.store.oauth.employeeEmail(path.employee_id!);
    if (email === undefined) throw notFound("employee");
    return ok({ email });
  },
};

function oauthJson(row: Row) {
  return {
    access_token: row.access_token,
    token_provider: row.provider,
    refresh_token: row.refresh_token ?? null,
    token_expiration: row.token_expiration ?? null,
    authorized_scopes: json.parse<string[] | null>(row.authorized_scopes, null),
  };
}
