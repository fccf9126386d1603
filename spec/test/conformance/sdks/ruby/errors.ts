// The error statuses the Ruby gem's methods tell apart (lib/propelauth/client.rb, read by hand:
// eleven methods), each with what the method does with the body (`response.body` passed on to
// PropelAuth::BadRequest is kept, "text"; the others raise without it).
import type { ErrorHandling } from "../models/errors.js";

const statuses = (operationId: string, fn: string, list: [number, ErrorHandling["body"]][]): ErrorHandling[] =>
  list.map(([status, body]) => ({ operationId, fns: [fn], status, body }));

const byQuery: [number, ErrorHandling["body"]][] = [
  [404, "ignored"],
  [401, "ignored"],
];
const batch: [number, ErrorHandling["body"]][] = [
  [401, "ignored"],
  [400, "text"],
];

export const rubyErrors: ErrorHandling[] = [
  ...statuses("fetchUserById", "fetch_user_metadata_by_query", byQuery),
  ...statuses("fetchUserByEmail", "fetch_user_metadata_by_query", byQuery),
  ...statuses("fetchUserByUsername", "fetch_user_metadata_by_query", byQuery),
  ...statuses("fetchUsersByIds", "fetch_batch_user_metadata", batch),
  ...statuses("fetchUsersByEmails", "fetch_batch_user_metadata", batch),
  ...statuses("fetchUsersByUsernames", "fetch_batch_user_metadata", batch),
  ...statuses("fetchOrg", "fetch_org", [
    [404, "ignored"],
    [401, "ignored"],
    [426, "ignored"],
  ]),
  ...statuses("queryOrgsByPost", "fetch_orgs_by_query", [
    [400, "text"],
    [401, "ignored"],
    [426, "ignored"],
  ]),
  ...statuses("queryUsers", "fetch_users_by_query", [
    [400, "text"],
    [401, "ignored"],
    [426, "ignored"],
  ]),
  ...statuses("fetchUsersInOrg", "fetch_users_in_org", [
    [400, "text"],
    [401, "ignored"],
    [426, "ignored"],
  ]),
  ...statuses("createUser", "create_user", [
    [400, "text"],
    [401, "ignored"],
  ]),
];
