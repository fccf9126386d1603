// Every backend request of the Ruby gem (PropelAuth/propelauth-rb, lib/propelauth/client.rb), as
// Faraday 2 builds it: query parameters through Faraday's NestedParamsEncoder (sorted by name, `nil`
// sent as the bare name, booleans as `true`/`false`), bodies as the `to_json` string the client
// builds (so `nil` arrives as `null`). The encodings were checked by running that encoder.
import type { ReplayCase, SdkSource } from "../../replay/types.js";
import { version } from "./inventory.js";

const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
const source = (fn: string): SdkSource => ({ repo: "PropelAuth/propelauth-rb", file: "lib/propelauth/client.rb", fn, version });

export const cases: ReplayCase[] = [
  {
    source: source("fetch_user_metadata_by_user_id"),
    operationId: "fetchUserById",
    method: "GET",
    path: `/api/backend/v1/user/${USER_ID}`,
    query: "include_orgs=false",
  },
  {
    source: source("fetch_user_metadata_by_email"),
    operationId: "fetchUserByEmail",
    method: "GET",
    path: "/api/backend/v1/user/email",
    query: "email=ada%40example.com&include_orgs=true",
  },
  {
    source: source("fetch_user_metadata_by_username"),
    operationId: "fetchUserByUsername",
    method: "GET",
    path: "/api/backend/v1/user/username",
    query: "include_orgs=false&username=ada",
  },
  {
    source: source("fetch_batch_user_metadata_by_user_ids"),
    operationId: "fetchUsersByIds",
    method: "POST",
    path: "/api/backend/v1/user/user_ids",
    query: "include_orgs=false",
    body: { user_ids: [USER_ID] },
  },
  {
    source: source("fetch_batch_user_metadata_by_emails"),
    operationId: "fetchUsersByEmails",
    method: "POST",
    path: "/api/backend/v1/user/emails",
    query: "include_orgs=true",
    body: { emails: ["ada@example.com"] },
  },
  {
    source: source("fetch_batch_user_metadata_by_usernames"),
    operationId: "fetchUsersByUsernames",
    method: "POST",
    path: "/api/backend/v1/user/usernames",
    query: "include_orgs=false",
    body: { usernames: ["ada"] },
  },
  { source: source("fetch_org"), operationId: "fetchOrg", method: "GET", path: `/api/backend/v1/org/${ORG_ID}` },
  {
    source: source("fetch_orgs_by_query"),
    operationId: "queryOrgsByPost",
    method: "POST",
    path: "/api/backend/v1/org/query",
    body: { page_size: 10, page_number: 0, order_by: "CREATED_AT_ASC" },
  },
  {
    source: source("fetch_users_by_query"),
    variant: "defaults: email_or_username nil, sent as a bare name",
    operationId: "queryUsers",
    method: "GET",
    path: "/api/backend/v1/user/query",
    query: "email_or_username&include_orgs=false&order_by=CREATED_AT_ASC&page_number=0&page_size=10",
  },
  {
    source: source("fetch_users_by_query"),
    variant: "all options",
    operationId: "queryUsers",
    method: "GET",
    path: "/api/backend/v1/user/query",
    query: "email_or_username=ada&include_orgs=true&order_by=EMAIL&page_number=2&page_size=50",
  },
  {
    source: source("fetch_users_in_org"),
    operationId: "fetchUsersInOrg",
    method: "GET",
    path: `/api/backend/v1/user/org/${ORG_ID}`,
    query: "include_orgs=false&page_number=0&page_size=10",
  },
  {
    source: source("create_user"),
    variant: "defaults: optional fields nil, sent as null",
    operationId: "createUser",
    method: "POST",
    path: "/api/backend/v1/user/",
    body: {
      email: "ada@example.com",
      email_confirmed: false,
      send_email_to_confirm_email_address: false,
      password: null,
      username: null,
      first_name: null,
      last_name: null,
    },
  },
  {
    source: source("create_user"),
    variant: "all options",
    operationId: "createUser",
    method: "POST",
    path: "/api/backend/v1/user/",
    body: {
      email: "ada@example.com",
      email_confirmed: true,
      send_email_to_confirm_email_address: false,
      password: "correct horse battery staple",
      username: "ada",
      first_name: "Ada",
      last_name: "Lovelace",
    },
  },
];
