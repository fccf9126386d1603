import { describe, expect } from "vitest";
import { type ConformanceCase, conformance } from "./harness.js";

const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
const GROUP_ID = "7e2c4a91-3b5d-4f60-8a1e-9c0b2d4f6a83";
const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIDqDCCApCgAwIBAgIGAY3tF2nCMA0GCSqGSIb3DQEBCwUA\n-----END CERTIFICATE-----\n";

type Snake = Record<string, unknown>;

/** Mutations whose answer the SDK ignores: it returns true on any 2xx. */
const returnsTrue = (result: unknown) => expect(result).toBe(true);

const organizations: ConformanceCase[] = [
  {
    fn: "fetchOrg",
    operationId: "fetchOrg",
    call: (api) => api.fetchOrg(ORG_ID),
    query: {},
    check: (result, served) => {
      const r = result as Record<string, unknown>;
      const s = served as Snake;
      expect(r.orgId).toBe(s.org_id);
      expect(r.name).toBe(s.name);
      expect(r.urlSafeOrgSlug).toBe(s.url_safe_org_slug);
      expect(r.canSetupSaml).toBe(s.can_setup_saml);
      expect(r.domainAutojoin).toBe(s.domain_autojoin);
      expect(r.extraDomains).toEqual(s.extra_domains);
      expect(r.customRoleMappingName).toBe(s.custom_role_mapping_name);
      expect(r.passwordRotationEnabled).toBe(s.password_rotation_enabled);
      // The SDK keeps metadata as stored, without renaming its keys.
      expect(r.metadata).toEqual(s.metadata);
    },
  },
  {
    fn: "fetchOrgByQuery",
    operationId: "queryOrgsByPost",
    call: (api) =>
      api.fetchOrgByQuery({ pageSize: 10, pageNumber: 0, orderBy: "NAME", name: "ac", legacyOrgId: "org_4411", domain: "acme.com" }),
    query: {},
    body: { page_size: 10, page_number: 0, order_by: "NAME", name: "ac", legacy_org_id: "org_4411", domain: "acme.com" },
    check: (result, served) => {
      const r = result as { orgs: { orgId: string; name: string; createdAt?: number }[]; totalOrgs: number; hasMoreResults: boolean };
      const s = served as { orgs: { org_id: string; name: string; created_at?: number }[]; total_orgs: number; has_more_results: boolean };
      expect(r.orgs.map((o) => [o.orgId, o.name, o.createdAt])).toEqual(s.orgs.map((o) => [o.org_id, o.name, o.created_at]));
      expect(r.totalOrgs).toBe(s.total_orgs);
      expect(r.hasMoreResults).toBe(s.has_more_results);
    },
  },
  {
    fn: "fetchOrgByQuery",
    variant: "no filters",
    operationId: "queryOrgsByPost",
    call: (api) => api.fetchOrgByQuery({}),
    query: {},
    body: {},
  },
  {
    fn: "createOrg",
    operationId: "createOrg",
    call: (api) =>
      api.createOrg({
        name: "Acme",
        domain: "acme.com",
        enableAutoJoiningByDomain: true,
        membersMustHaveMatchingDomain: true,
        maxUsers: 50,
        customRoleMappingName: "Enterprise roles",
        legacyOrgId: "org_4411",
      }),
    query: {},
    body: {
      name: "Acme",
      domain: "acme.com",
      enable_auto_joining_by_domain: true,
      members_must_have_matching_domain: true,
      max_users: 50,
      custom_role_mapping_name: "Enterprise roles",
      legacy_org_id: "org_4411",
    },
    check: (result, served) => {
      const s = served as Snake;
      expect(result).toEqual({ orgId: s.org_id, name: s.name });
    },
  },
  {
    fn: "createOrg",
    variant: "name only",
    operationId: "createOrg",
    call: (api) => api.createOrg({ name: "Acme" }),
    query: {},
    body: { name: "Acme", enable_auto_joining_by_domain: false, members_must_have_matching_domain: false },
  },
  {
    fn: "updateOrg",
    operationId: "updateOrg",
    call: (api) =>
      api.updateOrg({
        orgId: ORG_ID,
        name: "Acme Inc.",
        canSetupSaml: true,
        maxUsers: 100,
        metadata: { plan: "enterprise" },
        canJoinOnEmailDomainMatch: true,
        membersMustHaveEmailDomainMatch: false,
        domain: "acme.com",
        legacyOrgId: "org_4411",
        require2faBy: "2026-06-01T00:00:00Z",
        extraDomains: ["acme.io"],
        passwordRotationEnabled: true,
        passwordRotationHistorySize: 5,
        passwordRotationPeriod: 7776000,
      }),
    query: {},
    body: {
      name: "Acme Inc.",
      can_setup_saml: true,
      metadata: { plan: "enterprise" },
      max_users: 100,
      autojoin_by_domain: true,
      restrict_to_domain: false,
      domain: "acme.com",
      legacy_org_id: "org_4411",
      require_2fa_by: "2026-06-01T00:00:00Z",
      extra_domains: ["acme.io"],
      password_rotation_enabled: true,
      password_rotation_history_size: 5,
      password_rotation_period: 7776000,
    },
    check: returnsTrue,
  },
  {
    fn: "updateOrg",
    variant: "name only",
    operationId: "updateOrg",
    call: (api) => api.updateOrg({ orgId: ORG_ID, name: "Acme Inc." }),
    query: {},
    body: { name: "Acme Inc." },
  },
  {
    fn: "subscribeOrgToRoleMapping",
    operationId: "updateOrg",
    call: (api) => api.subscribeOrgToRoleMapping(ORG_ID, "Enterprise roles"),
    query: {},
    body: { custom_role_mapping_name: "Enterprise roles" },
    check: returnsTrue,
  },
  {
    fn: "deleteOrg",
    operationId: "deleteOrg",
    call: (api) => api.deleteOrg(ORG_ID),
    query: {},
    check: returnsTrue,
  },
];

const membership: ConformanceCase[] = [
  {
    fn: "addUserToOrg",
    operationId: "addUserToOrg",
    call: (api) => api.addUserToOrg({ userId: USER_ID, orgId: ORG_ID, role: "Admin", additionalRoles: ["Billing"] }),
    query: {},
    body: { user_id: USER_ID, org_id: ORG_ID, role: "Admin", additional_roles: ["Billing"] },
    check: returnsTrue,
  },
  {
    fn: "addUserToOrg",
    variant: "one role",
    operationId: "addUserToOrg",
    call: (api) => api.addUserToOrg({ userId: USER_ID, orgId: ORG_ID, role: "Member" }),
    query: {},
    body: { user_id: USER_ID, org_id: ORG_ID, role: "Member", additional_roles: [] },
  },
  {
    fn: "changeUserRoleInOrg",
    operationId: "changeUserRoleInOrg",
    call: (api) => api.changeUserRoleInOrg({ userId: USER_ID, orgId: ORG_ID, role: "Admin", additionalRoles: ["Billing"] }),
    query: {},
    body: { user_id: USER_ID, org_id: ORG_ID, role: "Admin", additional_roles: ["Billing"] },
    check: returnsTrue,
  },
  {
    fn: "changeUserRoleInOrg",
    variant: "one role",
    operationId: "changeUserRoleInOrg",
    call: (api) => api.changeUserRoleInOrg({ userId: USER_ID, orgId: ORG_ID, role: "Member" }),
    query: {},
    body: { user_id: USER_ID, org_id: ORG_ID, role: "Member", additional_roles: [] },
  },
  {
    fn: "removeUserFromOrg",
    operationId: "removeUserFromOrg",
    call: (api) => api.removeUserFromOrg({ userId: USER_ID, orgId: ORG_ID }),
    query: {},
    body: { user_id: USER_ID, org_id: ORG_ID },
    check: returnsTrue,
  },
];

const invites: ConformanceCase[] = [
  {
    fn: "inviteUserToOrg",
    operationId: "inviteUserToOrg",
    call: (api) => api.inviteUserToOrg({ orgId: ORG_ID, email: "grace@example.com", role: "Member", additionalRoles: ["Billing"] }),
    query: {},
    body: { org_id: ORG_ID, email: "grace@example.com", role: "Member", additional_roles: ["Billing"] },
    // The served example is the plain-text body; the SDK ignores it.
    check: (result, served) => {
      expect(typeof served).toBe("string");
      expect(result).toBe(true);
    },
  },
  {
    fn: "inviteUserToOrg",
    variant: "one role",
    operationId: "inviteUserToOrg",
    call: (api) => api.inviteUserToOrg({ orgId: ORG_ID, email: "grace@example.com", role: "Member" }),
    query: {},
    body: { org_id: ORG_ID, email: "grace@example.com", role: "Member", additional_roles: [] },
  },
  {
    fn: "inviteUserToOrgByUserId",
    operationId: "inviteUserToOrgByUserId",
    call: (api) => api.inviteUserToOrgByUserId({ orgId: ORG_ID, userId: USER_ID, role: "Member", additionalRoles: ["Billing"] }),
    query: {},
    body: { org_id: ORG_ID, user_id: USER_ID, role: "Member", additional_roles: ["Billing"] },
    check: returnsTrue,
  },
  {
    fn: "fetchPendingInvites",
    operationId: "fetchPendingInvites",
    call: (api) => api.fetchPendingInvites({ orgId: ORG_ID, pageSize: 10, pageNumber: 1 }),
    query: { org_id: ORG_ID, page_size: "10", page_number: "1" },
    check: (result, served) => {
      const r = result as { invites: { inviteeEmail: string; inviterUserId: string | null }[]; totalInvites: number; currentPage: number };
      const s = served as {
        invites: { invitee_email: string; inviter_user_id: string | null }[];
        total_invites: number;
        current_page: number;
      };
      expect(r.invites.map((i) => [i.inviteeEmail, i.inviterUserId])).toEqual(s.invites.map((i) => [i.invitee_email, i.inviter_user_id]));
      expect(r.totalInvites).toBe(s.total_invites);
      expect(r.currentPage).toBe(s.current_page);
    },
  },
  {
    fn: "fetchPendingInvites",
    variant: "no parameters",
    operationId: "fetchPendingInvites",
    call: (api) => api.fetchPendingInvites(),
    query: {},
  },
  {
    fn: "revokePendingOrgInvite",
    operationId: "revokePendingInvite",
    call: (api) => api.revokePendingOrgInvite({ orgId: ORG_ID, inviteeEmail: "grace@example.com" }),
    query: {},
    body: { invitee_email: "grace@example.com", org_id: ORG_ID },
    check: returnsTrue,
  },
];

const roleMappings: ConformanceCase[] = [
  {
    fn: "fetchCustomRoleMappings",
    operationId: "fetchCustomRoleMappings",
    call: (api) => api.fetchCustomRoleMappings(),
    query: {},
    check: (result, served) => {
      const r = result as { customRoleMappings: { customRoleMappingName: string; numOrgsSubscribed: number }[] };
      const s = served as { custom_role_mappings: { custom_role_mapping_name: string; num_orgs_subscribed: number }[] };
      expect(r.customRoleMappings).toEqual(
        s.custom_role_mappings.map((m) => ({
          customRoleMappingName: m.custom_role_mapping_name,
          numOrgsSubscribed: m.num_orgs_subscribed,
        })),
      );
    },
  },
];

const oidcBase = { orgId: ORG_ID, clientId: "propelauth-acme", clientSecret: "example-okta-client-secret", usesPkce: true };
const oidcWire = { org_id: ORG_ID, client_id: "propelauth-acme", client_secret: "example-okta-client-secret", uses_pkce: true };

const enterpriseSso: ConformanceCase[] = [
  {
    fn: "allowOrgToSetupSamlConnection",
    operationId: "allowOrgToSetupSaml",
    call: (api) => api.allowOrgToSetupSamlConnection(ORG_ID),
    query: {},
    check: returnsTrue,
  },
  {
    fn: "disallowOrgToSetupSamlConnection",
    operationId: "disallowOrgToSetupSaml",
    call: (api) => api.disallowOrgToSetupSamlConnection(ORG_ID),
    query: {},
    check: returnsTrue,
  },
  {
    fn: "createOrgSamlConnectionLink",
    operationId: "createSamlConnectionLink",
    call: (api) => api.createOrgSamlConnectionLink(ORG_ID, 604800),
    query: {},
    body: { expires_in_seconds: 604800 },
    check: (result, served) => expect((result as { url: string }).url).toBe((served as { url: string }).url),
  },
  {
    fn: "createOrgSamlConnectionLink",
    variant: "default expiry",
    operationId: "createSamlConnectionLink",
    call: (api) => api.createOrgSamlConnectionLink(ORG_ID),
    query: {},
    body: {},
  },
  {
    fn: "fetchSamlSpMetadata",
    operationId: "fetchSamlSpMetadata",
    call: (api) => api.fetchSamlSpMetadata(ORG_ID),
    query: {},
    check: (result, served) => {
      const s = served as Snake;
      expect(result).toEqual({ entityId: s.entity_id, acsUrl: s.acs_url, logoutUrl: s.logout_url });
    },
  },
  {
    fn: "setSamlIdpMetadata",
    operationId: "setSamlIdpMetadata",
    call: (api) =>
      api.setSamlIdpMetadata(ORG_ID, {
        idpEntityId: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9",
        idpSsoUrl: "https://acme.okta.com/app/acme_propelauth_1/exk1a2b3c4d5e6f7g8h9/sso/saml",
        idpCertificate: CERTIFICATE,
        provider: "Okta",
      }),
    query: {},
    body: {
      org_id: ORG_ID,
      idp_entity_id: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9",
      idp_sso_url: "https://acme.okta.com/app/acme_propelauth_1/exk1a2b3c4d5e6f7g8h9/sso/saml",
      idp_certificate: CERTIFICATE,
      provider: "Okta",
    },
    check: returnsTrue,
  },
  {
    fn: "setOidcIdpMetadata",
    variant: "Generic",
    operationId: "setOidcIdpMetadata",
    call: (api) =>
      api.setOidcIdpMetadata({
        ...oidcBase,
        idpType: "Generic",
        authUrl: "https://login.acme.com/oauth2/authorize",
        tokenUrl: "https://login.acme.com/oauth2/token",
        userinfoUrl: "https://login.acme.com/oauth2/userinfo",
      }),
    query: {},
    body: {
      ...oidcWire,
      idp_type: "Generic",
      auth_url: "https://login.acme.com/oauth2/authorize",
      token_url: "https://login.acme.com/oauth2/token",
      userinfo_url: "https://login.acme.com/oauth2/userinfo",
    },
    check: returnsTrue,
  },
  {
    fn: "setOidcIdpMetadata",
    variant: "Okta",
    operationId: "setOidcIdpMetadata",
    call: (api) => api.setOidcIdpMetadata({ ...oidcBase, idpType: "Okta", oktaSsoDomain: "acme.okta.com" }),
    query: {},
    body: { ...oidcWire, idp_type: "Okta", okta_sso_domain: "acme.okta.com" },
    check: returnsTrue,
  },
  {
    fn: "setOidcIdpMetadata",
    variant: "Azure",
    operationId: "setOidcIdpMetadata",
    call: (api) =>
      api.setOidcIdpMetadata({ ...oidcBase, usesPkce: false, idpType: "Azure", entraTenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" }),
    query: {},
    body: { ...oidcWire, uses_pkce: false, idp_type: "Azure", entra_tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47" },
    check: returnsTrue,
  },
  {
    fn: "samlGoLive",
    operationId: "takeSamlConnectionLive",
    call: (api) => api.samlGoLive(ORG_ID),
    query: {},
    check: returnsTrue,
  },
  {
    fn: "deleteSamlConnection",
    operationId: "deleteSamlConnection",
    call: (api) => api.deleteSamlConnection(ORG_ID),
    query: {},
    check: returnsTrue,
  },
];

const scim: ConformanceCase[] = [
  {
    fn: "fetchOrgScimGroups",
    operationId: "fetchOrgScimGroups",
    call: (api) => api.fetchOrgScimGroups({ orgId: ORG_ID, userId: USER_ID, pageSize: 10, pageNumber: 0 }),
    query: { page_size: "10", page_number: "0", user_id: USER_ID },
    check: (result, served) => {
      const r = result as { groups: { groupId: string; displayName: string }[]; pageNumber: number; totalGroups: number };
      const s = served as { groups: { group_id: string; display_name: string }[]; page_number: number; total_groups: number };
      expect(r.groups.map((g) => [g.groupId, g.displayName])).toEqual(s.groups.map((g) => [g.group_id, g.display_name]));
      expect(r.pageNumber).toBe(s.page_number);
      expect(r.totalGroups).toBe(s.total_groups);
    },
  },
  {
    fn: "fetchOrgScimGroups",
    variant: "no paging",
    operationId: "fetchOrgScimGroups",
    call: (api) => api.fetchOrgScimGroups({ orgId: ORG_ID }),
    query: {},
  },
  {
    fn: "fetchScimGroup",
    operationId: "fetchScimGroup",
    call: (api) => api.fetchScimGroup({ orgId: ORG_ID, groupId: GROUP_ID, membersPageSize: 10, membersPageNumber: 0 }),
    query: { members_page_size: "10", members_page_number: "0" },
    check: (result, served) => {
      const r = result as { groupId: string; externalIdFromIdp?: string; members: { userId: string }[] };
      const s = served as { group_id: string; external_id_from_idp?: string; members: { user_id: string }[] };
      expect(r.groupId).toBe(s.group_id);
      expect(r.externalIdFromIdp).toBe(s.external_id_from_idp);
      expect(r.members.map((m) => m.userId)).toEqual(s.members.map((m) => m.user_id));
    },
  },
];

describe("official Node SDK conformance: organizations", () => conformance(organizations));
describe("official Node SDK conformance: organization membership", () => conformance(membership));
describe("official Node SDK conformance: invites", () => conformance(invites));
describe("official Node SDK conformance: role mappings", () => conformance(roleMappings));
describe("official Node SDK conformance: enterprise SSO", () => conformance(enterpriseSso));
describe("official Node SDK conformance: SCIM", () => conformance(scim));
