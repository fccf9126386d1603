// Every value of the Rust crate's request enumerations, each sent once: FetchUsersOrderBy and
// FetchOrgOrderBy (their ToString, src/models/fetch_*_order_by.rs) and SamlIdpProvider (serde unit
// variants, src/models/set_saml_idp_metadata_request.rs).
import type { ReplayCase, SdkSource } from "../../replay/types.js";
import { CERTIFICATE, ORG_ID } from "../ids.js";
import { RUST_REPO, RUST_VERSION } from "./inventory.js";

const V1 = "/api/backend/v1";
const source = (fn: string, file: string): SdkSource => ({ repo: RUST_REPO, file: `src/apis/${file}`, fn, version: RUST_VERSION });

export const rustEnumCases: ReplayCase[] = [
  ...["CREATED_AT_ASC", "CREATED_AT_DESC", "LAST_ACTIVE_AT_ASC", "LAST_ACTIVE_AT_DESC", "EMAIL", "USERNAME"].map(
    (orderBy): ReplayCase => ({
      source: source("UserService::fetch_users_by_query", "user_service_api.rs"),
      variant: `FetchUsersOrderBy ${orderBy}`,
      operationId: "queryUsers",
      method: "GET",
      path: `${V1}/user/query`,
      query: `order_by=${orderBy}`,
    }),
  ),
  ...["CREATED_AT_ASC", "CREATED_AT_DESC", "NAME"].map(
    (orderBy): ReplayCase => ({
      source: source("OrgService::fetch_orgs_by_query", "org_service_api.rs"),
      variant: `FetchOrgOrderBy ${orderBy}`,
      operationId: "queryOrgs",
      method: "GET",
      path: `${V1}/org/query`,
      query: `order_by=${orderBy}`,
    }),
  ),
  ...["Google", "Rippling", "OneLogin", "JumpCloud", "Okta", "Azure", "Duo", "Generic"].map(
    (provider): ReplayCase => ({
      source: source("OrgService::set_saml_idp_metadata", "org_service_api.rs"),
      variant: `SamlIdpProvider::${provider}`,
      operationId: "setSamlIdpMetadata",
      method: "POST",
      path: `${V1}/saml_idp_metadata`,
      body: {
        org_id: ORG_ID,
        idp_entity_id: "urn:idp",
        idp_sso_url: "https://idp.example.com/sso",
        idp_certificate: CERTIFICATE,
        provider,
      },
    }),
  ),
];
