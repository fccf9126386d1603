// Side by side with the official SDK (@propelauth/node 2.1.36, a devDependency of the emulator):
// the same headers, the same emulator tokens and the same key, through its validators and through
// the verifier and org helpers; each pair must agree on accepted or refused, and on the status.
// The two deliberate differences (a token without exp, a key under 2048 bits) are in signed.test.ts.
// Run: pnpm --filter @propelauth-openapi/emulator build && pnpm --filter @propelauth-openapi/client build &&
//      npx vitest run --project client test/verify/official.test.ts
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as client from "../../dist/index.js";
import * as verify from "../../dist/verify.js";
import { type Emulator, startEmulator } from "../lib/emulator.js";
import { packageDir } from "../lib/pack.js";
import { b64url, decode, signHs256WithPem } from "./tokens.js";

const official = createRequire(join(packageDir, "../emulator/package.json"))("@propelauth/node");

let emu: Emulator;
let orgId = "";
let tokens: Record<string, string> = {};
let theirs: Record<string, (...args: unknown[]) => Promise<{ userId: string }>>;
let ours: verify.TokenVerifier;
let pem = "";

beforeAll(async () => {
  emu = await startEmulator();
  const api = client.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"] });
  const { user_id } = await client.createUser(api, { body: { email: "side@example.com" } });
  ({ org_id: orgId } = await client.createOrg(api, { body: { name: "Side By Side" } }));
  await client.addUserToOrg(api, { body: { user_id, org_id: orgId, role: "Admin" } });
  const mint = async (extra = {}) =>
    (await client.createAccessToken(api, { body: { user_id, duration_in_minutes: 5, ...extra } })).access_token;
  ({ verifier_key_pem: pem } = await client.fetchTokenVerificationMetadata(api));
  const valid = await mint();
  const { header, payload, signature } = decode(valid);
  const flipped = Buffer.from(signature, "base64url");
  flipped[20] = flipped[20]! ^ 1;
  tokens = {
    valid,
    activeOrg: await mint({ active_org_id: orgId }),
    tamperedSignature: `${valid.split(".").slice(0, 2).join(".")}.${b64url(flipped)}`,
    tamperedPayload: `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify({ ...payload, user_id: "other" }))}.${signature}`,
    algNone: `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify(payload))}.`,
    hs256: signHs256WithPem(pem, payload),
    notJwt: "not-a-jwt",
  };
  const issuer = new URL(emu.url).origin;
  theirs = official.initBaseAuth({
    authUrl: emu.url,
    apiKey: emu.keys["full-access"],
    manualTokenVerificationMetadata: { verifierKey: pem, issuer },
  });
  ours = verify.createTokenVerifier({ verifierKeyPem: pem, authUrl: emu.url });
});
afterAll(() => emu?.close());

type Outcome = { ok: true; user: string } | { ok: false; status: number };
const outcome = (promise: Promise<{ userId?: string; user_id?: string }>): Promise<Outcome> =>
  promise.then(
    (user) => ({ ok: true, user: (user.userId ?? user.user_id) as string }),
    (error: { status: number }) => ({ ok: false, status: error.status }),
  );

describe("the official SDK's validators and the verifier agree", () => {
  const headers = (): [string, string | undefined][] => [
    ["no header", undefined],
    ["empty", ""],
    ["valid", `Bearer ${tokens.valid}`],
    ["lower-case bearer", `bearer ${tokens.valid}`],
    ["active org token", `Bearer ${tokens.activeOrg}`],
    ["Basic scheme", `Basic ${tokens.valid}`],
    ["two spaces", `Bearer  ${tokens.valid}`],
    ["bare token", tokens.valid],
    ["tampered signature", `Bearer ${tokens.tamperedSignature}`],
    ["tampered payload", `Bearer ${tokens.tamperedPayload}`],
    ["alg none", `Bearer ${tokens.algNone}`],
    ["HS256 with the public key", `Bearer ${tokens.hs256}`],
    ["not a JWT", `Bearer ${tokens.notJwt}`],
  ];

  it("on every header form and token (validateAccessTokenAndGetUser / verifyAuthorizationHeader)", async () => {
    for (const [name, header] of headers()) {
      const [a, b] = await Promise.all([
        outcome(theirs.validateAccessTokenAndGetUser!(header)),
        outcome(ours.verifyAuthorizationHeader(header)),
      ]);
      expect(b, name).toEqual(a);
    }
  });

  it("on a bare token (validateAccessTokenAndGetUserClass / allowBareToken)", async () => {
    for (const [name, header] of headers()) {
      const [a, b] = await Promise.all([
        outcome(theirs.validateAccessTokenAndGetUserClass!(header)),
        outcome(ours.verifyAuthorizationHeader(header, { allowBareToken: true })),
      ]);
      expect(b, name).toEqual(a);
    }
  });

  it("with another issuer expected (wrong issuer)", async () => {
    const wrong = official.initBaseAuth({
      authUrl: "https://auth.example.com",
      apiKey: emu.keys["full-access"],
      manualTokenVerificationMetadata: { verifierKey: pem, issuer: "https://auth.example.com" },
    });
    const mine = verify.createTokenVerifier({ verifierKeyPem: pem, authUrl: "https://auth.example.com" });
    const header = `Bearer ${tokens.valid}`;
    expect(await outcome(mine.verifyAuthorizationHeader(header))).toEqual(await outcome(wrong.validateAccessTokenAndGetUser(header)));
    expect(await outcome(mine.verifyAuthorizationHeader(header))).toEqual({ ok: false, status: 401 });
  });

  it("on the org checks: membership by id and name, minimum and exact role, permissions", async () => {
    const orgs = [{ orgId }, { orgName: "Side By Side" }, { orgName: "side-by-side" }, { orgId, orgName: "Other" }, { orgId: "nope" }];
    const checks: [string, string, Record<string, unknown>, unknown?][] = [
      ["validateAccessTokenAndGetUserWithOrgInfo", "membership", {}],
      ...["Member", "Admin", "Owner"].map(
        (role) =>
          ["validateAccessTokenAndGetUserWithOrgInfoWithMinimumRole", "minimum", { minimumRole: role }, role] as [
            string,
            string,
            Record<string, unknown>,
            unknown,
          ],
      ),
      ...["Member", "Admin", "Owner"].map(
        (role) =>
          ["validateAccessTokenAndGetUserWithOrgInfoWithExactRole", "exact", { exactRole: role }, role] as [
            string,
            string,
            Record<string, unknown>,
            unknown,
          ],
      ),
      ...["reports::read", "billing::manage"].map(
        (p) =>
          ["validateAccessTokenAndGetUserWithOrgInfoWithPermission", "permission", { permission: p }, p] as [
            string,
            string,
            Record<string, unknown>,
            unknown,
          ],
      ),
      ...[["reports::read"], ["reports::read", "billing::manage"], []].map(
        (ps) =>
          ["validateAccessTokenAndGetUserWithOrgInfoWithAllPermissions", "all", { allPermissions: ps }, ps] as [
            string,
            string,
            Record<string, unknown>,
            unknown,
          ],
      ),
    ];
    let compared = 0;
    for (const token of [tokens.valid, tokens.activeOrg])
      for (const org of orgs)
        for (const [fn, label, requirement, arg] of checks) {
          const header = `Bearer ${token}`;
          const a = await theirs[fn]!(header, org, ...(arg === undefined ? [] : [arg])).then(
            () => "allowed",
            (error: { status: number }) => error.status,
          );
          const claims = await ours.verifyAuthorizationHeader(header);
          let b: string | number = "allowed";
          try {
            verify.requireOrgMember(claims, org, requirement);
          } catch (error) {
            b = (error as verify.OrgAccessError).status;
          }
          expect(b, `${label} ${JSON.stringify(org)} ${JSON.stringify(requirement)}`).toBe(a);
          compared++;
        }
    expect(compared).toBe(2 * 5 * 12);
  });
});
