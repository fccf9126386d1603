// The generated operation functions, checked against the document itself: one per operationId
// with its method and path, each one sent with the document's example input to the example
// server and answering its example; typed inputs and results; both call styles.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/named-operations.test.ts
import { successExample } from "@propelauth-openapi/spec";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CallError, Input, Output, Schemas } from "../src/index.js";
import { exampleInput, operations } from "./lib/helpers.js";
import { API_KEY, builds, doc, ORG_ID, USER_ID, useExampleServer } from "./support.js";

type Fn = ((client: unknown, input?: unknown, options?: unknown) => Promise<unknown>) & {
  safe: (client: unknown, input?: unknown) => Promise<{ data?: unknown; error?: unknown; response?: Response }>;
  method: string;
  path: string;
  iterate?: unknown;
};

describe.each(builds)("generated operations (%s build)", (_name, lib) => {
  const { server } = useExampleServer();
  const client = () => lib.createClient({ authUrl: server().url, apiKey: API_KEY });
  const fn = (id: string) => (lib as unknown as Record<string, Fn>)[id]!;

  it("exports one function per operationId of the document, with its method and path", () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(11);
    for (const op of ops) {
      expect(typeof fn(op.operationId), op.operationId).toBe("function");
      expect([fn(op.operationId).method, fn(op.operationId).path]).toEqual([op.method.toUpperCase(), op.path]);
      expect(typeof fn(op.operationId).safe).toBe("function");
    }
  });

  it.each(operations().map((op) => [op.operationId, op] as const))("%s sends the example input and answers the example", async (id, op) => {
    const result = await fn(id).safe(client(), exampleInput(op));
    expect(result.error, `${id}: ${String(result.error)}`).toBeUndefined();
    const request = server().requests.at(-1)!;
    expect([request.operationId, request.method]).toEqual([id, op.method.toUpperCase()]);
    const example = successExample(doc, op);
    expect(result.response?.status).toBe(example.status);
    expect(result.data).toEqual(example.body);
  });

  it("every operation with a page_number parameter is paged: it has .iterate and .all", () => {
    const withPaging = operations().filter(
      (op) => op.parameters.some((p) => p.name === "page_number") || JSON.stringify(op.operation.requestBody ?? {}).includes("PageNumber"),
    );
    expect(withPaging.length).toBeGreaterThanOrEqual(2);
    for (const op of withPaging) expect(typeof fn(op.operationId).iterate, op.operationId).toBe("function");
    for (const id of ["queryUsers", "fetchUsersInOrg"]) expect(typeof fn(id).iterate).toBe("function");
    expect(fn("fetchUserById").iterate).toBeUndefined();
  });

  it("fetchUserByEmail(client, { query }) resolves the user; .safe resolves { data, response }", async () => {
    const user = await lib.fetchUserByEmail(client(), { query: { email: "ada@example.com" } });
    expectTypeOf(user).toEqualTypeOf<Schemas["UserMetadata"]>();
    expect(user.email).toBe("ada@example.com");
    expect(server().requests.at(-1)!.query.get("email")).toBe("ada@example.com");

    const result = await lib.fetchUserByEmail.safe(client(), { query: { email: "ada@example.com" } });
    expectTypeOf(result.data).toEqualTypeOf<Schemas["UserMetadata"] | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<CallError | undefined>();
    expect(result.error).toBeUndefined();
    expect(result.response?.status).toBe(200);
    expect(result.data?.user_id).toBe(USER_ID);
  });

  it("path, query and body parameters go where the document says, typed from it", async () => {
    await lib.fetchUserById(client(), { path: { user_id: USER_ID }, query: { include_orgs: true } });
    const read = server().requests.at(-1)!;
    expect([read.path, Object.fromEntries(read.query)]).toEqual([`/api/backend/v1/user/${USER_ID}`, { include_orgs: "true" }]);

    const users = await lib.fetchUsersByIds(client(), { body: { user_ids: [USER_ID] }, query: { include_orgs: false } });
    expectTypeOf(users).toEqualTypeOf<Schemas["UserMetadata"][]>();
    const batch = server().requests.at(-1)!;
    expect([batch.method, batch.body, batch.headers["content-type"]]).toEqual(["POST", { user_ids: [USER_ID] }, "application/json"]);

    expectTypeOf<Input<"fetchUserById">>().toEqualTypeOf<{
      query?: { include_orgs?: boolean };
      header?: never;
      path: { user_id: string };
    }>();
    expectTypeOf<Output<"fetchUsersInOrg">["users"][number]>().toEqualTypeOf<Schemas["UserInOrg"]>();
    // @ts-expect-error the path parameter is required
    void (() => lib.fetchUserById(client(), {}));
    // @ts-expect-error the input is required when something in it is
    void (() => lib.fetchUserByEmail(client()));
    // @ts-expect-error unknown query parameter
    void (() => lib.fetchUserByEmail(client(), { query: { email: "a", nope: 1 } }));
  });

  it("an operation without input takes none; extra headers and options go per call", async () => {
    const metadata = await lib.fetchTokenVerificationMetadata(client());
    expect(typeof metadata.verifier_key_pem).toBe("string");
    await lib.fetchTokenVerificationMetadata(client(), {}, { headers: { "x-trace": "t1" }, timeout: 5000, maxRetries: 0 });
    const request = server().requests.at(-1)!;
    expect(request.headers["x-trace"]).toBe("t1");
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("text/plain success bodies come back as strings", async () => {
    const text = await lib.inviteUserToOrg(client(), { body: { email: "grace@example.com", org_id: ORG_ID, role: "Member" } });
    expectTypeOf(text).toEqualTypeOf<string>();
    expect(typeof text).toBe("string");
    expect(text.length).toBeGreaterThan(0);
  });

  it("204 and empty 200 bodies resolve undefined, whatever Content-Length says", async () => {
    server().respondOnce("logoutAllUserSessions", 204);
    const none = await lib.logoutAllUserSessions(client(), { path: { user_id: USER_ID } });
    expect(none).toBeUndefined();
    server().respondOnce("fetchUserById", 200, undefined, { "content-type": "application/json" });
    const empty = await lib.fetchUserById.safe(client(), { path: { user_id: USER_ID } });
    expect([empty.error, empty.data, empty.response?.status]).toEqual([undefined, undefined, 200]);
  });

  it("DELETE with a JSON body sends it (revokePendingInvite)", async () => {
    const body = { invitee_email: "grace@example.com", org_id: ORG_ID };
    const result = await lib.revokePendingInvite.safe(client(), { body });
    expect(result.error).toBeUndefined();
    const request = server().requests.at(-1)!;
    expect([request.method, request.path, request.body]).toEqual(["DELETE", "/api/backend/v1/pending_org_invites", body]);
  });

  it("enum path parameters are typed and sent encoded (fetchFreshOAuthToken)", async () => {
    const result = await lib.fetchFreshOAuthToken.safe(client(), { path: { user_id: USER_ID, provider: "google" } });
    expect(result.error).toBeUndefined();
    expect(server().requests.at(-1)!.path).toBe(`/api/backend/v1/user/${USER_ID}/google/fresh_token`);
    // @ts-expect-error not a provider of the enum
    void (() => lib.fetchFreshOAuthToken(client(), { path: { user_id: USER_ID, provider: "facebook" } }));
  });

  it("a client from createOperationClient works the same; anything else is refused before the wire", async () => {
    const small = lib.createOperationClient({ authUrl: server().url, apiKey: API_KEY });
    const user = await lib.fetchUserById(small, { path: { user_id: USER_ID } });
    expect(user.user_id).toBe(USER_ID);
    expect("GET" in small).toBe(false);
    const before = server().requests.length;
    // @ts-expect-error not a client
    const result = await lib.fetchUserById.safe({}, { path: { user_id: USER_ID } });
    expect(result.error?.kind).toBe("invalid_request");
    expect(result.error?.message).toBe("GET /api/backend/v1/user/{user_id}: not a client from createClient or createOperationClient");
    // A path-based client's method, or nothing at all, is refused the same way.
    for (const notAClient of [client().GET, undefined, null] as unknown as Parameters<typeof lib.fetchUserById>[0][])
      await expect(lib.fetchUserById(notAClient, { path: { user_id: USER_ID } })).rejects.toThrow(/: not a client from createClient/);
    expect(server().requests.length).toBe(before);
  });

  it("a client of one build works with the operations of the other", async () => {
    const other = builds.find(([name]) => name !== _name)![1];
    const user = await lib.fetchUserById(other.createClient({ authUrl: server().url, apiKey: API_KEY }), { path: { user_id: USER_ID } });
    expect(user.user_id).toBe(USER_ID);
    // The other build's transport throws its own classes: they keep their kind here.
    const hung = () => new Promise<Response>(() => {});
    const slow = other.createClient({ authUrl: server().url, apiKey: API_KEY, fetch: hung, timeout: 10, maxRetries: 0 });
    const { error } = await lib.fetchUserById.safe(slow, { path: { user_id: USER_ID } });
    expect([error?.kind, error?.message]).toEqual(["timeout", `PropelAuth API GET /api/backend/v1/user/${USER_ID}: no answer in 10 ms`]);
  });

  it("a body JSON can't hold is refused before anything is sent, naming the operation", async () => {
    const before = server().requests.length;
    const input = { body: { email: "ada@example.com", properties: { seats: 10n } } };
    const { error } = await lib.createUser.safe(client(), input as never);
    expect(error).toBeInstanceOf(lib.InvalidRequestError);
    expect(error?.message).toMatch(/^POST \/api\/backend\/v1\/user\/: TypeError: .*BigInt/);
    await expect(lib.createUser(client(), input as never)).rejects.toBeInstanceOf(lib.InvalidRequestError);
    expect(server().requests.length).toBe(before);
  });

  it("query values of letters, digits and _.~@:- go as they are; anything else is percent-encoded", async () => {
    const urls: string[] = [];
    const fetch = async (url: string | Request) => {
      urls.push(String(url));
      return Response.json({ user_id: USER_ID });
    };
    const stubbed = lib.createClient({ authUrl: "https://auth.example.com", apiKey: API_KEY, fetch });
    for (const email of ["ada@example.com", "ada+1@example.com", "a b&c=d#e/f?g%h"]) {
      await lib.fetchUserByEmail(stubbed, { query: { email } });
    }
    expect(urls.map((url) => url.slice(url.indexOf("?")))).toEqual([
      "?email=ada@example.com",
      "?email=ada%2B1%40example.com",
      "?email=a%20b%26c%3Dd%23e%2Ff%3Fg%25h",
    ]);
    expect(urls.map((url) => new URL(url).searchParams.get("email"))).toEqual(["ada@example.com", "ada+1@example.com", "a b&c=d#e/f?g%h"]);
  });
});
