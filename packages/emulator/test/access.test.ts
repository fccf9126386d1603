// Every operation, called with every kind of backend key: allowed or refused exactly as the
// operation's x-propelauth-access says, and a refusal reveals and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { requiredPermissions } from "../dist/index.js";
import { doc, exampleRequest, isKeyRefusal, operations, substitute, useEmulator } from "./support.js";
import { buildWorld, type World } from "./world.js";

const catalogue = doc.info["x-propelauth-permissions"];
const allPermissions = Object.keys(catalogue);

describe("key kinds and permissions", () => {
  const h = useEmulator();
  let world: World;
  const customKeys = new Map<string, string>();
  const customKey = async (permissions: string[]) => {
    const id = [...permissions].sort().join(",");
    if (!customKeys.has(id)) {
      const answer = await h().admin("POST", "/keys", { kind: "custom", permissions });
      expect(answer.status).toBe(200);
      customKeys.set(id, answer.body.token);
    }
    return customKeys.get(id)!;
  };

  beforeAll(async () => {
    world = await buildWorld(h());
  });

  it("the permission catalogue and the operations agree", () => {
    for (const op of operations) {
      for (const p of requiredPermissions(op, {})) expect(allPermissions, `${op.operationId} needs ${p}`).toContain(p);
    }
  });

  for (const op of operations) {
    it(`${op.operationId}: allowed and refused as x-propelauth-access says`, async () => {
      const access = op.operation["x-propelauth-access"];
      const example = exampleRequest(op);
      const call = substitute(example, world.map);
      const needed = requiredPermissions(op, call.body);
      const send = (key: string) => h().op(op.operationId, call.params, { key, query: call.query, body: call.body });

      const cases: { name: string; key: string; allowed: boolean }[] = [];
      for (const kind of ["full-access", "read-and-validate", "validation-only"] as const) {
        const allowed =
          kind === "full-access" || (access["key-kinds"].includes(kind) && needed.every((p) => catalogue[p]!["granted-to"].includes(kind)));
        cases.push({ name: kind, key: h().emu.keys[kind].token, allowed });
      }
      const printedCustom = h().emu.keys.custom;
      cases.push({
        name: `printed custom [${printedCustom.permissions}]`,
        key: printedCustom.token,
        allowed: needed.every((p) => printedCustom.permissions.includes(p)),
      });
      cases.push({ name: `custom with exactly [${needed}]`, key: await customKey(needed), allowed: true });
      cases.push({ name: "custom with every permission", key: await customKey(allPermissions), allowed: true });
      for (const missing of needed) {
        cases.push({
          name: `custom without ${missing}`,
          key: await customKey(allPermissions.filter((p) => p !== missing)),
          allowed: false,
        });
      }
      cases.push({ name: "custom with no permissions", key: await customKey([]), allowed: needed.length === 0 });

      // Refusals first: they must leave the stored state as it was and reveal nothing.
      const before = (await h().admin("GET", "/state")).body.digest;
      const secrets = Object.values(world.map).filter((v) => v.length >= 32);
      for (const c of cases.filter((c) => !c.allowed)) {
        const answer = await send(c.key);
        expect(isKeyRefusal(answer), `${c.name} is refused (${answer.status} ${answer.text})`).toBe(true);
        expect(Object.keys(op.operation.responses), `${answer.status} is documented`).toContain(String(answer.status));
        // One answer for a missing permission: 401 as for a wrong key; step-up MFA's coded 403 `unauthorized`.
        const stepUp = String((op.operation.responses["403"] as { $ref?: string } | undefined)?.$ref).endsWith("/StepUpMfaForbidden");
        expect(answer.status, `${c.name}: a missing permission`).toBe(stepUp ? 403 : 401);
        for (const secret of secrets) expect(answer.text).not.toContain(secret);
      }
      expect((await h().admin("GET", "/state")).body.digest, "refused calls change nothing").toBe(before);

      for (const c of cases.filter((c) => c.allowed)) {
        const answer = await send(c.key);
        expect(isKeyRefusal(answer), `${c.name} is allowed (${answer.status} ${answer.text})`).toBe(false);
        expect(answer.status, answer.text).toBeLessThan(500);
      }
    });
  }

  it("field permissions: a Custom key needs update-organization-sso-settings to send can_setup_saml to Update Org", async () => {
    const op = operations.find((o) => (o.operation["x-propelauth-access"]["field-permissions"] ?? []).length > 0);
    expect(op, "some operation has field permissions").toBeDefined();
    const rule = op!.operation["x-propelauth-access"]["field-permissions"]![0]!;
    const base = op!.operation["x-propelauth-access"].permissions;
    const key = await customKey(base);
    // The operations above deleted the world's organization: act on a new one.
    const fresh = await h().op("createOrg", {}, { body: { name: "Field permissions" } });
    const params = substitute(exampleRequest(op!).params, {
      ...world.map,
      [world.map["1189c444-8a2d-4c41-8b4b-ae43ce79a492"]!]: fresh.body.org_id,
    });
    const without = await h().op(op!.operationId, params, { key, body: {} });
    expect(isKeyRefusal(without), without.text).toBe(false);
    const field = rule.fields[0]!;
    const sample = field === "can_setup_saml" ? true : field === "custom_role_mapping_name" ? "Enterprise roles" : "x";
    const withField = await h().op(op!.operationId, params, { key, body: { [field]: sample } });
    expect(isKeyRefusal(withField), withField.text).toBe(true);
    const nullField = await h().op(op!.operationId, params, { key, body: { [field]: null } });
    expect(isKeyRefusal(nullField), "a field sent as null needs no permission").toBe(false);
    const full = await h().op(op!.operationId, params, { key: await customKey([...base, ...rule.permissions]), body: { [field]: sample } });
    expect(full.status, full.text).toBe(200);
  });

  it("refuses a missing, malformed or unknown bearer key with 401", async () => {
    for (const key of [null, "", "not a key", "0123456789abcdef0123456789abcdef0123456789abcdef"]) {
      const answer = await h().op("fetchUserById", { user_id: world.userId }, { key: key ?? undefined });
      expect(answer.status).toBe(401);
      expect(answer.text).not.toContain("ada@example.com");
    }
    const basic = await h().op("fetchUserById", { user_id: world.userId }, { key: null, headers: { authorization: `Basic ${h().key}` } });
    expect(basic.status).toBe(401);
  });

  it("refuses an end-user API key used as the bearer key", async () => {
    const answer = await h().op("fetchUserById", { user_id: world.userId }, { key: world.apiKeyToken });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatch(/end-user API keys and access tokens are not accepted/);
    const validated = await h().op("validateApiKey", {}, { key: world.apiKeyToken, body: { api_key_token: world.apiKeyToken } });
    expect(validated.status).toBe(401);
  });
});
