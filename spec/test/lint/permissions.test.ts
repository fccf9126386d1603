// The permission catalogue as PropelAuth publishes it: exactly the published names are confirmed,
// and the predefined key kinds hold what PropelAuth's definitions of them say.
import { describe, expect, it } from "vitest";
import { loadBundledDocument } from "../../src/index.js";

const catalogue = loadBundledDocument().info["x-propelauth-permissions"];

/** Names PropelAuth has published, with where. */
const PUBLISHED: Record<string, string> = {
  "Read Users": "https://www.propelauth.com/post/scoped-backend-api-keys",
  "Create Users": "https://www.propelauth.com/post/scoped-backend-api-keys",
  "Create Organizations": "https://www.propelauth.com/post/scoped-backend-api-keys",
  "Send Email Confirmations": "https://www.propelauth.com/post/scoped-backend-api-keys",
  "Update Organization SSO Settings": "https://docs.propelauth.com/reference/api/enterprise-sso",
  "Manage SSO Setup Links": "https://docs.propelauth.com/reference/api/enterprise-sso",
  "Read SSO Connections": "https://docs.propelauth.com/reference/api/enterprise-sso",
};

describe("permission catalogue", () => {
  it("marks exactly the published names confirmed", () => {
    const confirmed = Object.values(catalogue)
      .filter((p) => p.confirmed)
      .map((p) => p.name);
    expect(confirmed.sort()).toEqual(Object.keys(PUBLISHED).sort());
  });

  it('Read and Validate holds reading user, organization, SSO connection and API key data, and validating ("can read org, user, and API key data as well as validate")', () => {
    const held = Object.entries(catalogue)
      .filter(([, p]) => p["granted-to"].includes("read-and-validate"))
      .map(([id]) => id);
    expect(held.sort()).toEqual([
      "read-api-keys",
      "read-organizations",
      "read-sso-connections",
      "read-users",
      "validate-access-tokens",
      "validate-api-keys",
    ]);
  });

  it('Validation Only holds validating alone ("can validate frontend requests and end user API Keys")', () => {
    const held = Object.entries(catalogue)
      .filter(([, p]) => p["granted-to"].includes("validation-only"))
      .map(([id]) => id);
    expect(held.sort()).toEqual(["validate-access-tokens", "validate-api-keys"]);
  });
});
