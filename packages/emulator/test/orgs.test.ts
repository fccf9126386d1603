import { describe, expect, it } from "vitest";
import { uniqueEmail, useEmulator } from "./support.js";

describe("organizations, membership, roles and invites", () => {
  const h = useEmulator();
  const createOrg = async (body: Record<string, unknown>) => {
    const answer = await h().op("createOrg", {}, { body });
    expect(answer.status, answer.text).toBe(200);
    return answer.body.org_id as string;
  };
  const createUser = async (email = uniqueEmail()) => (await h().op("createUser", {}, { body: { email } })).body.user_id as string;

  it("creates, fetches, updates and deletes an organization", async () => {
    const orgId = await createOrg({
      name: "Acme",
      domain: "acme.com",
      enable_auto_joining_by_domain: true,
      max_users: 5,
      legacy_org_id: "org_1",
    });
    const org = (await h().op("fetchOrg", { org_id: orgId })).body;
    expect(org).toMatchObject({
      org_id: orgId,
      name: "Acme",
      domain: "acme.com",
      domain_autojoin: true,
      max_users: 5,
      legacy_org_id: "org_1",
    });
    expect(org).toMatchObject({ can_setup_saml: false, is_saml_configured: false, is_saml_in_test_mode: false, metadata: {} });
    const update = await h().op(
      "updateOrg",
      { org_id: orgId },
      {
        body: { name: "Acme Inc.", metadata: { plan: "pro" }, extra_domains: ["acme.io"], restrict_to_domain: true, max_users: null },
      },
    );
    expect(update.status, update.text).toBe(200);
    expect((await h().op("fetchOrg", { org_id: orgId })).body).toMatchObject({
      name: "Acme Inc.",
      metadata: { plan: "pro" },
      extra_domains: ["acme.io"],
      domain_restrict: true,
      max_users: 5,
    });
    expect((await h().op("updateOrg", { org_id: orgId }, { body: { name: "  " } })).body).toHaveProperty("name");
    expect((await h().op("deleteOrg", { org_id: orgId })).status).toBe(200);
    expect((await h().op("fetchOrg", { org_id: orgId })).status).toBe(404);
    expect((await h().op("deleteOrg", { org_id: orgId })).status).toBe(404);
  });

  it("queries organizations with filters, ordering and paging, by GET and by POST", async () => {
    const tag = Date.now().toString(36);
    const ids = [
      await createOrg({ name: `zeta ${tag}` }),
      await createOrg({ name: `alpha ${tag}`, domain: `${tag}.example` }),
      await createOrg({ name: `mid ${tag}` }),
    ];
    const byName = await h().op("queryOrgs", {}, { query: { name: tag, order_by: "NAME", page_size: 2 } });
    expect(byName.body).toMatchObject({ total_orgs: 3, has_more_results: true, page_size: 2 });
    expect(byName.body.orgs.map((o: { name: string }) => o.name)).toEqual([`alpha ${tag}`, `mid ${tag}`]);
    const posted = await h().op("queryOrgsByPost", {}, { body: { name: tag, order_by: "CREATED_AT_DESC" } });
    expect(posted.body.orgs.map((o: { org_id: string }) => o.org_id)).toEqual([...ids].reverse());
    const byDomain = await h().op("queryOrgsByPost", {}, { body: { domain: `${tag}.example` } });
    expect(byDomain.body.orgs.map((o: { org_id: string }) => o.org_id)).toEqual([ids[1]]);
  });

  it("adds members with roles of the organization, changes and removes them", async () => {
    const orgId = await createOrg({ name: "Roles" });
    const userId = await createUser();
    expect((await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Wizard" } })).body).toHaveProperty("role");
    expect(
      (await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Admin", additional_roles: [] } })).status,
    ).toBe(200);
    expect((await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Admin" } })).status).toBe(400);
    const info = (await h().op("fetchUserById", { user_id: userId }, { query: { include_orgs: true } })).body.org_id_to_org_info[orgId];
    expect(info).toMatchObject({ org_name: "Roles", user_role: "Admin", inherited_user_roles_plus_current_role: ["Admin", "Member"] });
    expect(info.user_permissions).toContain("propelauth::can_invite");
    await h().op("changeUserRoleInOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Member" } });
    const members = await h().op("fetchUsersInOrg", { org_id: orgId }, { query: { role: "Member" } });
    expect(members.body.users.map((u: { user_id: string; role_in_org: string }) => [u.user_id, u.role_in_org])).toEqual([
      [userId, "Member"],
    ]);
    expect((await h().op("fetchUsersInOrg", { org_id: orgId }, { query: { role: "Admin" } })).body.total_users).toBe(0);
    expect((await h().op("removeUserFromOrg", {}, { body: { user_id: userId, org_id: orgId } })).status).toBe(200);
    expect((await h().op("removeUserFromOrg", {}, { body: { user_id: userId, org_id: orgId } })).status).toBe(400);
    const missing = await h().op(
      "addUserToOrg",
      {},
      { body: { user_id: userId, org_id: "00000000-0000-4000-8000-000000000000", role: "Member" } },
    );
    expect(missing.status).toBe(404);
  });

  it("multi-role mappings take additional roles; single-role organizations refuse them", async () => {
    const agency = await createOrg({ name: "Agency", custom_role_mapping_name: "Agency roles" });
    const userId = await createUser();
    const add = await h().op(
      "addUserToOrg",
      {},
      { body: { user_id: userId, org_id: agency, role: "Editor", additional_roles: ["Viewer"] } },
    );
    expect(add.status, add.text).toBe(200);
    const info = (await h().op("fetchUserById", { user_id: userId }, { query: { include_orgs: true } })).body.org_id_to_org_info[agency];
    expect(info).toMatchObject({
      org_role_structure: "multi_role",
      additional_roles: ["Viewer"],
      user_permissions: ["content::edit", "content::read"],
    });
    const single = await createOrg({ name: "Single" });
    const refused = await h().op(
      "addUserToOrg",
      {},
      { body: { user_id: userId, org_id: single, role: "Member", additional_roles: ["Admin"] } },
    );
    expect(refused.body).toHaveProperty("additional_roles");
    expect((await h().op("createOrg", {}, { body: { name: "x", custom_role_mapping_name: "Nope" } })).status).toBe(400);
    const mappings = (await h().op("fetchCustomRoleMappings")).body.custom_role_mappings;
    expect(
      mappings.find((m: { custom_role_mapping_name: string }) => m.custom_role_mapping_name === "Agency roles").num_orgs_subscribed,
    ).toBe(1);
    await h().op("updateOrg", { org_id: single }, { body: { custom_role_mapping_name: "Agency roles" } });
    const after = (await h().op("fetchCustomRoleMappings")).body.custom_role_mappings;
    expect(after.find((m: { custom_role_mapping_name: string }) => m.custom_role_mapping_name === "Agency roles").num_orgs_subscribed).toBe(
      2,
    );
  });

  it("enforces max_users and domain restrictions", async () => {
    const small = await createOrg({ name: "Tiny", max_users: 1 });
    await h().op("addUserToOrg", {}, { body: { user_id: await createUser(), org_id: small, role: "Owner" } });
    const full = await h().op("addUserToOrg", {}, { body: { user_id: await createUser(), org_id: small, role: "Member" } });
    expect(full.status).toBe(400);
    const restricted = await createOrg({ name: "Restricted", domain: "corp.example", members_must_have_matching_domain: true });
    const outsider = await h().op("addUserToOrg", {}, { body: { user_id: await createUser(), org_id: restricted, role: "Member" } });
    expect(outsider.status).toBe(400);
    const insider = await createUser(`ok.${Date.now()}@corp.example`);
    expect((await h().op("addUserToOrg", {}, { body: { user_id: insider, org_id: restricted, role: "Member" } })).status).toBe(200);
  });

  it("invites by email and by id, lists and revokes pending invites, and accepting one makes a member", async () => {
    const orgId = await createOrg({ name: "Inviting" });
    const email = uniqueEmail("invitee");
    const sent = await h().op("inviteUserToOrg", {}, { body: { email, org_id: orgId, role: "Member", additional_roles: [] } });
    expect(sent.status).toBe(200);
    expect(sent.headers.get("content-type")).toMatch(/^text\/plain/);
    const existing = await createUser();
    expect((await h().op("inviteUserToOrgByUserId", {}, { body: { user_id: existing, org_id: orgId, role: "Admin" } })).status).toBe(200);
    const pending = await h().op("fetchPendingInvites", {}, { query: { org_id: orgId } });
    expect(pending.body.total_invites).toBe(2);
    expect(pending.body.invites[0]).toMatchObject({
      invitee_email: email,
      org_name: "Inviting",
      role_in_org: "Member",
      inviter_email: null,
    });
    expect((await h().op("fetchPendingInvites", {}, { query: { org_id: orgId, page_size: 1, page_number: 1 } })).body.invites).toHaveLength(
      1,
    );

    expect((await h().op("revokePendingInvite", {}, { body: { org_id: orgId, invitee_email: email } })).status).toBe(200);
    expect((await h().op("revokePendingInvite", {}, { body: { org_id: orgId, invitee_email: email } })).status).toBe(404);
    const mail = (await h().admin("GET", "/outbox")).body.messages.filter((m: { kind: string }) => m.kind === "invite");
    const revokedLink = mail.find((m: { to_address: string }) => m.to_address === email).link;
    expect((await fetch(revokedLink)).status).toBe(404);

    const userEmail = (await h().op("fetchUserById", { user_id: existing })).body.email;
    const accepted = await fetch(mail.find((m: { to_address: string }) => m.to_address === userEmail).link);
    expect(await accepted.json()).toMatchObject({ action: "invitation_accepted", user_id: existing });
    expect((await h().op("fetchUsersInOrg", { org_id: orgId })).body.users[0]).toMatchObject({ user_id: existing, role_in_org: "Admin" });
    expect((await h().op("fetchPendingInvites", {}, { query: { org_id: orgId } })).body.total_invites).toBe(0);
    expect((await h().op("inviteUserToOrgByUserId", {}, { body: { user_id: existing, org_id: orgId, role: "Admin" } })).status).toBe(400);
  });

  it("deleting an organization removes its memberships, invites and archives its keys", async () => {
    const orgId = await createOrg({ name: "Gone" });
    const userId = await createUser();
    await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Member" } });
    await h().op("inviteUserToOrg", {}, { body: { email: uniqueEmail(), org_id: orgId, role: "Member" } });
    const key = (await h().op("createApiKey", {}, { body: { org_id: orgId } })).body;
    await h().op("deleteOrg", { org_id: orgId });
    expect((await h().op("fetchUserById", { user_id: userId }, { query: { include_orgs: true } })).body.org_id_to_org_info).toEqual({});
    expect((await h().op("fetchPendingInvites", {}, { query: { org_id: orgId } })).body.total_invites).toBe(0);
    expect((await h().op("validateApiKey", {}, { body: { api_key_token: key.api_key_token } })).status).toBe(400);
  });
});

describe("organizations not enabled", () => {
  const h = useEmulator({ orgsEnabled: false });
  it("answers 426 where the document describes it, and serves users as usual", async () => {
    expect((await h().op("createOrg", {}, { body: { name: "x" } })).status).toBe(426);
    expect((await h().op("fetchCustomRoleMappings")).status).toBe(426);
    expect((await h().op("createUser", {}, { body: { email: uniqueEmail() } })).status).toBe(200);
  });

  it("answers 426 on memberships, invitations, SSO set-up and SCIM too: every operation the document gives 426", async () => {
    const orgId = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
    const userId = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
    expect((await h().op("addUserToOrg", {}, { body: { user_id: userId, org_id: orgId, role: "Member" } })).status).toBe(426);
    expect((await h().op("inviteUserToOrg", {}, { body: { email: uniqueEmail(), org_id: orgId, role: "Member" } })).status).toBe(426);
    expect((await h().op("fetchOrgScimGroups", { org_id: orgId })).status).toBe(426);
    expect((await h().op("allowOrgToSetupSaml", { org_id: orgId })).status).toBe(426);
  });
});
