// Refresh a session and Log out a session through the built client: the request each call style
// sends (method, exact path, query, body) and the typed result against the example server, then
// the sessions' real behaviour against the emulator: a refresh token from a login refreshes, and
// once logged out it is refused with a BadRequestError naming refresh_token.
// Run: pnpm --filter @propelauth-openapi/emulator build && pnpm --filter @propelauth-openapi/client build &&
//      npx vitest run --project client test/operations/sessions.test.ts

import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../../emulator/dist/index.js";
import type { Schemas } from "../../src/index.js";
import { API_KEY, builds, exampleOf, ORG_ID, useExampleServer } from "../support.js";

const B = "/api/backend/v1";
const REFRESH_TOKEN = "5b3f0c2e9a7d4b1c8e6f3a2d0b9c7e5f4a1d8c6b3e0f7a9d2c5b8e1f4a7d0c3b";

describe.each(builds)("sessions against the example server (%s build)", (_name, lib) => {
  const { server, sent } = useExampleServer();
  const client = () => lib.createClient({ authUrl: server().url, apiKey: API_KEY });

  it("refreshSession: POST /refresh_token with the refresh token, and the active organization in the query", async () => {
    const body = { refresh_token: REFRESH_TOKEN };
    const query = { with_active_org_support: true, active_org_id: ORG_ID };
    const { data, error } = await client().POST(`${B}/refresh_token`, { params: { query }, body });
    expect(sent()).toEqual(["POST", `${B}/refresh_token`, { with_active_org_support: "true", active_org_id: ORG_ID }, body]);
    expect(error).toBeUndefined();
    expectTypeOf(data).toEqualTypeOf<Schemas["RefreshedSession"] | undefined>();
    expect(data).toEqual(exampleOf("refreshSession"));
  });

  it("refreshSession by name: the data, typed", async () => {
    server().requests.length = 0;
    const data = await lib.refreshSession(client(), { body: { refresh_token: REFRESH_TOKEN } });
    expect(sent()).toEqual(["POST", `${B}/refresh_token`, {}, { refresh_token: REFRESH_TOKEN }]);
    expectTypeOf(data.access_token.expires_at_seconds).toEqualTypeOf<number>();
    expect(data.access_token.access_token).toBe((exampleOf("refreshSession") as Schemas["RefreshedSession"]).access_token.access_token);
  });

  it("logoutSession: POST /logout with the refresh token, both call styles", async () => {
    const { data } = await client().POST(`${B}/logout`, { body: { refresh_token: REFRESH_TOKEN } });
    expect(sent()).toEqual(["POST", `${B}/logout`, {}, { refresh_token: REFRESH_TOKEN }]);
    expect(data).toEqual({});
    server().requests.length = 0;
    expect(await lib.logoutSession(client(), { body: { refresh_token: REFRESH_TOKEN } })).toEqual({});
    expect(sent()[1]).toBe(`${B}/logout`);
  });
});

describe.each(builds)("sessions against the emulator (%s build)", (name, lib) => {
  let emu: RunningEmulator;
  let client: ReturnType<typeof lib.createClient>;
  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, validateResponses: true });
    client = lib.createClient({ authUrl: emu.url, apiKey: emu.keys["full-access"].token });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("a refresh token from a magic-link login refreshes until it is logged out", async () => {
    const { url } = await lib.createMagicLink(client, { body: { email: `session.${name}@example.com` } });
    const login = (await (await fetch(url)).json()) as { user_id: string; refresh_token: string };
    const body = { refresh_token: login.refresh_token };

    const refreshed = await lib.refreshSession(client, { body });
    const claims = JSON.parse(Buffer.from(refreshed.access_token.access_token.split(".")[1]!, "base64url").toString());
    expect(claims.user_id).toBe(login.user_id);

    expect(await lib.logoutSession(client, { body })).toEqual({});
    const refused = await lib.refreshSession(client, { body }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(lib.BadRequestError);
    expect((refused as InstanceType<typeof lib.BadRequestError>).fieldErrors).toHaveProperty("refresh_token");
  });
});
