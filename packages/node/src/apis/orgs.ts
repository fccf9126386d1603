// The organization and enterprise SSO functions of initBaseAuth, as @propelauth/node 2.1.36 has them.

import type { OperationClient } from "@propelauth-openapi/client";
import * as ops from "@propelauth-openapi/client";
import { camelKeys, orgQueryKeys } from "../convert.js";
import {
  AddUserToOrgException,
  BadRequestException,
  ChangeUserRoleInOrgException,
  CreateOrgException,
  RemoveUserFromOrgException,
  RevokePendingOrgInviteException,
  UpdateOrgException,
} from "../exceptions.js";
import { answer, isValidId, type OnStatus, type Raw, raise, send, value } from "../transport.js";
import type {
  AddUserToOrgRequest,
  ChangeUserRoleInOrgRequest,
  CreatedOrg,
  CreateOrgRequest,
  CreateSamlConnectionLinkResponse,
  CustomRoleMappings,
  FetchPendingInvitesParams,
  FetchSamlSpMetadataResponse,
  InviteUserToOrgByUserIdRequest,
  InviteUserToOrgRequest,
  Organization,
  OrgQuery,
  OrgQueryResponse,
  PendingInvitesPage,
  RemoveUserFromOrgRequest,
  RevokePendingOrgInviteRequest,
  SetOidcIdpMetadataRequest,
  SetSamlIdpMetadataRequest,
  UpdateOrgRequest,
} from "../types.js";

const camel = (raw: Raw) => camelKeys(raw.data);
const yes = () => true;
const no: OnStatus = { 404: value(false) };
const B2B: OnStatus = {
  426: raise(() => new Error("Cannot use organizations unless B2B support is enabled. Enable it in your PropelAuth dashboard.")),
};
const bad = (make: new (text: string) => Error): OnStatus => ({ ...no, 400: raise((x) => new make(x.text)) });

export function orgApis(client: OperationClient) {
  type Op = Parameters<typeof send>[1];
  // An org id checked before sending (false without a request), then a yes/no answer.
  const byOrgId =
    (op: Op, unknown: string, on: OnStatus, input: (orgId: string, ...rest: never[]) => object) =>
    (orgId: string, ...rest: unknown[]): Promise<boolean> =>
      isValidId(orgId)
        ? send(client, op, input(orgId, ...(rest as never[]))).then((raw) => answer(raw, yes, unknown, on))
        : Promise.resolve(false);
  const yesNo = (op: Op, input: object, unknown: string, on: OnStatus) =>
    send(client, op, input).then((raw) => answer(raw, yes, unknown, on));
  const membership = (r: AddUserToOrgRequest) => ({
    user_id: r.userId,
    org_id: r.orgId,
    role: r.role,
    additional_roles: r.additionalRoles ?? [],
  });
  const orgPath = (orgId: string) => ({ path: { org_id: orgId } });

  return {
    fetchOrg: (orgId: string): Promise<Organization | null> =>
      isValidId(orgId)
        ? send(client, ops.fetchOrg, orgPath(orgId)).then((raw) =>
            answer(raw, camel, "Unknown error when fetching org", { 404: value(null), ...B2B }),
          )
        : Promise.resolve(null),
    fetchOrgByQuery: (q: OrgQuery): Promise<OrgQueryResponse> => {
      const body = {
        page_size: q.pageSize,
        page_number: q.pageNumber,
        order_by: q.orderBy,
        name: q.name,
        legacy_org_id: q.legacyOrgId,
        domain: q.domain,
      };
      return send(client, ops.queryOrgsByPost, { body }).then((raw) =>
        answer(raw, (r) => orgQueryKeys(r.data), "Unknown error when fetching orgs by query", {
          400: raise((x) => new Error(`Invalid query ${x.text}`)),
          ...B2B,
        }),
      );
    },
    fetchCustomRoleMappings: (): Promise<CustomRoleMappings> =>
      send(client, ops.fetchCustomRoleMappings).then((raw) => answer(raw, camel, "Unknown error when fetching custom role mappings", B2B)),
    fetchPendingInvites: (params?: FetchPendingInvitesParams): Promise<PendingInvitesPage> => {
      const query: Record<string, string> = {};
      if (params?.orgId) query.org_id = params.orgId;
      if (params?.pageSize) query.page_size = params.pageSize.toString();
      if (params?.pageNumber) query.page_number = params.pageNumber.toString();
      return send(client, ops.fetchPendingInvites, { query }).then((raw) =>
        answer(raw, camel, "Unknown error when fetching pending invites", B2B),
      );
    },
    fetchSamlSpMetadata: (orgId: string): Promise<FetchSamlSpMetadataResponse> =>
      send(client, ops.fetchSamlSpMetadata, orgPath(orgId)).then((raw) =>
        answer(raw, camel, "Unknown error when fetching custom role mappings", B2B),
      ),
    createOrg: (r: CreateOrgRequest): Promise<CreatedOrg> => {
      const body: Record<string, unknown> = {
        name: r.name,
        enable_auto_joining_by_domain: r.enableAutoJoiningByDomain ?? false,
        members_must_have_matching_domain: r.membersMustHaveMatchingDomain ?? false,
      };
      if (r.domain) body.domain = r.domain;
      if (r.maxUsers) body.max_users = r.maxUsers;
      if (r.legacyOrgId) body.legacy_org_id = r.legacyOrgId;
      if (r.customRoleMappingName) body.custom_role_mapping_name = r.customRoleMappingName;
      return send(client, ops.createOrg, { body }).then((raw) =>
        answer(raw, camel, "Unknown error when creating org", { 400: raise((x) => new CreateOrgException(x.text)) }),
      );
    },
    addUserToOrg: (r: AddUserToOrgRequest) =>
      yesNo(ops.addUserToOrg, { body: membership(r) }, "Unknown error when adding user to org", bad(AddUserToOrgException)),
    changeUserRoleInOrg: (r: ChangeUserRoleInOrgRequest) =>
      yesNo(
        ops.changeUserRoleInOrg,
        { body: membership(r) },
        "Unknown error when changing users role in org",
        bad(ChangeUserRoleInOrgException),
      ),
    removeUserFromOrg: (r: RemoveUserFromOrgRequest) =>
      yesNo(
        ops.removeUserFromOrg,
        { body: { user_id: r.userId, org_id: r.orgId } },
        "Unknown error when removing users from org",
        bad(RemoveUserFromOrgException),
      ),
    updateOrg: (r: UpdateOrgRequest): Promise<boolean> => {
      if (!isValidId(r.orgId)) return Promise.resolve(false);
      const body = {
        name: r.name,
        can_setup_saml: r.canSetupSaml,
        metadata: r.metadata,
        max_users: r.maxUsers,
        autojoin_by_domain: r.canJoinOnEmailDomainMatch,
        restrict_to_domain: r.membersMustHaveEmailDomainMatch,
        domain: r.domain,
        legacy_org_id: r.legacyOrgId,
        require_2fa_by: r.require2faBy,
        extra_domains: r.extraDomains,
        password_rotation_enabled: r.passwordRotationEnabled,
        password_rotation_history_size: r.passwordRotationHistorySize,
        password_rotation_period: r.passwordRotationPeriod,
      };
      return yesNo(ops.updateOrg, { ...orgPath(r.orgId), body }, "Unknown error when updating org", bad(UpdateOrgException));
    },
    subscribeOrgToRoleMapping: byOrgId(
      ops.updateOrg,
      "Unknown error when subscribing an org to a role mapping",
      bad(UpdateOrgException),
      (orgId, name: string) => ({ ...orgPath(orgId), body: { custom_role_mapping_name: name } }),
    ) as (orgId: string, customRoleMappingName: string) => Promise<boolean>,
    deleteOrg: byOrgId(ops.deleteOrg, "Unknown error when deleting org", no, orgPath) as (orgId: string) => Promise<boolean>,
    allowOrgToSetupSamlConnection: byOrgId(
      ops.allowOrgToSetupSaml,
      "Unknown error when allowing org to setup SAML connection",
      no,
      orgPath,
    ) as (orgId: string) => Promise<boolean>,
    disallowOrgToSetupSamlConnection: byOrgId(
      ops.disallowOrgToSetupSaml,
      "Unknown error when disallowing org to setup SAML connection",
      no,
      orgPath,
    ) as (orgId: string) => Promise<boolean>,
    createOrgSamlConnectionLink: async (orgId: string, expiresInSeconds?: number): Promise<CreateSamlConnectionLinkResponse> => {
      if (!isValidId(orgId)) throw new Error("Invalid orgId");
      const raw = await send(client, ops.createSamlConnectionLink, { ...orgPath(orgId), body: { expires_in_seconds: expiresInSeconds } });
      // Any other error status puts the body in the message (401 and 429 as usual).
      if (raw.status === 404) throw new Error("Org not found");
      if (raw.status >= 400 && raw.status !== 401 && raw.status !== 429)
        throw new Error(`Error when creating SAML connection link: ${raw.text}`);
      return answer(raw, (r) => r.data as CreateSamlConnectionLinkResponse, "");
    },
    inviteUserToOrg: (r: InviteUserToOrgRequest) =>
      yesNo(
        ops.inviteUserToOrg,
        { body: { org_id: r.orgId, email: r.email, role: r.role, additional_roles: r.additionalRoles ?? [] } },
        "Unknown error when inviting a user to the org",
        bad(BadRequestException),
      ),
    inviteUserToOrgByUserId: (r: InviteUserToOrgByUserIdRequest) =>
      yesNo(
        ops.inviteUserToOrgByUserId,
        { body: { org_id: r.orgId, user_id: r.userId, role: r.role, additional_roles: r.additionalRoles ?? [] } },
        "Unknown error when inviting a user to the org",
        bad(BadRequestException),
      ),
    revokePendingOrgInvite: (r: RevokePendingOrgInviteRequest) =>
      yesNo(
        ops.revokePendingInvite,
        { body: { invitee_email: r.inviteeEmail, org_id: r.orgId } },
        "Unknown error when revoking org invite",
        bad(RevokePendingOrgInviteException),
      ),
    setSamlIdpMetadata: byOrgId(
      ops.setSamlIdpMetadata,
      "Unknown error when setting the SAML IdP metadata for an org's SAML connection",
      bad(UpdateOrgException),
      (orgId, r: SetSamlIdpMetadataRequest) => ({
        body: {
          org_id: orgId,
          idp_entity_id: r.idpEntityId,
          idp_sso_url: r.idpSsoUrl,
          idp_certificate: r.idpCertificate,
          provider: r.provider,
        },
      }),
    ) as (orgId: string, samlIdpMetadata: SetSamlIdpMetadataRequest) => Promise<boolean>,
    setOidcIdpMetadata: (r: SetOidcIdpMetadataRequest): Promise<boolean> =>
      byOrgId(
        ops.setOidcIdpMetadata,
        "Unknown error when setting the OIDC IdP metadata for an org's OIDC connection",
        bad(UpdateOrgException),
        () => ({ body: oidcBody(r) }),
      )(r.orgId),
    samlGoLive: byOrgId(ops.takeSamlConnectionLive, "Unknown error when setting orgs SAML connection to go live", no, orgPath) as (
      orgId: string,
    ) => Promise<boolean>,
    deleteSamlConnection: byOrgId(
      ops.deleteSamlConnection,
      "Unknown error when deleting SAML connection",
      bad(RevokePendingOrgInviteException),
      orgPath,
    ) as (orgId: string) => Promise<boolean>,
  };
}

function oidcBody(r: SetOidcIdpMetadataRequest): Record<string, unknown> {
  const base = { org_id: r.orgId, client_id: r.clientId, client_secret: r.clientSecret, uses_pkce: r.usesPkce, idp_type: r.idpType };
  switch (r.idpType) {
    case "Generic":
      return { ...base, auth_url: r.authUrl, token_url: r.tokenUrl, userinfo_url: r.userinfoUrl };
    case "Okta":
      return { ...base, okta_sso_domain: r.oktaSsoDomain };
    case "Azure":
      return { ...base, entra_tenant_id: r.entraTenantId };
  }
  return base;
}
