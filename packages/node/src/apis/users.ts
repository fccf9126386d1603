// The user functions of initBaseAuth, as @propelauth/node 2.1.36 has them.

import type { OperationClient } from "@propelauth-openapi/client";
import * as ops from "@propelauth-openapi/client";
import { camelKeys } from "../convert.js";
import {
  BadRequestException,
  CreateUserException,
  RateLimitedException,
  UpdateUserEmailException,
  UpdateUserMetadataException,
  UpdateUserPasswordException,
} from "../exceptions.js";
import { answer, isValidId, type OnStatus, type Raw, raise, send, value } from "../transport.js";
import type {
  CreatedUser,
  CreateUserRequest,
  UpdateUserEmailRequest,
  UpdateUserMetadataRequest,
  UpdateUserPasswordRequest,
  UserMetadata,
  UserSignupQueryParams,
  UsersInOrgPagedResponse,
  UsersInOrgQuery,
  UsersPagedResponse,
  UsersQuery,
} from "../types.js";

const camel = (raw: Raw) => camelKeys(raw.data);
const yes = () => true;
const none: OnStatus = { 404: value(null) };
const no: OnStatus = { 404: value(false) };
const badQuery: OnStatus = { 400: raise((raw) => new Error(`Invalid query ${raw.text}`)) };

type BatchKind = "user_ids" | "emails" | "usernames";
const BATCH = { user_ids: ops.fetchUsersByIds, emails: ops.fetchUsersByEmails, usernames: ops.fetchUsersByUsernames };

export function userApis(client: OperationClient) {
  const byQuery = (op: typeof ops.fetchUserById, input: object): Promise<UserMetadata | null> =>
    send(client, op, input).then((raw) => answer(raw, camel, "Unknown error when fetching user metadata", none));

  // A POST with a body and an id check: the shape of most update functions.
  const userUpdate =
    (op: Parameters<typeof send>[1], unknown: string, on: OnStatus, body?: (arg: never) => object) =>
    (userId: string, arg?: unknown): Promise<boolean> => {
      if (!isValidId(userId)) return Promise.resolve(false);
      const input = body ? { path: { user_id: userId }, body: body(arg as never) } : { path: { user_id: userId } };
      return send(client, op, input).then((raw) => answer(raw, yes, unknown, on));
    };

  function batch(kind: BatchKind, values: string[], key: (u: UserMetadata) => string, includeOrgs?: boolean) {
    const input = { body: { [kind]: values }, query: includeOrgs ? { include_orgs: includeOrgs } : undefined };
    return send(client, BATCH[kind], input).then((raw) =>
      answer(
        raw,
        (r) => {
          const out: { [key: string]: UserMetadata } = {};
          for (const user of camelKeys(r.data)) out[key(user)] = user;
          return out;
        },
        "Unknown error when fetching batch user metadata",
        { 400: raise((r) => new Error(`Bad request ${r.text}`)) },
      ),
    );
  }

  return {
    fetchUserMetadataByUserId: (userId: string, includeOrgs?: boolean) =>
      isValidId(userId)
        ? byQuery(ops.fetchUserById, { path: { user_id: userId }, query: { include_orgs: includeOrgs || false } })
        : Promise.resolve(null),
    fetchUserMetadataByEmail: (email: string, includeOrgs?: boolean) =>
      byQuery(ops.fetchUserByEmail as never, { query: { email, include_orgs: includeOrgs || false } }),
    fetchUserMetadataByUsername: (username: string, includeOrgs?: boolean) =>
      byQuery(ops.fetchUserByUsername as never, { query: { username, include_orgs: includeOrgs || false } }),
    fetchBatchUserMetadataByUserIds: (userIds: string[], includeOrgs?: boolean) =>
      batch("user_ids", userIds, (x) => x.userId, includeOrgs || false),
    fetchBatchUserMetadataByEmails: (emails: string[], includeOrgs?: boolean) =>
      batch("emails", emails, (x) => x.email, includeOrgs || false),
    fetchBatchUserMetadataByUsernames: (usernames: string[], includeOrgs?: boolean) =>
      batch("usernames", usernames, (x) => x.username || "", includeOrgs || false),
    fetchUsersByQuery: (q: UsersQuery): Promise<UsersPagedResponse> => {
      const query = {
        page_size: q.pageSize,
        page_number: q.pageNumber,
        order_by: q.orderBy,
        email_or_username: q.emailOrUsername,
        include_orgs: q.includeOrgs,
        legacy_user_id: q.legacyUserId,
      };
      return send(client, ops.queryUsers, { query }).then((raw) =>
        answer(raw, camel, "Unknown error when fetching users by query", badQuery),
      );
    },
    fetchUsersInOrg: (q: UsersInOrgQuery): Promise<UsersInOrgPagedResponse> => {
      if (!isValidId(q.orgId))
        return Promise.resolve({
          users: [],
          totalUsers: 0,
          currentPage: q.pageNumber || 0,
          pageSize: q.pageSize || 10,
          hasMoreResults: false,
        });
      const query = { page_size: q.pageSize, page_number: q.pageNumber, include_orgs: q.includeOrgs, role: q.role };
      return send(client, ops.fetchUsersInOrg, { path: { org_id: q.orgId }, query }).then((raw) =>
        answer(raw, camel, "Unknown error when fetching users in org", badQuery),
      );
    },
    fetchUserSignupQueryParams: async (userId: string): Promise<UserSignupQueryParams | null> => {
      if (!isValidId(userId)) return null;
      const raw = await send(client, ops.fetchUserSignupQueryParameters, { path: { user_id: userId } });
      return answer(
        raw,
        (r) =>
          ({
            userSignupQueryParameters: (r.data as Record<string, never>).user_signup_query_parameters,
          }) as unknown as UserSignupQueryParams,
        "Unknown error when fetching user signup query params",
        none,
      );
    },
    createUser: (r: CreateUserRequest): Promise<CreatedUser> => {
      const body = {
        email: r.email,
        email_confirmed: r.emailConfirmed,
        send_email_to_confirm_email_address: r.sendEmailToConfirmEmailAddress,
        password: r.password,
        ask_user_to_update_password_on_login: r.askUserToUpdatePasswordOnLogin,
        ignore_domain_restrictions: r.ignoreDomainRestrictions,
        username: r.username,
        first_name: r.firstName,
        last_name: r.lastName,
        properties: r.properties,
      };
      return send(client, ops.createUser, { body }).then((raw) =>
        answer(raw, camel, "Unknown error when creating user", { 400: raise((x) => new CreateUserException(x.text)) }),
      );
    },
    updateUserMetadata: userUpdate(
      ops.updateUserMetadata,
      "Unknown error when updating user metadata",
      { ...no, 400: raise((x) => new UpdateUserMetadataException(x.text)) },
      (r: UpdateUserMetadataRequest) => ({
        username: r.username,
        first_name: r.firstName,
        last_name: r.lastName,
        picture_url: r.pictureUrl,
        metadata: r.metadata,
        properties: r.properties,
        update_password_required: r.updatePasswordRequired,
        legacy_user_id: r.legacyUserId,
      }),
    ) as (userId: string, updateUserMetadataRequest: UpdateUserMetadataRequest) => Promise<boolean>,
    updateUserEmail: userUpdate(
      ops.updateUserEmail,
      "Unknown error when creating user",
      { ...no, 400: raise((x) => new UpdateUserEmailException(x.text)) },
      (r: UpdateUserEmailRequest) => ({ new_email: r.newEmail, require_email_confirmation: r.requireEmailConfirmation }),
    ) as (userId: string, updateUserEmailRequest: UpdateUserEmailRequest) => Promise<boolean>,
    updateUserPassword: userUpdate(
      ops.updateUserPassword,
      "Unknown error when updating password",
      { ...no, 400: raise((x) => new UpdateUserPasswordException(x.text)) },
      (r: UpdateUserPasswordRequest) => ({ password: r.password, ask_user_to_update_password_on_login: r.askUserToUpdatePasswordOnLogin }),
    ) as (userId: string, updateUserPasswordRequest: UpdateUserPasswordRequest) => Promise<boolean>,
    clearUserPassword: async (userId: string): Promise<boolean> =>
      userUpdate(ops.clearUserPassword, "Unknown error when clearing password", {})(userId),
    deleteUser: userUpdate(ops.deleteUser, "Unknown error when deleting user", no) as (userId: string) => Promise<boolean>,
    disableUser: userUpdate(ops.disableUser, "Unknown error when disabling user", no) as (userId: string) => Promise<boolean>,
    enableUser: userUpdate(ops.enableUser, "Unknown error when enabling user", no) as (userId: string) => Promise<boolean>,
    disableUser2fa: userUpdate(ops.disableUser2fa, "Unknown error when disabling 2FA", no) as (userId: string) => Promise<boolean>,
    enableUserCanCreateOrgs: userUpdate(ops.enableUserCanCreateOrgs, "Unknown error when enabling canCreateOrgs", no) as (
      userId: string,
    ) => Promise<boolean>,
    disableUserCanCreateOrgs: userUpdate(ops.disableUserCanCreateOrgs, "Unknown error when disabling canCreateOrgs", no) as (
      userId: string,
    ) => Promise<boolean>,
    logoutAllUserSessions: userUpdate(ops.logoutAllUserSessions, "Unknown error when logging out all sessions", no) as (
      userId: string,
    ) => Promise<boolean>,
    resendEmailConfirmation: (userId: string): Promise<boolean> => {
      if (!isValidId(userId)) return Promise.resolve(false);
      return send(client, ops.resendEmailConfirmation, { body: { user_id: userId } }).then((raw) =>
        answer(raw, yes, "Unknown error when resending email confirmation", {
          ...no,
          429: raise((x) => new RateLimitedException(userFacing(x))),
          400: raise((x) => new BadRequestException(x.text)),
        }),
      );
    },
    fetchUserMfaMethods: async (userId: string) => {
      if (!isValidId(userId)) return null;
      const raw = await send(client, ops.fetchUserMfaMethods, { path: { user_id: userId } });
      return answer(raw, camel, "Unknown error when fetching user mfa methods", none);
    },
    fetchUserOAuthTokens: async (userId: string) => {
      if (!isValidId(userId)) return null;
      const raw = await send(client, ops.fetchUserOAuthTokens, { path: { user_id: userId } });
      return answer(raw, camel, "Unknown error when fetching user mfa methods", none);
    },
    fetchFreshTokenFromProvider: async (userId: string, provider: string) => {
      if (!isValidId(userId)) return null;
      const raw = await send(client, ops.fetchFreshOAuthToken, { path: { user_id: userId, provider } });
      return answer(raw, camel, "Unknown error when fetching fresh token from provider.");
    },
  };
}

// The 429 of resend-confirmation carries a message for the end user; the SDK makes it the exception's message.
function userFacing(raw: Raw): string {
  try {
    return JSON.parse(raw.text).user_facing_error;
  } catch {
    return raw.text;
  }
}
