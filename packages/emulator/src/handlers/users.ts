// The operations tagged "Users" in the document.
import { hashPassword } from "../crypto.js";
import { json } from "../db.js";
import { ApiError, notFound } from "../errors.js";
import { sendLink } from "../send-link.js";
import type { UserRow, Users, UserUpdate } from "../store/users.js";
import { checkName, checkPassword, insertUser } from "../users.js";
import { userJson } from "../views.js";
import { type Handler, ok } from "./types.js";
import { given, has, pageInfo, paging } from "./util.js";

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

export const usersHandlers: Record<string, Handler> = {
  fetchUserById: ({ project, path, query }) => ok(userJson(project, project.store.users.require(path.user_id!), includeOrgs(query))),

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

  deleteUser: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    project.store.users.delete(path.user_id!, project.now());
    return ok();
  },

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

  disableUser: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    project.store.users.disable(path.user_id!, project.now());
    return ok();
  },

  enableUser: simpleUpdate((users, id) => users.enable(id)),

  disableUser2fa: simpleUpdate((users, id) => users.disable2fa(id)),

  logoutAllUserSessions: ({ project, path }) => {
    project.store.users.require(path.user_id!);
    project.store.users.revokeSessions(path.user_id!, project.now());
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
};
