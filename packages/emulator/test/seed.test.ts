// Seeding from the document's examples: after `seed: "examples"`, every read operation called
// with its example parameters answers 2xx with a body the document accepts, and the examples that
// name seeded things (validate this token, verify this grant, fetch this org …) work as written.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createValidator, firstExample, type Operation, requestMedia, successExample } from "@propelauth-openapi/spec";
import { afterAll, describe, expect, it } from "vitest";
import { planFromExamples, startEmulator } from "../dist/index.js";
import { doc, harness, operationById, operations, pathOf, request, useEmulator } from "./support.js";

const validator = createValidator(doc);
const gets = operations.filter((op) => op.method === "get");

/** The example parameters of an operation: path parameters, and query parameters (all, or the required ones). */
function exampleParams(op: Operation, which: "all" | "required") {
  const path: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.example === undefined) continue;
    if (p.in === "path") path[p.name] = String(p.example);
    else if (p.in === "query" && (which === "all" || p.required)) query[p.name] = String(p.example);
  }
  return { path, query };
}

const exampleBody = (operationId: string) => firstExample(doc, requestMedia(doc, operationById.get(operationId)!)).value;
const named = (name: string) => (doc.components.examples![name] as { value: unknown }).value;
const success = (operationId: string) => successExample(doc, operationById.get(operationId)!).body;
const ADA = (named("User") as { user_id: string }).user_id;

describe("seed: examples", () => {
  const h = useEmulator({ seed: "examples" });

  it("creates the example entities and reports what it wrote", () => {
    expect(h().emu.seeded).toMatchObject({ users: 2, orgs: 2, memberships: 1, invites: 2, api_keys: 4, scim_groups: 2, employees: 1 });
  });

  describe.each(["all", "required"] as const)("every GET with its example parameters (%s query parameters)", (which) => {
    it.each(gets.map((op) => [op.operationId, op] as const))("%s answers 2xx with a body the document accepts", async (_id, op) => {
      const { path, query } = exampleParams(op, which);
      const answer = await request(h().emu.url, "GET", pathOf(op, path), { key: h().key, query });
      // The emulator validates its own answers (validateResponses): a mismatch would be a 500.
      expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
      expect(answer.status, answer.text).toBeLessThan(300);
      expect(validator.validateResponse(op, answer.status, answer.body)).toEqual([]);
    });
  });

  it("holds the records of the examples, with their ids and values", async () => {
    const get = async (operationId: string, which: "all" | "required" = "required") => {
      const op = operationById.get(operationId)!;
      const { path, query } = exampleParams(op, which);
      return (await request(h().emu.url, "GET", pathOf(op, path), { key: h().key, query })).body;
    };
    expect(await get("fetchOrg")).toEqual(named("Organization"));
    expect(await get("fetchEmployee")).toEqual(named("Employee"));
    expect(await get("fetchUserMfaMethods")).toEqual(named("UserMfaPhone"));
    // Fetch Fresh OAuth Token (called above) has refreshed the access token of the provider with a refresh token.
    const tokens = await get("fetchUserOAuthTokens");
    const exampleTokens = named("SocialLoginTokens") as Record<string, { access_token: string; token_expiration?: number }>;
    expect(Object.keys(tokens).sort()).toEqual(Object.keys(exampleTokens).sort());
    for (const [provider, { access_token, token_expiration, ...rest }] of Object.entries(exampleTokens)) {
      expect(tokens[provider]).toMatchObject(rest);
    }
    expect(tokens.github.access_token).toBe(exampleTokens.github!.access_token);
    expect(await get("fetchUserSignupQueryParameters")).toEqual(success("fetchUserSignupQueryParameters"));
    expect(await get("fetchApiKeyUsage", "required")).toEqual(success("fetchApiKeyUsage"));
    expect(await get("fetchOrgScimGroups", "required")).toMatchObject(named("ScimGroupsPage") as object);

    // Ada is the User With Orgs example; her roles are computed from Acme's role mapping (Enterprise roles).
    const { org_id_to_org_info: orgs, ...ada } = named("UserWithOrgs") as { org_id_to_org_info: Record<string, { user_role: string }> };
    const fetched = await get("fetchUserById", "all");
    expect(fetched).toMatchObject(ada);
    const acme = Object.keys(orgs)[0]!;
    expect(fetched.org_id_to_org_info[acme]).toMatchObject({ org_id: acme, org_name: "Acme", user_role: orgs[acme]!.user_role });
    const grace = (named("UserList") as { user_id: string; email: string }[])[1]!;
    const byEmail = await request(h().emu.url, "GET", "/api/backend/v1/user/email", { key: h().key, query: { email: grace.email } });
    expect(byEmail.body).toEqual(grace);

    // Expired examples are moved forward by the same lifetime: keys validate, invitations are pending.
    const { expires_at_seconds, ...key } = named("ApiKey") as { expires_at_seconds: number; created_at: number };
    const fetchedKey = await get("fetchApiKey");
    expect(fetchedKey).toMatchObject(key);
    // The example key expired long ago: it now expires its lifetime (expiry minus creation) from now.
    expect(fetchedKey.expires_at_seconds - Date.now() / 1000).toBeCloseTo(expires_at_seconds - key.created_at, -2);
    const invites = (await get("fetchPendingInvites", "all")).invites as { invitee_email: string }[];
    const exampleInvites = (named("PendingInvitesPage") as { invites: { invitee_email: string }[] }).invites;
    expect(invites.map((i) => i.invitee_email)).toEqual(exampleInvites.map((i) => i.invitee_email));
    expect((await get("fetchArchivedApiKeys", "required")).api_keys).toEqual(
      (named("ArchivedApiKeysPage") as { api_keys: unknown[] }).api_keys,
    );
  });

  it("answers the write examples that name seeded things as their examples say", async () => {
    const call = (operationId: string) => h().op(operationId, {}, { body: exampleBody(operationId) });
    const validated = await call("validateApiKey");
    expect(validated.status, validated.text).toBe(200);
    expect(validated.body).toMatchObject({ user_id: ADA, org_id: null });
    expect(validated.body.metadata).toEqual((named("ApiKeyValidationPersonal") as { metadata: unknown }).metadata);
    const imported = await call("validateImportedApiKey");
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body.org_id).toBe((exampleBody("importApiKey") as { org_id: string }).org_id);
    expect((await call("verifyStepUpGrant")).status).toBe(200);
    const sms = await call("verifyStepUpSmsCode");
    expect(sms.status, sms.text).toBe(200);
    expect(sms.body.step_up_grant).toMatch(/^sug_/);
    // A step-up grant of the example is one-time-use (as Verify TOTP's example asks): used once.
    expect((await call("verifyStepUpGrant")).status).toBe(400);
  });

  it("reseeds on POST /__emulator/reset with {seed: examples}", async () => {
    await h().op("deleteUser", { user_id: ADA });
    const reset = await h().admin("POST", "/reset", { seed: "examples" });
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body.seeded).toMatchObject({ users: 2, orgs: 2 });
    expect((await h().op("fetchUserById", { user_id: ADA })).status).toBe(200);
    expect((await h().admin("POST", "/reset", { seed: "nope" })).status).toBe(400);
  });
});

describe("seeding only fills an empty store", () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-seed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves a store that holds data as it is, and seeds it after --reset", async () => {
    const dataFile = join(dir, "seed.sqlite");
    const first = harness(await startEmulator({ dataFile, port: 0 }));
    expect(first.emu.seeded).toBeNull();
    expect((await first.op("createUser", {}, { body: { email: "someone@example.com" } })).status).toBe(200);
    await first.emu.close();

    const second = harness(await startEmulator({ dataFile, port: 0, seed: "examples" }));
    expect(second.emu.seeded).toBeNull();
    expect((await second.op("fetchUserById", { user_id: ADA })).status).toBe(404);
    await second.emu.close();

    const third = harness(await startEmulator({ dataFile, port: 0, seed: "examples", reset: true }));
    expect(third.emu.seeded).toMatchObject({ users: 2 });
    expect((await third.op("fetchUserByEmail", {}, { query: { email: "someone@example.com" } })).status).toBe(404);
    await third.emu.close();
  });
});

describe("the seed is read from the document", () => {
  it("follows an edited example", () => {
    const edited = structuredClone(doc);
    const example = edited.components.examples!.UserWithOrgs as { value: { user_id: string; email: string } };
    example.value.email = "augusta.ada@example.com";
    const plan = planFromExamples(edited);
    expect(plan.users.get(example.value.user_id)?.email).toBe("augusta.ada@example.com");
    expect(planFromExamples(doc).users.get(example.value.user_id)?.email).toBe("ada@example.com");
  });
});
