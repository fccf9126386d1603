// The operations tagged "User migration" in the document.
import { base32Decode } from "../crypto.js";
import { badRequest } from "../errors.js";
import { insertUser } from "../users.js";
import { type Handler, ok } from "./types.js";
import { given, has } from "./util.js";

export const userMigrationHandlers: Record<string, Handler> = {
  migrateUser: ({ project, body }) => {
    if (has(body, "existing_mfa_base32_encoded_secret") && !base32Decode(body.existing_mfa_base32_encoded_secret)) {
      throw badRequest("existing_mfa_base32_encoded_secret", "Must be a base32-encoded secret");
    }
    if (has(body, "existing_password_hash") && String(body.existing_password_hash).trim() === "") {
      throw badRequest("existing_password_hash", "Must not be empty");
    }
    if (has(body, "existing_user_id")) {
      const taken = project.store.users.legacyIdTaken(body.existing_user_id);
      if (taken) throw badRequest("existing_user_id", "A user with this existing_user_id was already migrated");
    }
    const userId = insertUser(project, {
      email: body.email,
      email_confirmed: body.email_confirmed === true,
      password_hash: has(body, "existing_password_hash") ? `imported$${body.existing_password_hash}` : null,
      username: given(body, "username"),
      first_name: given(body, "first_name"),
      last_name: given(body, "last_name"),
      picture_url: given(body, "picture_url"),
      properties: given(body, "properties"),
      legacy_user_id: given(body, "existing_user_id"),
      update_password_required: body.update_password_required === true,
      enabled: body.enabled !== false,
      mfa_totp_secret: given<string>(body, "existing_mfa_base32_encoded_secret")?.replace(/[\s=]/g, "").toUpperCase(),
    });
    return ok({ user_id: userId });
  },

  migrateUserPassword: ({ project, body }) => {
    const user = project.store.users.get(body.user_id);
    if (!user) throw badRequest("user_id", "No user has this id");
    if (String(body.password_hash).trim() === "") throw badRequest("password_hash", "Must not be empty");
    project.store.users.setPasswordHash(user.user_id, `imported$${body.password_hash}`);
    return ok();
  },
};
