// The operations tagged "Enterprise SSO" in the document.
import { hex } from "../crypto.js";
import { badRequest, notFound } from "../errors.js";
import type { Project } from "../project.js";
import { type Handler, ok } from "./types.js";
import { isHttpUrl } from "./util.js";

function setConnection(project: Project, orgId: string, kind: "saml" | "oidc", config: Record<string, unknown>) {
  project.store.orgs.require(orgId);
  // New identity-provider details start in test mode, until Go Live.
  project.store.sso.set(orgId, kind, config, project.now());
}

function setCanSetupSaml(value: 0 | 1): Handler {
  return ({ project, path }) => {
    project.store.orgs.require(path.org_id!);
    project.store.orgs.setCanSetupSaml(path.org_id!, value);
    return ok();
  };
}

export const enterpriseSsoHandlers: Record<string, Handler> = {
  allowOrgToSetupSaml: setCanSetupSaml(1),

  disallowOrgToSetupSaml: setCanSetupSaml(0),

  createSamlConnectionLink: ({ project, path, body }) => {
    const org = project.store.orgs.require(path.org_id!);
    if (org.can_setup_saml !== 1) throw badRequest("org_id", "The organization may not set up SSO: allow it first (Allow SAML)");
    const expires = typeof body?.expires_in_seconds === "number" ? body.expires_in_seconds : 7 * 86400;
    if (expires <= 0) throw badRequest("expires_in_seconds", "Must be at least 1");
    const token = hex(24);
    const now = project.now();
    project.store.links.insert({
      token,
      kind: "saml_setup",
      payload: { org_id: org.org_id },
      createdAt: now,
      expiresAt: now + expires,
      singleUse: false,
    });
    return ok({ url: `${project.settings.authUrl}/__emulator/links/${token}` });
  },

  fetchSamlSpMetadata: ({ project, path }) => {
    const org = project.store.orgs.require(path.org_id!);
    const base = `${project.settings.authUrl}/saml/${org.org_id}`;
    return ok({ entity_id: `${base}/metadata`, acs_url: `${base}/acs`, logout_url: `${base}/logout` });
  },

  setSamlIdpMetadata: ({ project, body }) => {
    project.store.orgs.require(body.org_id);
    if (!isHttpUrl(body.idp_sso_url)) throw badRequest("idp_sso_url", "Must be an http(s) URL");
    if (!/-----BEGIN CERTIFICATE-----/.test(body.idp_certificate)) {
      throw badRequest("idp_certificate", "Must be a PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    if (String(body.idp_entity_id).trim() === "") throw badRequest("idp_entity_id", "Must not be empty");
    const { org_id, ...config } = body;
    setConnection(project, org_id, "saml", config);
    return ok();
  },

  takeSamlConnectionLive: ({ project, path }) => {
    project.store.orgs.require(path.org_id!);
    if (!project.store.sso.get(path.org_id!)) throw notFound("SSO connection");
    project.store.sso.goLive(path.org_id!, project.now());
    return ok();
  },

  deleteSamlConnection: ({ project, path }) => {
    project.store.orgs.require(path.org_id!);
    if (!project.store.sso.delete(path.org_id!)) throw badRequest("org_id", "The organization has no SSO connection");
    return ok();
  },

  setOidcIdpMetadata: ({ project, body }) => {
    project.store.orgs.require(body.org_id);
    for (const field of ["auth_url", "token_url", "userinfo_url"]) {
      if (typeof body[field] === "string" && !isHttpUrl(body[field])) throw badRequest(field, "Must be an http(s) URL");
    }
    const { org_id, ...config } = body;
    setConnection(project, org_id, "oidc", config);
    return ok();
  },
};
