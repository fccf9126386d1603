// The rules of users: a new user's email and username belong to no other user; passwords and
// names.
import { uuid } from "./crypto.js";
import { json } from "./db.js";
import { badRequest } from "./errors.js";
import type { Project } from "./project.js";

const MIN_PASSWORD_LENGTH = 8;

export function checkPassword(field: string, password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw badRequest(field, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

export function checkName(field: string, value: unknown) {
  if (typeof value === "string" && value.trim() === "") throw badRequest(field, "Must not be empty");
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
