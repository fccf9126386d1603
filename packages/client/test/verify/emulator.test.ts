// The verifier (`@propelauth-openapi/client/verify`, both builds) against tokens the local
// emulator mints (`POST /api/backend/v1/access_token`), with the key fetched through the client:
// every outcome, from a valid token to a key that cannot be fetched.
// Run: pnpm --filter @propelauth-openapi/emulator build && pnpm --filter @propelauth-openapi/client build &&
//      npx vitest run --project client test/verify/emulator.test.ts
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as client from "../../dist/index.js";
import { type Emulator, startEmulator } from "../lib/emulator.js";
import { b64url, decode, signHs256WithPem, verifyBuilds } from "./tokens.js";

const CLIENT_PATH = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
const VERIFY_PATHS = {
  esm: fileURLToPath(new URL("../../dist/verify.js", import.meta.url)),
  cjs: fileURLToPath(new URL("../../dist/verify.cjs", import.meta.url)),
};

let emu: Emulator;
let api: client.PropelAuthClient;
let userId = "";
let orgId = "";
let token = "";
let activeOrgToken = "";
let pem = "";

beforeAll(async () => {
  emu = await startEmulator();
  api = client.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"] });
  ({ user_id: userId } = await client.createUser(api, { body: { email: "grace@example.com", first_name: "Grace" } }));
  ({ org_id: orgId } = await client.createOrg(api, { body: { name: "Acme Labs" } }));
  await client.addUserToOrg(api, { body: { user_id: userId, org_id: orgId, role: "Admin" } });
  ({ access_token: token } = await client.createAccessToken(api, { body: { user_id: userId, duration_in_minutes: 1 } }));
  ({ access_token: activeOrgToken } = await client.createAccessToken(api, {
    body: { user_id: userId, duration_in_minutes: 5, active_org_id: orgId },
  }));
  ({ verifier_key_pem: pem } = await client.fetchTokenVerificationMetadata(api));
});
afterAll(() => emu?.close());

/** What the promise rejects with. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: Error & { reason: string; status: number }) => error,
  );

describe.each(verifyBuilds)("against the emulator's tokens (%s build)", (_name, lib) => {
  const verifier = () => lib.createTokenVerifier({ client: api });

  it("a valid token: its claims as minted, the key fetched once", async () => {
    const counting = countingClient();
    const v = lib.createTokenVerifier({ client: counting.client });
    expect(counting.calls()).toBe(0); // lazy: nothing fetched before the first verification
    const claims = await v.verifyToken(token);
    expect(claims).toEqual(decode(token).payload);
    expect(claims).toMatchObject({ user_id: userId, email: "grace@example.com", first_name: "Grace", iss: new URL(emu.url).origin });
    expect(claims.org_id_to_org_member_info?.[orgId]).toMatchObject({ org_name: "Acme Labs", user_role: "Admin" });
    expect(await v.verifyAuthorizationHeader(`Bearer ${token}`)).toEqual(claims);
    expect(await v.verifyAuthorizationHeader(`bearer ${activeOrgToken}`)).toMatchObject({ org_member_info: { org_id: orgId } });
    expect(counting.calls()).toBe(1);
    expect(Object.isFrozen(claims)).toBe(true);
  });

  it("concurrent first verifications share one fetch (single-flight)", async () => {
    const counting = countingClient();
    const v = lib.createTokenVerifier({ client: counting.client });
    const all = await Promise.all(Array.from({ length: 20 }, () => v.verifyAuthorizationHeader(`Bearer ${token}`)));
    expect(all.every((c) => c.user_id === userId)).toBe(true);
    expect(counting.calls()).toBe(1);
  });

  it.each([
    ["missing_header", undefined],
    ["missing_header", null],
    ["missing_header", ""],
    ["malformed_header", "Bearer"],
    ["malformed_header", "Bearer "],
    ["malformed_header", "Bearer  TOKEN"],
    ["malformed_header", "Basic TOKEN"],
    ["malformed_header", "Token TOKEN"],
    ["malformed_header", "Bearer TOKEN extra"],
    ["malformed_header", "TOKEN"],
  ])("%s: header %j", async (reason, header) => {
    const error = await refusal(verifier().verifyAuthorizationHeader(header?.replace("TOKEN", token)));
    expect(error).toMatchObject({ name: "TokenVerificationError", reason, status: 401 });
    expect(error).toBeInstanceOf(lib.TokenVerificationError);
  });

  it("a bare token only with allowBareToken", async () => {
    await expect(verifier().verifyAuthorizationHeader(token, { allowBareToken: true })).resolves.toMatchObject({ user_id: userId });
    await expect(verifier().verifyAuthorizationHeader(`BEARER ${token}`, { allowBareToken: true })).resolves.toMatchObject({
      user_id: userId,
    });
  });

  it.each([
    ["empty", ""],
    ["one part", "abc"],
    ["two parts", "abc.def"],
    ["four parts", "a.b.c.d"],
    ["not base64url", "!!!.???.***"],
    ["a header that is not JSON", `${b64url("nope")}.${b64url("{}")}.${b64url("sig")}`],
    ["a JSON array header", `${b64url("[]")}.${b64url("{}")}.${b64url("sig")}`],
    ["a payload that is not JSON", `${b64url('{"alg":"RS256"}')}.${b64url("nope")}.${b64url("sig")}`],
    ["no signature", `${b64url('{"alg":"RS256"}')}.${b64url("{}")}.`],
    ["a crit header", `${b64url('{"alg":"RS256","crit":["x"]}')}.${b64url("{}")}.${b64url("sig")}`],
  ])("malformed_token: %s", async (_what, value) => {
    expect(await refusal(verifier().verifyAuthorizationHeader(`Bearer ${value || "x"}`))).toMatchObject({ reason: "malformed_token" });
    expect(await refusal(verifier().verifyToken(value))).toMatchObject({ reason: "malformed_token", status: 401 });
  });

  it("bad_signature: a tampered signature", async () => {
    const [h, p, s] = token.split(".") as [string, string, string];
    const bytes = Buffer.from(s, "base64url");
    bytes[10] = bytes[10]! ^ 1;
    expect(await refusal(verifier().verifyToken(`${h}.${p}.${b64url(bytes)}`))).toMatchObject({ reason: "bad_signature", status: 401 });
  });

  it("bad_signature: a tampered payload (another user, same signature)", async () => {
    const { header, payload, signature } = decode(token);
    const forged = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify({ ...payload, user_id: "someone-else" }))}.${signature}`;
    expect(await refusal(verifier().verifyToken(forged))).toMatchObject({ reason: "bad_signature" });
  });

  it("bad_signature: a token of another environment (another key)", async () => {
    const other = await startEmulator();
    try {
      const otherApi = client.createClient({ authUrl: other.url, apiKey: other.keys["full-access"] });
      const { user_id } = await client.createUser(otherApi, { body: { email: "x@example.com" } });
      const { access_token } = await client.createAccessToken(otherApi, { body: { user_id, duration_in_minutes: 5 } });
      expect(await refusal(verifier().verifyToken(access_token))).toMatchObject({ reason: "bad_signature" });
    } finally {
      await other.close();
    }
  });

  it("unsupported_algorithm: alg none, unsigned", async () => {
    const { payload } = decode(token);
    const none = `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.`;
    expect(await refusal(verifier().verifyToken(none))).toMatchObject({ reason: "unsupported_algorithm", status: 401 });
    expect(await refusal(verifier().verifyToken(`${none}${b64url("x")}`))).toMatchObject({ reason: "unsupported_algorithm" });
  });

  it("unsupported_algorithm: HS256 signed with the public key PEM as the HMAC secret", async () => {
    const forged = signHs256WithPem(pem, decode(token).payload);
    expect(await refusal(verifier().verifyToken(forged))).toMatchObject({ reason: "unsupported_algorithm" });
  });

  it("expired: past exp, and accepted within the clock tolerance", async () => {
    const later = () => Date.now() + 2 * 60_000; // the token lives 1 minute
    const error = await refusal(lib.createTokenVerifier({ client: api, now: later }).verifyToken(token));
    expect(error).toMatchObject({ reason: "expired", status: 401 });
    const tolerant = lib.createTokenVerifier({ client: api, now: later, clockToleranceSeconds: 120 });
    await expect(tolerant.verifyToken(token)).resolves.toMatchObject({ user_id: userId });
  });

  it("a cached result ends at the token's exp", async () => {
    let clock = Date.now();
    const v = lib.createTokenVerifier({ client: api, now: () => clock });
    await v.verifyToken(token);
    clock += 2 * 60_000;
    expect(await refusal(v.verifyToken(token))).toMatchObject({ reason: "expired" });
  });

  it("wrong_issuer: an issuer other than the Auth URL's origin", async () => {
    const v = lib.createTokenVerifier({ client: api, issuer: "https://auth.example.com" });
    expect(await refusal(v.verifyToken(token))).toMatchObject({ reason: "wrong_issuer", status: 401 });
  });

  it("key_unavailable with a wrong backend key (503, the client's typed error as cause), no unhandled rejection", async () => {
    const wrong = client.createClient({ authUrl: emu.url, apiKey: "0".repeat(32), maxRetries: 0 });
    const v = lib.createTokenVerifier({ client: wrong });
    await v.prefetch(); // resolves: a failed warm-up shows at the next verification
    const error = await refusal(v.verifyAuthorizationHeader(`Bearer ${token}`));
    expect(error).toMatchObject({ reason: "key_unavailable", status: 503, cause: { kind: "unauthorized", status: 401 } });
  });

  it("key_unavailable rejects only the verifications awaiting that fetch; a later one fetches again and succeeds", async () => {
    let fail = true;
    let calls = 0;
    const flaky = client.createClient({
      authUrl: emu.url,
      apiKey: emu.keys["validation-only"],
      maxRetries: 0,
      fetch: async (input, init) => {
        calls++;
        return fail ? new Response("down", { status: 503 }) : fetch(input, init);
      },
    });
    const v = lib.createTokenVerifier({ client: flaky });
    const first = await Promise.all([refusal(v.verifyToken(token)), refusal(v.verifyToken(token))]);
    expect(first.map((e) => e.reason)).toEqual(["key_unavailable", "key_unavailable"]);
    expect(calls).toBe(1);
    fail = false;
    await expect(v.verifyToken(token)).resolves.toMatchObject({ user_id: userId });
    expect(calls).toBe(2);
  });

  it.each(["full-access", "read-and-validate", "validation-only"] as const)("a %s key can fetch the verifier key", async (kind) => {
    const keyed = client.createOperationClient({ authUrl: emu.url, apiKey: emu.keys[kind] });
    await expect(lib.createTokenVerifier({ client: keyed }).verifyToken(token)).resolves.toMatchObject({ user_id: userId });
  });

  it("a Node process with a failing key fetch and nothing awaiting it does not crash (no unhandled rejection)", async () => {
    const script = `
      const { createTokenVerifier } = await import(${JSON.stringify(VERIFY_PATHS[_name])});
      const { createClient } = await import(${JSON.stringify(CLIENT_PATH)});
      const verifier = createTokenVerifier({ client: createClient({ authUrl: process.argv[1], apiKey: "0".repeat(32), maxRetries: 0 }) });
      verifier.prefetch(); // not awaited
      const refused = await verifier.verifyToken(process.argv[2]).catch((error) => error.reason);
      verifier.prefetch();
      await new Promise((resolve) => setTimeout(resolve, 300));
      console.log(refused);`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script, emu.url, token], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("key_unavailable");
  });

  it("a manual key: no fetch at all", async () => {
    const v = lib.createTokenVerifier({ verifierKeyPem: pem, authUrl: emu.url });
    await expect(v.verifyToken(token)).resolves.toMatchObject({ user_id: userId });
  });

  it("org checks on a verified token: membership by id or name, roles (inherited), permissions, the active org", async () => {
    const claims = await verifier().verifyToken(token);
    expect(lib.orgMemberInfo(claims, { orgId })?.org_name).toBe("Acme Labs");
    expect(lib.orgMemberInfo(claims, { orgName: "Acme Labs" })?.org_id).toBe(orgId);
    expect(lib.orgMemberInfo(claims, { orgName: "acme-labs" })?.org_id).toBe(orgId);
    expect(lib.orgMemberInfo(claims, { orgId, orgName: "Other" })).toBeUndefined();
    const info = lib.requireOrgMember(claims, { orgId }, { minimumRole: "Member", exactRole: "Admin" });
    expect(lib.hasMinimumRole(info, "Admin")).toBe(true);
    expect(lib.hasMinimumRole(info, "Owner")).toBe(false);
    expect(lib.hasExactRole(info, "Member")).toBe(false);
    expect(lib.hasPermission(info, "reports::read")).toBe(true);
    expect(lib.hasAllPermissions(info, ["reports::read", "billing::manage"])).toBe(false);
    const denied = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
    };
    expect(denied(() => lib.requireOrgMember(claims, { orgId: "nope" }))).toMatchObject({
      name: "OrgAccessError",
      reason: "not_in_org",
      status: 403,
    });
    expect(denied(() => lib.requireOrgMember(claims, { orgId }, { minimumRole: "Owner" }))).toMatchObject({ reason: "role" });
    expect(denied(() => lib.requireOrgMember(claims, { orgId }, { exactRole: "Member" }))).toMatchObject({ reason: "role" });
    expect(denied(() => lib.requireOrgMember(claims, { orgId }, { permission: "billing::manage" }))).toMatchObject({
      reason: "permission",
    });
    expect(denied(() => lib.requireOrgMember(claims, { orgId }, { allPermissions: ["reports::read", "x"] }))).toMatchObject({
      reason: "permission",
    });
    expect(lib.activeOrg(claims)).toBeUndefined();
    const active = await verifier().verifyToken(activeOrgToken);
    expect(lib.activeOrg(active)?.org_id).toBe(orgId);
    expect(Object.keys(lib.orgsOf(active))).toEqual([orgId]);
  });
});

/** A client over the emulator that counts its requests. */
function countingClient() {
  let calls = 0;
  const counted = client.createClient({
    authUrl: emu.url,
    apiKey: emu.keys["full-access"],
    fetch: (input, init) => {
      calls++;
      return fetch(input, init);
    },
  });
  return { client: counted, calls: () => calls };
}
