// Each organization, membership, invite, role-mapping, enterprise-SSO and SCIM operation through
// the built client against the loopback example server: the request (method, exact path, query,
// body) and the typed result.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schemas } from "../../src/index.js";
import { API_KEY, builds, exampleOf, ORG_ID, USER_ID, useExampleServer } from "../support.js";

const GROUP_ID = "7e2c4a91-3b5d-4f60-8a1e-9c0b2d4f6a83";
const P = "/api/backend/v1";

describe.each(builds)("organizations, membership, invites, SSO and SCIM (%s build)", (_name, lib) => {
  const { server, lastRequest, sent } = useExampleServer();
  const client = () => lib.createClient({ authUrl: server().url, apiKey: API_KEY });

  describe("organizations", () => {
    it("fetchOrg: GET /org/{org_id}", async () => {
      const { data, error } = await client().GET("/api/backend/v1/org/{org_id}", { params: { path: { org_id: ORG_ID } } });
      expect(sent()).toEqual(["GET", `${P}/org/${ORG_ID}`, {}, undefined]);
      expect(error).toBeUndefined();
      expectTypeOf(data).toEqualTypeOf<Schemas["Organization"] | undefined>();
      expectTypeOf(data!.max_users).toEqualTypeOf<number | null | undefined>();
      expect(data).toEqual(exampleOf("fetchOrg"));
    });

    it("queryOrgs: GET /org/query with paging, order and filters (not /org/{org_id})", async () => {
      const { data } = await client().GET("/api/backend/v1/org/query", {
        params: { query: { page_size: 10, page_number: 0, order_by: "NAME", name: "ac", legacy_org_id: "org_4411", domain: "acme.com" } },
      });
      expect(sent()).toEqual([
        "GET",
        `${P}/org/query`,
        { page_size: "10", page_number: "0", order_by: "NAME", name: "ac", legacy_org_id: "org_4411", domain: "acme.com" },
        undefined,
      ]);
      expect(server().requests[0]!.operationId).toBe("queryOrgs");
      expectTypeOf(data!.orgs).toEqualTypeOf<Schemas["OrgSummary"][]>();
      expectTypeOf(data!.has_more_results).toEqualTypeOf<boolean>();
      expect(data).toEqual(exampleOf("queryOrgs"));
    });

    it("queryOrgsByPost: POST /org/query with a JSON body", async () => {
      const body = {
        page_size: 10,
        page_number: 0,
        order_by: "CREATED_AT_DESC",
        name: "ac",
        legacy_org_id: "org_4411",
        domain: "acme.com",
      } as const;
      const { data } = await client().POST("/api/backend/v1/org/query", { body });
      expect(sent()).toEqual(["POST", `${P}/org/query`, {}, body]);
      expect(lastRequest().headers["content-type"]).toBe("application/json");
      expectTypeOf(data!.total_orgs).toEqualTypeOf<number>();
      expect(data).toEqual(exampleOf("queryOrgsByPost"));
    });

    it("createOrg: POST /org/ (trailing slash) with every field", async () => {
      const body = {
        name: "Acme",
        domain: "acme.com",
        enable_auto_joining_by_domain: true,
        members_must_have_matching_domain: false,
        max_users: 50,
        custom_role_mapping_name: "Enterprise roles",
        legacy_org_id: "org_4411",
      };
      const { data } = await client().POST("/api/backend/v1/org/", { body });
      expect(sent()).toEqual(["POST", `${P}/org/`, {}, body]);
      expectTypeOf(data).toEqualTypeOf<Schemas["CreatedOrg"] | undefined>();
      expect(data).toEqual(exampleOf("createOrg"));
    });

    it("updateOrg: PUT /org/{org_id} with every field, null where the API accepts it", async () => {
      const body = {
        name: "Acme Inc.",
        can_setup_saml: null,
        metadata: { plan: "enterprise" },
        max_users: null,
        autojoin_by_domain: true,
        restrict_to_domain: null,
        domain: "acme.com",
        extra_domains: ["acme.io"],
        legacy_org_id: "org_4411",
        require_2fa_by: "2026-06-01T00:00:00Z",
        password_rotation_enabled: true,
        password_rotation_history_size: 5,
        password_rotation_period: 7776000,
      };
      const { data } = await client().PUT("/api/backend/v1/org/{org_id}", { params: { path: { org_id: ORG_ID } }, body });
      expect(sent()).toEqual(["PUT", `${P}/org/${ORG_ID}`, {}, body]);
      expect(data).toEqual({});
    });

    it("updateOrg: subscribing to a custom role mapping sends the name alone", async () => {
      const { data } = await client().PUT("/api/backend/v1/org/{org_id}", {
        params: { path: { org_id: ORG_ID } },
        body: { custom_role_mapping_name: "Enterprise roles" },
      });
      expect(sent()).toEqual(["PUT", `${P}/org/${ORG_ID}`, {}, { custom_role_mapping_name: "Enterprise roles" }]);
      expect(data).toEqual({});
    });

    it("updateOrg: refuses a field the document does not describe", async () => {
      const { error, response } = await client().PUT("/api/backend/v1/org/{org_id}", {
        params: { path: { org_id: ORG_ID } },
        body: { sso_trust_level: "AlwaysTrust" } as never,
      });
      expect(response.status).toBe(400);
      expect(error).toEqual({ sso_trust_level: ["is not a known field"] });
    });

    it("deleteOrg: DELETE /org/{org_id}", async () => {
      const { data } = await client().DELETE("/api/backend/v1/org/{org_id}", { params: { path: { org_id: ORG_ID } } });
      expect(sent()).toEqual(["DELETE", `${P}/org/${ORG_ID}`, {}, undefined]);
      expect(data).toEqual(exampleOf("deleteOrg"));
    });
  });

  describe("membership", () => {
    it("addUserToOrg: POST /org/add_user with additional roles", async () => {
      const body = { user_id: USER_ID, org_id: ORG_ID, role: "Admin", additional_roles: ["Billing"] };
      const { data } = await client().POST("/api/backend/v1/org/add_user", { body });
      expect(sent()).toEqual(["POST", `${P}/org/add_user`, {}, body]);
      expect(data).toEqual({});
    });

    it("removeUserFromOrg: POST /org/remove_user", async () => {
      const body = { user_id: USER_ID, org_id: ORG_ID };
      const { data } = await client().POST("/api/backend/v1/org/remove_user", { body });
      expect(sent()).toEqual(["POST", `${P}/org/remove_user`, {}, body]);
      expect(data).toEqual({});
    });

    it("changeUserRoleInOrg: POST /org/change_role", async () => {
      const body = { user_id: USER_ID, org_id: ORG_ID, role: "Member", additional_roles: [] };
      const { data } = await client().POST("/api/backend/v1/org/change_role", { body });
      expect(sent()).toEqual(["POST", `${P}/org/change_role`, {}, body]);
      expect(data).toEqual({});
    });

    it("answers 400 for a body missing a required field", async () => {
      const { error, response } = await client().POST("/api/backend/v1/org/add_user", {
        body: { user_id: USER_ID, org_id: ORG_ID } as never,
      });
      expect(response.status).toBe(400);
      expect(error).toEqual({ role: ["is required"] });
    });
  });

  describe("invites", () => {
    it("inviteUserToOrg: POST /invite_user, answered with text", async () => {
      const body = { email: "grace@example.com", org_id: ORG_ID, role: "Member", additional_roles: [] };
      const { data } = await client().POST("/api/backend/v1/invite_user", { body, parseAs: "text" });
      expect(sent()).toEqual(["POST", `${P}/invite_user`, {}, body]);
      expectTypeOf(data).toEqualTypeOf<string | undefined>();
      expect(data).toBe(exampleOf("inviteUserToOrg"));
    });

    it("inviteUserToOrgByUserId: POST /invite_user_by_id", async () => {
      const body = { user_id: USER_ID, org_id: ORG_ID, role: "Member", additional_roles: ["Billing"] };
      const { response } = await client().POST("/api/backend/v1/invite_user_by_id", { body, parseAs: "text" });
      expect(sent()).toEqual(["POST", `${P}/invite_user_by_id`, {}, body]);
      expect(response.status).toBe(200);
    });

    it("fetchPendingInvites: GET /pending_org_invites with org and paging", async () => {
      const { data } = await client().GET("/api/backend/v1/pending_org_invites", {
        params: { query: { org_id: ORG_ID, page_size: 10, page_number: 1 } },
      });
      expect(sent()).toEqual(["GET", `${P}/pending_org_invites`, { org_id: ORG_ID, page_size: "10", page_number: "1" }, undefined]);
      expectTypeOf(data!.invites).toEqualTypeOf<Schemas["PendingInvite"][]>();
      expectTypeOf(data!.total_invites).toEqualTypeOf<number>();
      expect(data).toEqual(exampleOf("fetchPendingInvites"));
    });

    it("revokePendingInvite: DELETE /pending_org_invites with a JSON body", async () => {
      const body = { org_id: ORG_ID, invitee_email: "grace@example.com" };
      const { data } = await client().DELETE("/api/backend/v1/pending_org_invites", { body });
      expect(sent()).toEqual(["DELETE", `${P}/pending_org_invites`, {}, body]);
      expect(lastRequest().headers["content-type"]).toBe("application/json");
      expect(data).toEqual({});
    });
  });

  describe("role mappings", () => {
    it("fetchCustomRoleMappings: GET /custom_role_mappings", async () => {
      const { data } = await client().GET("/api/backend/v1/custom_role_mappings");
      expect(sent()).toEqual(["GET", `${P}/custom_role_mappings`, {}, undefined]);
      expectTypeOf(data).toEqualTypeOf<Schemas["CustomRoleMappings"] | undefined>();
      expect(data).toEqual(exampleOf("fetchCustomRoleMappings"));
    });
  });

  describe("enterprise SSO", () => {
    it("allowOrgToSetupSaml: POST /org/{org_id}/allow_saml without a body", async () => {
      const { data } = await client().POST("/api/backend/v1/org/{org_id}/allow_saml", { params: { path: { org_id: ORG_ID } } });
      expect(sent()).toEqual(["POST", `${P}/org/${ORG_ID}/allow_saml`, {}, undefined]);
      expect(data).toEqual({});
    });

    it("disallowOrgToSetupSaml: POST /org/{org_id}/disallow_saml without a body", async () => {
      const { data } = await client().POST("/api/backend/v1/org/{org_id}/disallow_saml", { params: { path: { org_id: ORG_ID } } });
      expect(sent()).toEqual(["POST", `${P}/org/${ORG_ID}/disallow_saml`, {}, undefined]);
      expect(data).toEqual({});
    });

    it("createSamlConnectionLink: POST /org/{org_id}/create_saml_connection_link", async () => {
      const { data } = await client().POST("/api/backend/v1/org/{org_id}/create_saml_connection_link", {
        params: { path: { org_id: ORG_ID } },
        body: { expires_in_seconds: 604800 },
      });
      expect(sent()).toEqual(["POST", `${P}/org/${ORG_ID}/create_saml_connection_link`, {}, { expires_in_seconds: 604800 }]);
      expectTypeOf(data!.url).toEqualTypeOf<string>();
      expect(data).toEqual(exampleOf("createSamlConnectionLink"));
    });

    it("fetchSamlSpMetadata: GET /saml_sp_metadata/{org_id}", async () => {
      const { data } = await client().GET("/api/backend/v1/saml_sp_metadata/{org_id}", { params: { path: { org_id: ORG_ID } } });
      expect(sent()).toEqual(["GET", `${P}/saml_sp_metadata/${ORG_ID}`, {}, undefined]);
      expectTypeOf(data).toEqualTypeOf<Schemas["SamlSpMetadata"] | undefined>();
      expect(data).toEqual(exampleOf("fetchSamlSpMetadata"));
    });

    it("setSamlIdpMetadata: POST /saml_idp_metadata", async () => {
      const body = {
        org_id: ORG_ID,
        idp_entity_id: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9",
        idp_sso_url: "https://acme.okta.com/app/acme_propelauth_1/exk1a2b3c4d5e6f7g8h9/sso/saml",
        idp_certificate: "-----BEGIN CERTIFICATE-----\nMIIDqDCCApCgAwIBAgIGAY3tF2nC\n-----END CERTIFICATE-----\n",
        provider: "Okta" as const,
      };
      const { data } = await client().POST("/api/backend/v1/saml_idp_metadata", { body });
      expect(sent()).toEqual(["POST", `${P}/saml_idp_metadata`, {}, body]);
      expect(data).toEqual({});
    });

    const oidcCommon = { org_id: ORG_ID, client_id: "propelauth-acme", client_secret: "example-okta-client-secret", uses_pkce: true };
    const oidcBodies: [string, Schemas["OidcIdpMetadata"]][] = [
      [
        "Generic",
        {
          ...oidcCommon,
          idp_type: "Generic",
          auth_url: "https://login.acme.com/oauth2/authorize",
          token_url: "https://login.acme.com/oauth2/token",
          userinfo_url: "https://login.acme.com/oauth2/userinfo",
        },
      ],
      ["Okta", { ...oidcCommon, idp_type: "Okta", okta_sso_domain: "acme.okta.com" }],
      ["Azure", { ...oidcCommon, idp_type: "Azure", entra_tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47" }],
    ];
    it.each(oidcBodies)("setOidcIdpMetadata (%s): POST /oidc_idp_metadata", async (_type, body) => {
      const { data } = await client().POST("/api/backend/v1/oidc_idp_metadata", { body });
      expect(sent()).toEqual(["POST", `${P}/oidc_idp_metadata`, {}, body]);
      expect(data).toEqual({});
    });

    it("setOidcIdpMetadata: refuses fields of another idp_type", async () => {
      const { response } = await client().POST("/api/backend/v1/oidc_idp_metadata", {
        body: { ...oidcCommon, idp_type: "Okta", entra_tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47" } as never,
      });
      expect(response.status).toBe(400);
    });

    it("takeSamlConnectionLive: POST /saml_idp_metadata/go_live/{org_id}", async () => {
      const { data } = await client().POST("/api/backend/v1/saml_idp_metadata/go_live/{org_id}", {
        params: { path: { org_id: ORG_ID } },
      });
      expect(sent()).toEqual(["POST", `${P}/saml_idp_metadata/go_live/${ORG_ID}`, {}, undefined]);
      expect(data).toEqual({});
    });

    it("deleteSamlConnection: DELETE /saml_idp_metadata/{org_id}", async () => {
      const { data } = await client().DELETE("/api/backend/v1/saml_idp_metadata/{org_id}", { params: { path: { org_id: ORG_ID } } });
      expect(sent()).toEqual(["DELETE", `${P}/saml_idp_metadata/${ORG_ID}`, {}, undefined]);
      expect(data).toEqual({});
    });
  });

  describe("SCIM", () => {
    it("fetchOrgScimGroups: GET /scim/{org_id}/groups with paging and a user filter", async () => {
      const { data } = await client().GET("/api/backend/v1/scim/{org_id}/groups", {
        params: { path: { org_id: ORG_ID }, query: { page_size: 10, page_number: 0, user_id: USER_ID } },
      });
      expect(sent()).toEqual(["GET", `${P}/scim/${ORG_ID}/groups`, { page_size: "10", page_number: "0", user_id: USER_ID }, undefined]);
      expectTypeOf(data!.total_groups).toEqualTypeOf<number>();
      expectTypeOf(data!.page_number).toEqualTypeOf<number>();
      expect(data).toEqual(exampleOf("fetchOrgScimGroups"));
    });

    it("fetchScimGroup: GET /scim/{org_id}/groups/{group_id} with member paging", async () => {
      const { data } = await client().GET("/api/backend/v1/scim/{org_id}/groups/{group_id}", {
        params: { path: { org_id: ORG_ID, group_id: GROUP_ID }, query: { members_page_size: 10, members_page_number: 0 } },
      });
      expect(sent()).toEqual([
        "GET",
        `${P}/scim/${ORG_ID}/groups/${GROUP_ID}`,
        { members_page_size: "10", members_page_number: "0" },
        undefined,
      ]);
      expectTypeOf(data!.members).toEqualTypeOf<Schemas["ScimGroupMember"][]>();
      expectTypeOf(data!.group_id).toEqualTypeOf<string>();
      expect(data).toEqual(exampleOf("fetchScimGroup"));
    });
  });
});
