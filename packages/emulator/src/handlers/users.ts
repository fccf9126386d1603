import { hashPassword, hex, uuid } from "../crypto.js";
import { json } from "../db.js";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { Project } from "../project.js";
import type { OauthTokenRow } from "../store/oauth.js";
import type { UserRow, Users, UserUpdate } from "../store/users.js";
import { userJson } from "../views.js";
import { type Handler, ok } from "./types.js";
import { given, has, pageInfo, paging } from "./util.js";

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
  project.store.users.insert({
    user_id: userId,
    email: user.email,
    email_confirmed: user.email_confirmed ? 1 : 0,
    username: user.username ?? null,
    first_name: user.first_name ?? null,
    last_name: user.last_name ?? null,
    picture_url: user.picture_url ?? null,
    properties: json.text(user.properties),
    metadata: null,
    password_hash: user.password_hash ?? null,
    locked: 0,
    enabled: user.enabled === false ? 0 : 1,
    mfa_totp_secret: user.mfa_totp_secret ?? null,
    mfa_phones: "[]",
    can_create_orgs: 0,
    created_at: now,
    last_active_at: now,
    update_password_required: user.update_password_required ? 1 : 0,
    legacy_user_id: user.legacy_user_id ?? null,
    signup_query_parameters: JSON.stringify(user.signup_query_parameters ?? {}),
  });
  return userId;
}

const includeOrgs = (query: Record<string, unknown>) => query.include_orgs === true;

function batch(column: "user_id" | "email" | "username"): Handler {
  const key = column === "user_id" ? "user_ids" : `${column}s`;
  return ({ project, body, query }) => {
    const values = [...new Set(body[key] as string[])];
    const found = new Map<string, UserRow>();
    const users = project.store.users;
    for (const value of values) {
      const row = column === "username" ? users.byUsername(value) : column === "email" ? users.byEmail(value) : users.get(value);
      if (row) found.set(row.user_id, row);
    }
    return ok([...found.values()].map((row) => userJson(project, row, includeOrgs(query))));
  };
}

/** A change to an existing user that takes nothing but the user's id. */
function simpleUpdate(change: (users: Users, userId: string) => void): Handler {
  return ({ project, path }) => {
    project.store.users.require(path.user_id!);
    change(project.store.users, path.user_id!);
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
    const { rows, total } = project.store.users.query(
      {
        emailOrUsername: typeof query.email_or_username === "string" ? query.email_or_username : undefined,
        legacyUserId: typeof query.legacy_user_id === "string" ? query.legacy_user_id : undefined,
        orderBy: String(query.order_by ?? "CREATED_AT_ASC"),
      },
      p.size,
      p.offset,
    );
    return ok({ users: rows.map((r) => userJson(project, r, includeOrgs(query))), total_users: total, ...pageInfo(p, total) });
  },

  fetchUsersInOrg: ({ project, path, query }) => {
    const p = paging(query);
    const role = typeof query.role === "string" ? query.role : undefined;
    const { rows, total } = project.store.orgs.members(path.org_id!, role, p.size, p.offset);
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
    const fields: UserUpdate = {};
    for (const column of ["username", "first_name", "last_name", "picture_url", "legacy_user_id"] as const) {
      if (has(body, column)) fields[column] = body[column];
    }
    if (has(body, "metadata")) fields.metadata = JSON.stringify(body.metadata);
    if (has(body, "properties")) fields.properties = JSON.stringify({ ...json.parse<object>(user.properties, {}), ...body.properties });
    if (typeof body.update_password_required === "boolean") fields.update_password_required = body.update_password_required ? 1 : 0;
    project.store.users.update(user.user_id, fields);
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

  clearUserPassword: simpleUpdate((users, id) => users.clearPassword(id)),
  enableUserCanCreateOrgs: simpleUpdate((users, id) => users.setCanCreateOrgs(id, 1)),
  disableUserCanCreateOrgs: simpleUpdate((users, id) => users.setCanCreateOrgs(id, 0)),
  enableUser: simpleUpdate((users, id) => users.enable(id)),
  disableUser2fa: simpleUpdate((users, id) => users.disable2fa(id)),

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

function oauthJson(row: OauthTokenRow) {
  return {
    access_token: row.access_token,
    token_provider: row.provider,
    refresh_token: row.refresh_token ?? null,
    token_expiration: row.token_expiration ?? null,
    authorized_scopes: json.parse<string[] | null>(row.authorized_scopes, null),
  };
}
