// A small project with one of everything, and the map from the document's example ids to it, so
// that the document's example requests act on real data.
import { expect } from "vitest";
import type { Harness } from "./support.js";

export const EXAMPLE = {
  userId: "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a",
  otherUserId: "0f1b5c1e-7b0e-4c55-a9a8-3b7f4c2d9e10",
  orgId: "1189c444-8a2d-4c41-8b4b-ae43ce79a492",
  apiKeyId: "85b90f382257db0ef057982725997fe1",
  phoneId: "7a4e2c1d-9b3f-4e8a-a6d5-0c2b1f9e8d74",
  challengeId: "3e9a1f27-6c4b-4d8e-b2a0-5f7c9e1d3b46",
  employeeId: "5d3c0f8e-41a2-4b6e-9f7d-2c8e1a4b6d90",
  groupId: "7e2c4a91-3b5d-4f60-8a1e-9c0b2d4f6a83",
};

export const TOTP_SECRET = "JBSWY3DPEHPK3PXP";

export interface World {
  userId: string;
  otherUserId: string;
  orgId: string;
  apiKeyId: string;
  apiKeyToken: string;
  /** Example value -> the world's value. */
  map: Record<string, string>;
}

export async function buildWorld(h: Harness): Promise<World> {
  const ok = <T>(answer: { status: number; body: T; text: string }) => {
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  };
  const user = ok(
    await h.op(
      "migrateUser",
      {},
      {
        body: {
          email: "ada@example.com",
          email_confirmed: true,
          username: "ada",
          first_name: "Ada",
          last_name: "Lovelace",
          existing_user_id: "usr_0193",
          existing_password_hash: "$2b$12$Qx0p6rQnq6U2bm1sVb8u8e1rJ0a2gkQ8mK1X8cXWcK6m9l3b8nZ1S",
          existing_mfa_base32_encoded_secret: TOTP_SECRET,
        },
      },
    ),
  ) as { user_id: string };
  const other = ok(await h.op("createUser", {}, { body: { email: "grace.hopper@example.com", username: "grace" } })) as { user_id: string };
  const org = ok(
    await h.op("createOrg", {}, { body: { name: "Acme", domain: "acme.com", custom_role_mapping_name: "Enterprise roles" } }),
  ) as {
    org_id: string;
  };
  ok(await h.op("addUserToOrg", {}, { body: { user_id: user.user_id, org_id: org.org_id, role: "Admin", additional_roles: [] } }));
  ok(await h.op("allowOrgToSetupSaml", { org_id: org.org_id }));
  const key = ok(await h.op("createApiKey", {}, { body: { user_id: user.user_id, org_id: org.org_id, metadata: { plan: "pro" } } })) as {
    api_key_id: string;
    api_key_token: string;
  };
  const phones = ok(await h.admin("PUT", `/users/${other.user_id}/mfa_phones`, { phone_numbers: ["+15555550123"] })) as {
    phone_numbers: { mfa_phone_id: string }[];
  };
  ok(await h.admin("POST", "/employees", { employee_id: EXAMPLE.employeeId, email: "support@propelauth.com" }));
  const group = ok(await h.admin("POST", `/orgs/${org.org_id}/scim_groups`, { display_name: "Engineering", user_ids: [user.user_id] })) as {
    group_id: string;
  };
  ok(await h.admin("PUT", `/users/${user.user_id}/oauth_tokens/google`, { access_token: "ya29.a0", refresh_token: "1//0g" }));
  const phoneId = phones.phone_numbers[0]!.mfa_phone_id;
  const challenge = ok(
    await h.op(
      "sendStepUpSmsCode",
      {},
      {
        body: {
          action_type: "DELETE_PROJECT",
          user_id: other.user_id,
          mfa_phone_id: phoneId,
          grant_type: "ONE_TIME_USE",
          valid_for_seconds: 300,
        },
      },
    ),
  ) as { challenge_id: string };
  return {
    userId: user.user_id,
    otherUserId: other.user_id,
    orgId: org.org_id,
    apiKeyId: key.api_key_id,
    apiKeyToken: key.api_key_token,
    map: {
      [EXAMPLE.userId]: user.user_id,
      [EXAMPLE.otherUserId]: other.user_id,
      [EXAMPLE.orgId]: org.org_id,
      [EXAMPLE.apiKeyId]: key.api_key_id,
      [EXAMPLE.phoneId]: phoneId,
      [EXAMPLE.challengeId]: challenge.challenge_id,
      [EXAMPLE.groupId]: group.group_id,
    },
  };
}
