// What the runtime test checks on every runtime: the drop-in creates a user and an org, mints an
// access token and validates it (with an org role check), refuses a forged one, and throws
// synchronously for a bad API key id. Its propelauth-api.com calls are routed to the emulator.
import type * as Lib from "../../src/index.js";

/** What each runtime reports: the token validated, the org role, how a forged token and a bad key id were refused. */
export interface SmokeResult {
  validated: boolean;
  role: string;
  refused: string;
  notHex: string;
}

export async function smoke(lib: typeof Lib, url: string, key: string): Promise<SmokeResult> {
  const previous = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const { origin, pathname, search } = new URL(request.url);
    return previous(origin === "https://propelauth-api.com" ? new Request(new URL(pathname + search, url), request) : request);
  };
  try {
    const auth = lib.initBaseAuth({ authUrl: url, apiKey: key });
    const tag = `${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
    const { userId } = await auth.createUser({ email: `rt.${tag}@example.com`, emailConfirmed: true });
    const { orgId } = await auth.createOrg({ name: `Runtime ${tag}` });
    await auth.addUserToOrg({ userId, orgId, role: "Admin" });
    const { access_token: token } = await auth.createAccessToken({ userId, durationInMinutes: 5 });
    const user = await auth.validateAccessTokenAndGetUser(`Bearer ${token}`);
    const { orgMemberInfo } = await auth.validateAccessTokenAndGetUserWithOrgInfoWithMinimumRole(`Bearer ${token}`, { orgId }, "Member");
    const forged = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    const refused = await auth.validateAccessTokenAndGetUser(`Bearer ${forged}`).then(
      () => "accepted",
      (e: { status?: number; message?: string }) => `${e instanceof lib.UnauthorizedException} ${e.status} ${e.message}`,
    );
    let notHex = "no throw";
    try {
      auth.fetchApiKey("not-hex");
    } catch (e) {
      notHex = `${e instanceof lib.ApiKeyFetchException}`;
    }
    return { validated: user.userId === userId, role: orgMemberInfo.assignedRole, refused, notHex };
  } finally {
    globalThis.fetch = previous;
  }
}
