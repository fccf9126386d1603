// Hostile input, beside the schema fuzz: inputs no schema describes (prototype-named keys, deep
// nesting, number extremes, invalid UTF-8, huge, empty and mistyped bodies, bodies where none
// belongs, overlong paths and headers, slow clients, malformed escapes, tokens as backend keys).
// Each gets a documented 4xx, never a 5xx, a crash or a hang, and the stored state is unchanged.
import { connect } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../dist/index.js";
import { type RawAnswer, type RawCall, raw } from "./raw.js";
import { operationById, PREFIX, useEmulator } from "./support.js";

const h = useEmulator({ bodyLimit: 1024 * 1024 });
const json = { "content-type": "application/json" };

let userId = "";
let apiKeyToken = "";

beforeAll(async () => {
  const user = await h().op("createUser", {}, { body: { email: "hostile@example.com", first_name: "Hostile" } });
  userId = user.body.user_id;
  const key = await h().op("createApiKey", {}, { body: { user_id: userId } });
  apiKeyToken = key.body.api_key_token;
});

const digest = async () => (await h().admin("GET", "/state")).body.digest as string;

/** Sends one hostile request to an operation with the Full Access key. */
function send(operationId: string, call: RawCall & { path?: string; query?: string } = {}): Promise<RawAnswer> {
  const op = operationById.get(operationId)!;
  const path = (call.path ?? op.path.replace("{user_id}", userId)) + (call.query ? `?${call.query}` : "");
  return raw(h().emu.url, op.method.toUpperCase(), path, { ...call, headers: { authorization: `Bearer ${h().key}`, ...call.headers } });
}

/** The answer is one of the operation's documented 4xx statuses, and the state did not move. */
async function expectRefused(operationId: string, answers: () => Promise<RawAnswer[]>) {
  const documented = Object.keys(operationById.get(operationId)!.operation.responses).filter((s) => /^4\d\d$/.test(s));
  const before = await digest();
  for (const answer of await answers()) {
    const label = `${operationId} -> ${answer.status} ${answer.text.slice(0, 200)}`;
    expect(documented, label).toContain(String(answer.status));
  }
  expect(await digest(), `${operationId}: state unchanged`).toBe(before);
}

describe("prototype-named keys", () => {
  const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__"];

  it("in a body are a 400 and change nothing", async () => {
    await expectRefused("createUser", () =>
      Promise.all(
        names.flatMap((name) => [
          send("createUser", { headers: json, body: `{"email":"p-${name}@example.com","${name}":{"admin":true}}` }),
          send("createUser", { headers: json, body: `{"email":"p2-${name}@example.com","properties":{"x":{"__proto__":{"${name}":1}}}}` }),
          send("createOrg", { headers: json, body: `{"name":"Proto ${name}","${name}":{"x":1}}` }),
        ]),
      ),
    );
  });

  it("inside free-form objects are data: stored and answered as sent, polluting nothing", async () => {
    const properties = { constructor: 1, toString: "x", hasOwnProperty: { valueOf: [1] } };
    const created = await send("createUser", { headers: json, body: JSON.stringify({ email: "free-form@example.com", properties }) });
    expect(created.status).toBe(200);
    const fetched = await h().op("fetchUserById", { user_id: created.json.user_id });
    expect(fetched.body.properties).toEqual(properties);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("in a query are a 400", async () => {
    await expectRefused("queryUsers", () =>
      Promise.all(
        names.flatMap((name) => [send("queryUsers", { query: `${name}=1` }), send("queryUsers", { query: `page_size=${name}` })]),
      ),
    );
  });

  it("as a path parameter name nothing", async () => {
    await expectRefused("fetchUserById", () => Promise.all(names.map((name) => send("fetchUserById", { path: `${PREFIX}/user/${name}` }))));
  });
});

describe("shapes and sizes", () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

  it("refuses deeply nested free-form objects (400), at any depth, without overflowing", async () => {
    await expectRefused("createUser", () =>
      Promise.all(
        [40, 1_000, 100_000].map((depth) =>
          send("createUser", { headers: json, body: `{"email":"deep${depth}@example.com","properties":${nested(depth)}}` }),
        ),
      ),
    );
    const shallow = await send("createUser", { headers: json, body: `{"email":"shallow@example.com","properties":${nested(5)}}` });
    expect(shallow.status).toBe(200);
  });

  it("refuses number extremes in queries and bodies (400), or answers an empty page past the end", async () => {
    const extremes = ["1e308", "-1", "9007199254740993", "NaN", "Infinity", "1e999", "0x10", "99999999999999999999999", "1.5"];
    const before = await digest();
    for (const n of extremes) {
      for (const name of ["page_number", "page_size"]) {
        const answer = await send("queryUsers", { query: `${name}=${n}` });
        const label = `${name}=${n} -> ${answer.status} ${answer.text.slice(0, 200)}`;
        // A valid integer of the document (such as 1e308) is a page past the end; anything else a 400.
        if (answer.status === 200) expect(name === "page_number" ? answer.json.users : [], label).toEqual([]);
        else expect(answer.status, label).toBe(400);
      }
    }
    expect(await digest()).toBe(before);
    await expectRefused("createOrg", () =>
      Promise.all(
        ["1.5", "1e999", "-1e999", '"1"', "[1]", "{}"].map((n) =>
          send("createOrg", { headers: json, body: `{"name":"Big ${n}","max_users":${n}}` }),
        ),
      ),
    );
    // Extremes the document accepts are stored and answered, never a 5xx.
    for (const n of ["1e308", "-1e308", "9007199254740993"]) {
      const answer = await send("createOrg", { headers: json, body: `{"name":"Extreme ${n}","max_users":${n}}` });
      expect(answer.status, `${n} -> ${answer.text}`).toBeLessThan(500);
      if (answer.status === 200) expect((await h().op("fetchOrg", { org_id: answer.json.org_id })).status).toBe(200);
    }
  });

  it("answers a page number far past the end with an empty page, not an error", async () => {
    const answer = await send("queryUsers", { query: "page_number=2147483647&page_size=100" });
    expect(answer.status).toBe(200);
    expect(answer.json.users).toEqual([]);
  });

  it("refuses invalid UTF-8 (400) instead of storing replacement characters", async () => {
    const bad = Buffer.concat([
      Buffer.from('{"email":"utf8@example.com","first_name":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    await expectRefused("createUser", async () => {
      const answer = await send("createUser", { headers: json, body: bad });
      expect(answer.json).toEqual({ body: ["must be valid UTF-8"] });
      return [answer];
    });
  });

  it("refuses empty, non-JSON and mistyped bodies (400)", async () => {
    await expectRefused("createUser", () =>
      Promise.all([
        send("createUser", { headers: json, body: "" }),
        send("createUser", { headers: json, body: "   " }),
        send("createUser", { headers: { "content-type": "text/plain" }, body: '{"email":"plain@example.com"}' }),
        send("createUser", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=form@example.com" }),
        send("createUser", { headers: { "content-type": "multipart/form-data; boundary=x" }, body: '{"email":"multi@example.com"}' }),
        send("createUser", { headers: json, body: "\u0000" }),
      ]),
    );
  });

  it("refuses a body on GET or DELETE with the documented status and deletes nothing", async () => {
    await expectRefused("deleteUser", () => Promise.all([send("deleteUser", { headers: json, body: '{"really":true}' })]));
    await expectRefused("fetchUserById", () => Promise.all([send("fetchUserById", { headers: json, body: '{"x":1}' })]));
    expect((await h().op("fetchUserById", { user_id: userId })).status).toBe(200);
  });
});

describe("huge bodies, long paths and headers, slow clients", () => {
  it("answers a body over the limit 413 in the field-error shape, by a Content-Length past 128 MiB, before reading it", async () => {
    const before = await digest();
    const huge = await send("createUser", { headers: { ...json, "content-length": String(600 * 1024 * 1024) }, body: "{" });
    expect(huge.status).toBe(413);
    expect(huge.json).toEqual({ body: [`must be at most ${1024 * 1024} bytes`] });
    const noKey = await raw(h().emu.url, "POST", `${PREFIX}/user/`, { headers: { ...json, "content-length": String(2 ** 40) }, body: "{" });
    expect(noKey.status).toBe(413);
    expect(await digest()).toBe(before);
  });

  it("answers a streamed (chunked) body past the limit 413, dropped unparsed", async () => {
    const before = await digest();
    const body = `{"email":"big@example.com","properties":{"x":"${"a".repeat(2 * 1024 * 1024)}"}}`;
    const answer = await send("createUser", { headers: { ...json, "transfer-encoding": "chunked" }, body, chunked: true });
    expect(answer.status).toBe(413);
    expect(await digest()).toBe(before);
  });

  it("takes a body just under the limit", async () => {
    const body = `{"email":"under@example.com","properties":{"x":"${"a".repeat(900 * 1024)}"}}`;
    expect((await send("createUser", { headers: json, body })).status).toBe(200);
  });

  it("refuses overlong paths and headers with a 4xx and keeps serving", async () => {
    const longPath = await raw(h().emu.url, "GET", `${PREFIX}/user/${"a".repeat(100_000)}`, {
      headers: { authorization: `Bearer ${h().key}` },
    });
    expect(longPath.status).toBeGreaterThanOrEqual(400);
    expect(longPath.status).toBeLessThan(500);
    const longHeader = await raw(h().emu.url, "GET", `${PREFIX}/user/${userId}`, {
      headers: { authorization: `Bearer ${h().key}`, "x-long": "b".repeat(100_000) },
    });
    expect(longHeader.status).toBe(431);
    expect((await h().op("fetchUserById", { user_id: userId })).status).toBe(200);
  });

  it("serves other clients while a slow client trickles its request", async () => {
    const url = new URL(h().emu.url);
    const slow = connect(Number(url.port), url.hostname);
    slow.on("error", () => {});
    slow.write(`POST ${PREFIX}/user/ HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"em`);
    const timer = setInterval(() => slow.write(" "), 50);
    try {
      const started = Date.now();
      for (let i = 0; i < 20; i++) expect((await h().op("fetchUserById", { user_id: userId })).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      clearInterval(timer);
      slow.destroy();
    }
  });
});

describe("escapes", () => {
  it("answers malformed percent escapes with a 4xx, never a 500", async () => {
    for (const path of [
      `${PREFIX}/user/%E0%A4%A`,
      `${PREFIX}/user/%zz`,
      `${PREFIX}/user/%`,
      "/docs/%E0%A4%A",
      "/postman/%zz",
      "/__emulator/links/%",
    ]) {
      const answer = await raw(h().emu.url, "GET", path, { headers: { authorization: `Bearer ${h().key}` } });
      expect(answer.status, `${path} -> ${answer.status} ${answer.text}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${path} -> ${answer.status} ${answer.text}`).toBeLessThan(500);
    }
    expect((await raw(h().emu.url, "GET", "/docs/%E0%A4%A")).status).toBe(400);
  });
});

describe("no token oracle", () => {
  it("answers the same 401 whatever the bearer was", async () => {
    const access = await h().op("createAccessToken", {}, { body: { user_id: userId, duration_in_minutes: 5 } });
    const archived = await h().op("createApiKey", {}, { body: { user_id: userId } });
    await h().op("deleteApiKey", { api_key_id: archived.body.api_key_id });
    const bearers = [
      undefined,
      "Bearer",
      `Bearer ${"0".repeat(48)}`,
      "Bearer random-string",
      `Bearer ${apiKeyToken}`,
      `Bearer ${archived.body.api_key_token}`,
      `Bearer ${access.body.access_token}`,
      `Basic ${Buffer.from("a:b").toString("base64")}`,
    ];
    const answers = await Promise.all(
      bearers.map((authorization) =>
        raw(h().emu.url, "GET", `${PREFIX}/user/${userId}`, { headers: authorization ? { authorization } : {} }),
      ),
    );
    const first = answers[0]!;
    expect(first.status).toBe(401);
    for (const answer of answers) {
      expect(answer.status).toBe(first.status);
      expect(answer.text).toBe(first.text);
    }
  });
});

describe("an answer that cannot be serialised", () => {
  it("is a 500 that says so, not a request left hanging", async () => {
    // A BigInt stands in for any value JSON.stringify refuses (an answer past V8's string limit too).
    const emu = await startEmulator({
      memory: true,
      port: 0,
      handlerOverrides: { fetchUserById: () => ({ status: 200, body: { user_id: 1n } }) },
    });
    try {
      const answer = await raw(emu.url, "GET", `${PREFIX}/user/${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}`, {
        headers: { authorization: `Bearer ${emu.keys["full-access"].token}` },
      });
      expect(answer.status).toBe(500);
      expect(answer.json.error).toMatch(/could not serialise/);
    } finally {
      await emu.close();
    }
  });
});

describe("U+0000 in strings", () => {
  it("is stored and answered byte-exact, and a lookup by the text before it finds nothing", async () => {
    const username = `cut\u0000name-${Date.now()}`;
    const created = await h().op("createUser", {}, { body: { email: "nul@example.com", first_name: "A\u0000B", username } });
    expect(created.status).toBe(200);
    const fetched = await h().op("fetchUserById", { user_id: created.body.user_id });
    expect(fetched.body.first_name).toBe("A\u0000B");
    expect(fetched.body.username).toBe(username);
    expect((await h().op("fetchUserByUsername", {}, { query: { username: username.split("\u0000")[0]! } })).status).toBe(404);
    expect((await h().op("fetchUserByUsername", {}, { query: { username } })).body.user_id).toBe(created.body.user_id);
    const org = await h().op("createOrg", {}, { body: { name: "Acme\u0000 Evil Corp" } });
    expect(org.status).toBe(200);
    expect((await h().op("fetchOrg", { org_id: org.body.org_id })).body.name).toBe("Acme\u0000 Evil Corp");
  });
});

describe("look-alike usernames", () => {
  it("are the same username: refused as taken, and found by each other", async () => {
    const stamp = Date.now().toString(36);
    const cases: [string, string[]][] = [
      [`Zoë${stamp}`, [`ZOË${stamp}`, `Zoe\u0308${stamp}`, `Zo\u200Bë${stamp}`, `Zoë${stamp} `, ` zoë${stamp}`]],
      [`Kelvin${stamp}`, [`\u212Aelvin${stamp}`, `kelvin${stamp}\u00AD`]],
    ];
    for (const [username, lookAlikes] of cases) {
      const created = await h().op("createUser", {}, { body: { email: `${stamp}-${lookAlikes.length}@example.com`, username } });
      expect(created.status).toBe(200);
      for (const [i, other] of lookAlikes.entries()) {
        const taken = await h().op("createUser", {}, { body: { email: `${stamp}-${i}-${username.length}@example.com`, username: other } });
        expect(taken.status, JSON.stringify(other)).toBe(400);
        expect(taken.body.username).toBeDefined();
        const found = await h().op("fetchUserByUsername", {}, { query: { username: other } });
        expect(found.body.user_id, JSON.stringify(other)).toBe(created.body.user_id);
      }
    }
  });
});
