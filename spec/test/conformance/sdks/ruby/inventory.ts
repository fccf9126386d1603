// The backend functions of PropelAuth/propelauth-rb 0.1.0 (5cc7dd5) (lib/propelauth/client.rb): generated
// by extract-inventory.ts (see there how), not edited by hand.
export const version = "0.1.0 (5cc7dd5)";

export const inventory: string[] = [
  "create_user",
  "fetch_batch_user_metadata_by_emails",
  "fetch_batch_user_metadata_by_user_ids",
  "fetch_batch_user_metadata_by_usernames",
  "fetch_org",
  "fetch_orgs_by_query",
  "fetch_user_metadata_by_email",
  "fetch_user_metadata_by_user_id",
  "fetch_user_metadata_by_username",
  "fetch_users_by_query",
  "fetch_users_in_org",
];
