// The official SDK against the emulator. @propelauth/node-apis sends every request to
// https://propelauth-api.com with `X-Propelauth-url: <auth host>`; global fetch is stubbed to send
// those requests to the emulator instead, unchanged otherwise (routePropelAuthApiTo). Token validation is the SDK's own
// (@propelauth/node: initBaseAuth, which fetches the verifier key and checks RS256 and the issuer).
import { initBaseAuth } from "@propelauth/node";
import { getApis } from "@propelauth/node-apis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routePropelAuthApiTo } from "../dist/index.js";
import { useEmulator } from "./support.js";

describe("the official Node SDK against the emulator", () => {
  const h = useEmulator();
  const seen: { url: string; host: string | null }[] = [];

  let undo: () => void;
  beforeAll(() => {
    // The emulator package's helper routes propelauth-api.com to the emulator; a recorder in
    // front of it notes what the SDK sent.
    const unroute = routePropelAuthApiTo(h().emu.url);
    const routed = globalThis.fetch;
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, host: request.headers.get("x-propelauth-url") });
      return routed(request);
    };
    undo = () => {
      globalThis.fetch = routed;
      unroute();
    };
  });
  afterAll(() => undo());

  it("runs a realistic scenario end to end", async () => {
    const authUrl = h().emu.authUrl;
    const apis = getApis(new URL(authUrl), h().key);
    const auth = initBaseAuth({ authUrl, apiKey: h().key });

    const { userId } = await apis.createUser({
      email: "ada@example.com",
      password: "analytical-engine",
      firstName: "Ada",
      emailConfirmed: true,
    });
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    const { orgId } = await apis.createOrg({ name: "Acme", domain: "acme.com" });
    expect(await apis.addUserToOrg({ userId, orgId, role: "Admin" })).toBe(true);

    const user = await apis.fetchUserMetadataByUserId(userId, true);
    expect(user?.firstName).toBe("Ada");
    expect(user?.orgIdToOrgInfo?.[orgId]?.userAssignedRole).toBe("Admin");
    expect((await apis.fetchUsersInOrg({ orgId })).users.map((u) => u.userId)).toEqual([userId]);
    expect((await apis.fetchOrgByQuery({ name: "Ac" })).orgs.map((o) => o.orgId)).toEqual([orgId]);
    expect(await apis.fetchUserMetadataByEmail("nobody@example.com")).toBeNull();

    const key = await apis.createApiKey({ orgId, userId, metadata: { plan: "pro" } });
    const validated = await apis.validateOrgApiKey(key.apiKeyToken);
    expect(validated.org?.orgId).toBe(orgId);
    expect(validated.user?.userId).toBe(userId);
    expect(validated.metadata).toEqual({ plan: "pro" });
    await expect(apis.validatePersonalApiKey(key.apiKeyToken)).rejects.toThrow();
    expect(await apis.deleteApiKey(key.apiKeyId)).toBe(true);
    await expect(apis.validateApiKey(key.apiKeyToken)).rejects.toThrow();

    // The SDK returns this answer as it is, in snake case.
    const { access_token: accessToken } = await apis.createAccessToken({ userId, durationInMinutes: 10 });
    const fromToken = await auth.validateAccessTokenAndGetUser(`Bearer ${accessToken}`);
    expect(fromToken.userId).toBe(userId);
    expect(fromToken.email).toBe("ada@example.com");
    const withOrg = await auth.validateAccessTokenAndGetUserWithOrgInfo(`Bearer ${accessToken}`, { orgId });
    expect(withOrg.orgMemberInfo.userAssignedRole).toBe("Admin");
    await expect(auth.validateAccessTokenAndGetUser(`Bearer ${accessToken.slice(0, -4)}AAAA`)).rejects.toThrow();

    const link = await apis.createMagicLink({ email: "grace@example.com" });
    expect(link.url.startsWith(authUrl)).toBe(true);
    expect(await apis.deleteUser(userId)).toBe(true);
    expect(await apis.fetchUserMetadataByUserId(userId)).toBeNull();

    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((s) => s.url.startsWith("https://propelauth-api.com/"))).toBe(true);
    expect(new Set(seen.map((s) => s.host))).toEqual(new Set([new URL(authUrl).hostname]));
  });
});
