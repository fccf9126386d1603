// Auto-paging: `.iterate()` / `.all()` on every paged list operation (found from the document),
// page after page until the envelope says there is no more, within a required limit (1 to
// 10 000), for the three envelope shapes (has_more_results, SCIM's total count, paging in the
// body of POST /org/query), with retries and errors inside a walk.
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/paging.test.ts
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schemas } from "../src/index.js";
import { AUTH_URL, json, type Seen, stubFetch } from "./lib/helpers.js";
import { API_KEY, builds, ORG_ID, useExampleServer } from "./support.js";

const userN = (n: number) => ({ user_id: `user-${n}` });

/** Pages of `total` numbered items under `key`, sliced by the request's page_number and page_size. */
function pager(total: number, key: string, shape: "more" | "scim" = "more", where: "query" | "body" = "query") {
  return (seen: Seen) => {
    const params = where === "query" ? Object.fromEntries(new URL(seen.url).searchParams) : JSON.parse(seen.body ?? "{}");
    const page = Number(params.page_number ?? 0);
    const size = Number(params.page_size ?? 10);
    const items = Array.from({ length: total }, (_, i) => userN(i)).slice(page * size, (page + 1) * size);
    return shape === "more"
      ? json({ [key]: items, [`total_${key}`]: total, current_page: page, page_size: size, has_more_results: (page + 1) * size < total })
      : json({ [key]: items, page_number: page, page_size: size, [`total_${key}`]: total });
  };
}
const pagesOf = (seen: Seen[]) => seen.map((s) => Number(new URL(s.url).searchParams.get("page_number")));

describe.each(builds)("paging (%s build)", (_name, lib) => {
  const make = (fetch: ReturnType<typeof stubFetch>["fetch"]) =>
    lib.createClient({ authUrl: AUTH_URL, apiKey: API_KEY, fetch, backoff: { baseMs: 1, maxMs: 2 } });

  it("walks every page until has_more_results is false", async () => {
    const stub = stubFetch(pager(5, "users"));
    const seenIds: string[] = [];
    for await (const user of lib.queryUsers.iterate(
      make(stub.fetch),
      { query: { page_size: 2, order_by: "CREATED_AT_ASC" } },
      { limit: 100 },
    )) {
      expectTypeOf(user).toEqualTypeOf<Schemas["UserMetadata"]>();
      seenIds.push(user.user_id);
    }
    expect(seenIds).toEqual(["user-0", "user-1", "user-2", "user-3", "user-4"]);
    expect(pagesOf(stub.seen)).toEqual([0, 1, 2]);
    expect(new URL(stub.seen[0]!.url).searchParams.get("order_by")).toBe("CREATED_AT_ASC");
  });

  it("stops at the limit, mid-page, without fetching further pages", async () => {
    const stub = stubFetch(pager(1000, "users"));
    const users = await lib.queryUsers.all(make(stub.fetch), { query: { page_size: 10 } }, { limit: 15 });
    expect(users).toHaveLength(15);
    expect(pagesOf(stub.seen)).toEqual([0, 1]);
  });

  it(".all() says when it stopped at the limit with more left (truncated), and when it did not", async () => {
    const midPage = await lib.queryUsers.all(make(stubFetch(pager(1000, "users")).fetch), { query: { page_size: 10 } }, { limit: 15 });
    expect([midPage.length, midPage.truncated]).toEqual([15, true]);
    // The limit falls on the end of a page, and the envelope says another page follows.
    const atPageEnd = await lib.queryUsers.all(make(stubFetch(pager(10, "users")).fetch), { query: { page_size: 5 } }, { limit: 5 });
    expect([atPageEnd.length, atPageEnd.truncated]).toEqual([5, true]);
    // Exactly everything: the limit is reached on the last item of the last page.
    const exact = await lib.queryUsers.all(make(stubFetch(pager(5, "users")).fetch), { query: { page_size: 5 } }, { limit: 5 });
    expect([exact.length, exact.truncated]).toEqual([5, false]);
    const fewer = await lib.queryUsers.all(make(stubFetch(pager(3, "users")).fetch), {}, { limit: 50 });
    expect([fewer.length, fewer.truncated]).toEqual([3, false]);
    expectTypeOf(midPage.truncated).toEqualTypeOf<boolean>();
  });

  it(".iterate()'s return value says the same", async () => {
    const walk = lib.queryUsers.iterate(make(stubFetch(pager(3, "users")).fetch), { query: { page_size: 2 } }, { limit: 2 });
    const steps = [await walk.next(), await walk.next(), await walk.next()];
    expect(steps.map((step) => step.done)).toEqual([false, false, true]);
    expect(steps[2]!.value).toBe(true);
  });

  it("asks for pages as large as the document allows (or as the limit) unless page_size is given", async () => {
    const big = stubFetch(pager(250, "users"));
    expect(await lib.queryUsers.all(make(big.fetch), {}, { limit: 10_000 })).toHaveLength(250);
    expect(big.seen.map((s) => new URL(s.url).searchParams.get("page_size"))).toEqual(["100", "100", "100"]);
    const small = stubFetch(pager(250, "users"));
    await lib.queryUsers.all(make(small.fetch), {}, { limit: 7 });
    expect(small.seen.map((s) => new URL(s.url).searchParams.get("page_size"))).toEqual(["7"]);
  });

  it("starts from the given page_number", async () => {
    const stub = stubFetch(pager(30, "users"));
    const users = await lib.queryUsers.all(make(stub.fetch), { query: { page_number: 2, page_size: 10 } }, { limit: 100 });
    expect(users.map((u) => u.user_id)).toEqual(Array.from({ length: 10 }, (_, i) => `user-${20 + i}`));
  });

  it("the limit is required, from 1 to 10 000, checked before any request", () => {
    const stub = stubFetch(pager(5, "users"));
    const client = make(stub.fetch);
    for (const options of [undefined, {}, { limit: 0 }, { limit: -1 }, { limit: 1.5 }, { limit: 10_001 }, { limit: Number.NaN }]) {
      expect(() => lib.queryUsers.iterate(client, {}, options as { limit: number })).toThrow(lib.InvalidRequestError);
    }
    expect(() => lib.queryUsers.iterate(client, {}, { limit: 10_000 })).not.toThrow();
    expect(stub.seen).toHaveLength(0);
    expect(lib.MAX_PAGING_LIMIT).toBe(10_000);
    // @ts-expect-error the options with a limit are required
    expect(() => lib.queryUsers.iterate(client, {})).toThrow(/limit/);
  });

  it("SCIM groups: no has_more_results, the total count decides", async () => {
    const stub = stubFetch(pager(5, "groups", "scim"));
    const groups = await lib.fetchOrgScimGroups.all(make(stub.fetch), { path: { org_id: ORG_ID }, query: { page_size: 2 } }, { limit: 50 });
    expect(groups).toHaveLength(5);
    expect(pagesOf(stub.seen)).toEqual([0, 1, 2]);
  });

  it("POST /org/query pages through its JSON body", async () => {
    const stub = stubFetch(pager(3, "orgs", "more", "body"));
    const orgs = await lib.queryOrgsByPost.all(make(stub.fetch), { body: { page_size: 2, name: "Acme" } }, { limit: 10 });
    expect(orgs).toHaveLength(3);
    expect(stub.seen.map((s) => JSON.parse(s.body!))).toEqual([
      { page_size: 2, name: "Acme", page_number: 0 },
      { page_size: 2, name: "Acme", page_number: 1 },
    ]);
  });

  it("an empty page ends the walk even if the envelope claims more", async () => {
    const stub = stubFetch(json({ users: [], total_users: 9, current_page: 0, page_size: 10, has_more_results: true }));
    const all = await lib.queryUsers.all(make(stub.fetch), {}, { limit: 100 });
    expect([[...all], all.truncated]).toEqual([[], false]);
    expect(stub.seen).toHaveLength(1);
  });

  it("a failing page is retried (GET); an error that stays is thrown from the iterator", async () => {
    const flaky = pager(4, "users");
    const stub = stubFetch((seen, i) => (i === 1 ? json({}, 503) : flaky(seen)));
    expect(await lib.queryUsers.all(make(stub.fetch), { query: { page_size: 2 } }, { limit: 10 })).toHaveLength(4);
    expect(pagesOf(stub.seen)).toEqual([0, 1, 1]);

    const broken = stubFetch((seen, i) => (i === 0 ? flaky(seen) : json({ error: "gone" }, 404)));
    const got: unknown[] = [];
    const failure = await (async () => {
      for await (const user of lib.queryUsers.iterate(make(broken.fetch), { query: { page_size: 2 } }, { limit: 10 })) got.push(user);
    })().catch((e: unknown) => e);
    expect(got).toHaveLength(2);
    expect(failure).toBeInstanceOf(lib.NotFoundError);
  });

  it("a response without the list is an InvalidResponseError", async () => {
    const stub = stubFetch(json({ nope: [] }));
    await expect(lib.queryUsers.all(make(stub.fetch), {}, { limit: 5 })).rejects.toBeInstanceOf(lib.InvalidResponseError);
  });

  describe("against the example server", () => {
    const { server } = useExampleServer();
    it.each([
      ["queryUsers", {}],
      ["fetchUsersInOrg", { path: { org_id: ORG_ID } }],
      ["queryOrgs", {}],
      ["fetchPendingInvites", {}],
      ["fetchCurrentApiKeys", {}],
      ["fetchArchivedApiKeys", {}],
      ["fetchOrgScimGroups", { path: { org_id: ORG_ID } }],
    ] as const)("%s.iterate requests valid pages", async (id, input) => {
      const client = lib.createClient({ authUrl: server().url, apiKey: API_KEY });
      const op = lib[id] as unknown as { all: (c: unknown, i: unknown, o: { limit: number }) => Promise<unknown[]>; items: string };
      const items = await op.all(client, input, { limit: 3 });
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(3);
      for (const request of server().requests) expect(request.operationId).toBe(id);
    });
  });
});
