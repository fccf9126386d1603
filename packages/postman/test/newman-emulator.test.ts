// The collection run as a user runs it, with newman, against a fresh, unseeded emulator
// (@propelauth-openapi/emulator, started here on 127.0.0.1 with port 0, stopped at the end):
// a Full Access run passes and leaves the entities as it found them; a wrong key, a Validation
// Only key and a missing entity each fail the run and name the request; Read-only checks pass
// with a Read and Validate key and write nothing; the live-person folder passes once filled in.

import { fileURLToPath } from "node:url";
import newman, { type NewmanRunSummary } from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator/dist/index.js";
import { CAPTURED_VARIABLES, type Collection, type Environment, expectedStatus, type Item } from "../src/index.js";
import {
  assertionsOf,
  collection,
  expectGreenRun,
  failuresOf,
  itemFor,
  items,
  localEnvironment,
  operationOf,
  operations,
  runNewman,
  stepFor,
  unattendedItems,
} from "./support.js";

/** The tables that hold what the API creates; the run must leave each as it was. */
const ENTITY_TABLES = [
  "users",
  "orgs",
  "memberships",
  "membership_events",
  "invites",
  "sso_connections",
  "scim_groups",
  "scim_group_members",
  "oauth_tokens",
  "employees",
  "step_up_grants",
  "sms_challenges",
  "custom_role_mappings",
];

type Row = Record<string, unknown>;

/** Every row of every data table, by table. */
function dump(emu: RunningEmulator): Record<string, Row[]> {
  const db = (emu.project as unknown as { db: { prepare(sql: string): { all(): Row[] } } }).db;
  const tables = [...ENTITY_TABLES, "api_keys", "api_key_usage", "links", "outbox"];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

const digest = async (emu: RunningEmulator) => ((await (await fetch(`${emu.url}/__emulator/state`)).json()) as { digest: string }).digest;

const codes = (summary: NewmanRunSummary) => summary.run.executions.map((e) => ({ id: e.item.id!, code: e.response?.code ?? 0 }));

/** The names of the requests that have a failed assertion. */
const failedRequests = (summary: NewmanRunSummary) => [...new Set(summary.run.failures.map((f) => (f.source as { name?: string }).name))];

describe("a Full Access run against a fresh, unseeded emulator", () => {
  let emu: RunningEmulator;
  let summary: NewmanRunSummary;
  let before: Record<string, Row[]>;
  let after: Record<string, Row[]>;

  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, host: "127.0.0.1", validateResponses: true });
    before = dump(emu);
    summary = await runNewman({ authUrl: emu.url, apiKey: emu.keys["full-access"].token });
    after = dump(emu);
  }, 120_000);
  afterAll(async () => {
    await emu?.close();
  });

  it("passes with 0 failed assertions: every request that needs no live person ran once, in order", () => {
    expectGreenRun(summary);
    expect(summary.run.stats.assertions.total).toBeGreaterThan(2 * 60);
  });

  it("gets a 2xx for every request but the refusals it checks (an unknown end-user key: 400)", () => {
    const answered = codes(summary);
    const expected = (id: string) =>
      expectedStatus(operations.find((o) => o.operationId === operationOf(itemFor(id)))!, stepFor(itemFor(id)));
    expect(answered.map((a) => `${a.id} ${a.code}`)).toEqual(answered.map((a) => `${a.id} ${expected(a.id)}`));
    expect(answered.filter((a) => a.code < 200 || a.code >= 300).map((a) => a.id)).toEqual([
      "validateApiKey#unknown",
      "validateImportedApiKey#unknown",
    ]);
    expect(answered.length).toBe(unattendedItems.length);
  });

  it("leaves every entity as it found it (users, organizations, memberships, invitations, SSO, SCIM, ...)", () => {
    expect(before.users).toEqual([]);
    for (const table of ENTITY_TABLES) expect(after[table], table).toEqual(before[table]);
  });

  it("leaves no live end-user API key; the two it made are archived, as the API keeps every deleted key", () => {
    const live = (rows: Row[]) => rows.filter((r) => r.archived_at === null);
    expect(live(after.api_keys!)).toEqual(live(before.api_keys!));
    expect(after.api_keys!.length - before.api_keys!.length).toBe(2);
  });

  it("leaves only the history the README names: emails to the run's example.com addresses, links and usage of what it deleted", () => {
    const added = (table: string) => after[table]!.slice(before[table]!.length);
    expect(
      added("outbox")
        .map((m) => `${m.kind} ${m.to_address}`)
        .sort(),
    ).toEqual([
      expect.stringMatching(/^confirm_email postman-\w+-b@example\.com$/),
      expect.stringMatching(/^invite postman-\w+-b@example\.com$/),
      expect.stringMatching(/^invite postman-\w+-invitee@example\.com$/),
    ]);
    expect(
      added("links")
        .map((l) => l.kind)
        .sort(),
    ).toEqual(["confirm_email", "magic_link", "saml_setup"]);
    const archived = new Set(added("api_keys").map((k) => k.api_key_id));
    for (const usage of added("api_key_usage")) expect(archived.has(usage.api_key_id)).toBe(true);
  });

  it("keeps no value in the collection's variables once it has run", () => {
    const variables = (summary.collection as unknown as { variables: { toObject(): Record<string, unknown> } }).variables.toObject();
    expect(Object.entries(variables).filter(([, v]) => v !== "" && v !== undefined)).toEqual([]);
  });
});

/** Whether the request's path holds an id an earlier request captures (empty once that request failed). */
const needsCapturedPath = (id: string) =>
  (itemFor(id).request.url.variable ?? []).some((v) => /^\{\{(\w+)\}\}$/.test(v.value) && v.value.slice(2, -2) in CAPTURED_VARIABLES);

const access = (item: Item) => operations.find((o) => o.operationId === operationOf(item))!.operation["x-propelauth-access"];

describe("runs that must fail, and say which request failed", () => {
  let emu: RunningEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, host: "127.0.0.1", validateResponses: true });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("fails with a wrong key: every request fails its status assertion, named by the request", async () => {
    const summary = await runNewman({ authUrl: emu.url, apiKey: "0123456789abcdef0123456789abcdef0123456789abcdef" });
    const names = summary.run.executions.map((e) => e.item.name!);
    expect(names.length).toBe(unattendedItems.length);
    expect(failedRequests(summary)).toEqual([...new Set(names)]);
    for (const name of names) expect(failuresOf(summary), name).toContainEqual(expect.stringContaining(`[${name}: answered `));
    // What passes says what happened: the body of an error matched the error's schema, nothing more.
    const passed = summary.run.executions.flatMap((e) => (e.assertions ?? []).filter((a) => !a.error).map((a) => a.assertion));
    expect(passed.length).toBeGreaterThan(40);
    for (const name of passed) expect(name).toMatch(/: body matches the 40\d error schema$/);
    // Each request the API could route was refused; the others have no id to send, as Create failed.
    for (const { id, code } of codes(summary)) expect(`${id} ${code}`).toBe(`${id} ${needsCapturedPath(id) ? code : 401}`);
    expect(codes(summary).filter((a) => a.code === 401).length).toBeGreaterThanOrEqual(40);
    // A request whose id was never saved says so.
    const fetchUser = itemFor("fetchUserById");
    expect(failuresOf(summary)).toContainEqual(
      expect.stringContaining(
        `${fetchUser.name} (fetchUserById) answered 405 (userId empty: the request that saves it failed or did not run)`,
      ),
    );
  });

  it("fails with a Validation Only key, on every request such a key may not make", async () => {
    const summary = await runNewman({ authUrl: emu.url, apiKey: emu.keys["validation-only"].token });
    const query = itemFor("queryUsers");
    expect(failuresOf(summary)).toContainEqual(
      expect.stringContaining(
        `queryUsers (${query.name}): [${query.name}: answered 401, not 200] AssertionError: ${query.name} (queryUsers) answered 401 (the key is wrong, of another environment, or lacks a permission this request needs)`,
      ),
    );
    for (const { id, code } of codes(summary)) {
      const item = itemFor(id);
      const allowed = access(item)["key-kinds"].includes("validation-only");
      if (!allowed && !needsCapturedPath(id)) expect(`${id} ${code}`).toBe(`${id} 401`);
      if (code !== expectedStatus(operations.find((o) => o.operationId === operationOf(item))!, stepFor(item)))
        expect(failedRequests(summary), id).toContain(item.name);
    }
    // The Validation Only checks are all such a key may pass without an entity of its own.
    const validation = items.filter((i) => i.folder === "Validation Only checks").map((i) => i.item.id);
    expect(validation.length).toBe(4);
    expect(summary.run.executions.filter((e) => !failedRequests(summary).includes(e.item.name!)).map((e) => e.item.id)).toEqual(validation);
  });

  it("fails after what a request needs is deleted: the requests about the deleted user fail, by name", async () => {
    // Someone deletes the user right after the run created it.
    const deleteUser = structuredClone(itemFor("deleteUser"));
    deleteUser.id = "deleteUser#meanwhile";
    deleteUser.name = "Meanwhile, someone deletes the user";
    deleteUser.event = [];
    const broken = structuredClone(collection) as Collection;
    const create = broken.item.find((f) => f.name === "Create")!;
    create.item.splice(create.item.findIndex((i) => i.id === "createUser") + 1, 0, deleteUser);
    const summary = await runNewman({ authUrl: emu.url, apiKey: emu.keys["full-access"].token, collection: broken });
    const fetchUser = itemFor("fetchUserById");
    expect(failuresOf(summary)).toContainEqual(
      expect.stringContaining(
        `fetchUserById (${fetchUser.name}): [${fetchUser.name}: answered 404, not 200] AssertionError: ${fetchUser.name} (fetchUserById) answered 404: `,
      ),
    );
    for (const id of ["addUserToOrg", "fetchUserByEmail", "updateUserMetadata", "deleteUser"]) {
      expect(failedRequests(summary), id).toContain(itemFor(id).name);
    }
    expect(failedRequests(summary)).not.toContain(itemFor("createOrg").name);
  });
});

describe("Validation Only checks with a Validation Only key", () => {
  let emu: RunningEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, host: "127.0.0.1", validateResponses: true, seed: "examples" });
  });
  afterAll(async () => {
    await emu?.close();
  });

  const folder = "Validation Only checks";
  const checks = () => items.filter((i) => i.folder === folder);

  it("pass: the metadata answers 200, an unknown end-user key is refused with 400; nothing changes", async () => {
    const before = await digest(emu);
    const summary = await runNewman({ authUrl: emu.url, apiKey: emu.keys["validation-only"].token, folder });
    expectGreenRun(summary, checks());
    expect(codes(summary).map((a) => `${a.id} ${a.code}`)).toEqual([
      "fetchTokenVerificationMetadata 200",
      "fetchTokenVerificationMetadataLegacy 200",
      "validateApiKey#unknown 400",
      "validateImportedApiKey#unknown 400",
    ]);
    expect(await digest(emu)).toBe(before);
  });

  it("fail with a wrong key, every request by name: the 401 is not the 400 of an unknown end-user key", async () => {
    const summary = await runNewman({ authUrl: emu.url, apiKey: "0123456789abcdef0123456789abcdef0123456789abcdef", folder });
    expect(failedRequests(summary)).toEqual(checks().map((i) => i.item.name));
    const unknown = itemFor("validateApiKey#unknown");
    expect(failuresOf(summary)).toContainEqual(expect.stringContaining(`[${unknown.name}: answered 401, not 400]`));
  });
});

describe("Read-only checks with a Read and Validate key", () => {
  let emu: RunningEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, host: "127.0.0.1", validateResponses: true, seed: "examples" });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("pass, and change nothing in a project that holds data", async () => {
    const before = await digest(emu);
    const summary = await runNewman({ authUrl: emu.url, apiKey: emu.keys["read-and-validate"].token, folder: "Read-only checks" });
    expectGreenRun(
      summary,
      items.filter((i) => i.folder === "Read-only checks"),
    );
    expect(await digest(emu)).toBe(before);
  });

  it("pass with a Custom key holding exactly the permissions their descriptions name, and fail by name without one", async () => {
    const readOnly = items.filter((i) => i.folder === "Read-only checks");
    const needed = [...new Set(readOnly.flatMap((i) => access(i.item).permissions))];
    const custom = async (permissions: string[]) => {
      const res = await fetch(`${emu.url}/__emulator/keys`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "custom", permissions }),
      });
      expect(res.status, "the emulator minted the Custom key").toBe(200);
      return ((await res.json()) as { token: string }).token;
    };
    const exact = await runNewman({ authUrl: emu.url, apiKey: await custom(needed), folder: "Read-only checks" });
    expectGreenRun(exact, readOnly);
    const withoutApiKeys = await runNewman({
      authUrl: emu.url,
      apiKey: await custom(needed.filter((p) => p !== "read-api-keys")),
      folder: "Read-only checks",
    });
    const apiKeyReads = readOnly.filter((i) => access(i.item).permissions.includes("read-api-keys")).map((i) => i.item.name);
    expect(apiKeyReads.length).toBeGreaterThan(0);
    expect(failedRequests(withoutApiKeys).sort()).toEqual(apiKeyReads.sort());
  });

  it("are the only folder a Read and Validate key passes: the writes fail", async () => {
    const summary = await runNewman({ authUrl: emu.url, apiKey: emu.keys["read-and-validate"].token, folder: "Create" });
    expect(failedRequests(summary)).toContain(itemFor("createUser").name);
  });
});

describe("the live-person folder, filled in as a person would (with the emulator's test helpers)", () => {
  let emu: RunningEmulator;

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${emu.keys["full-access"].token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, host: "127.0.0.1", validateResponses: true });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("passes every request it can run in one go (all but Verify step-up SMS code, which needs the code the SMS brought)", async () => {
    const person = await api("POST", "/api/backend/v1/migrate_user/", {
      email: "live.person@example.com",
      email_confirmed: true,
      existing_mfa_base32_encoded_secret: "JBSWY3DPEHPK3PXP",
    });
    const userId = String(person.user_id);
    const phones = await api("PUT", `/__emulator/users/${userId}/mfa_phones`, { phone_numbers: ["+15555550123"] });
    const totp = await api("GET", `/__emulator/users/${userId}/totp`);
    await api("PUT", `/__emulator/users/${userId}/oauth_tokens/google`, { access_token: "ya29.live-person-token" });
    const employee = await api("POST", "/__emulator/employees", { email: "support@propelauth.example" });
    const scimOrg = await api("POST", "/api/backend/v1/org/", { name: "SCIM org" });
    const group = await api("POST", `/__emulator/orgs/${String(scimOrg.org_id)}/scim_groups`, { display_name: "Engineering" });
    // A login session: the emulator answers a refresh token when a magic link is followed.
    const link = await api("POST", "/api/backend/v1/magic_link", { email: "live.person@example.com" });
    const login = (await (await fetch(String(link.url))).json()) as { refresh_token: string };
    const env = {
      sessionRefreshToken: login.refresh_token,
      stepUpUserId: userId,
      stepUpTotpCode: String(totp.code),
      stepUpMfaPhoneId: String((phones.phone_numbers as { mfa_phone_id: string }[])[0]!.mfa_phone_id),
      socialLoginUserId: userId,
      socialLoginProvider: "google",
      employeeId: String(employee.employee_id),
      samlIdpEntityId: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9",
      samlIdpSsoUrl: "https://acme.okta.com/app/sso/saml",
      samlIdpCertificate: "-----BEGIN CERTIFICATE-----\\nMIIDqDCCApCgAwIBAgIGAY3tF2nC\\n-----END CERTIFICATE-----",
      oidcClientId: "propelauth-acme",
      oidcClientSecret: "not-a-secret",
      oidcAuthUrl: "https://login.acme.example/oauth2/authorize",
      oidcTokenUrl: "https://login.acme.example/oauth2/token",
      oidcUserinfoUrl: "https://login.acme.example/oauth2/userinfo",
      scimOrgId: String(scimOrg.org_id),
      scimGroupId: String(group.group_id),
    };
    const summary = await runNewman({ authUrl: emu.url, apiKey: emu.keys["full-access"].token, env });
    // Sent: every request whose live-person values are all filled in (captured ones come from the run).
    const filled = (name: string) => name in env || name in CAPTURED_VARIABLES;
    const sent = items.filter((i) => (stepFor(i.item).needs ?? []).every(filled));
    expect(sent.map((i) => i.item.id)).not.toContain("verifyStepUpSmsCode");
    expectGreenRun(summary, sent);
    const live = sent.filter((i) => i.folder === "Needs a live person");
    expect(live.length).toBe(items.filter((i) => i.folder === "Needs a live person").length - 1);
    expect(summary.run.stats.assertions.total).toBe(sent.reduce((n, i) => n + assertionsOf(i.item), 0));
  });
});

describe("the local environment the emulator serves", () => {
  let emu: RunningEmulator;

  beforeAll(async () => {
    emu = await startEmulator({
      memory: true,
      port: 0,
      host: "127.0.0.1",
      postmanDir: fileURLToPath(new URL("../dist/", import.meta.url)),
    });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("is this package's local environment holding the emulator's URL and real Full Access key, and a run with it as served passes", async () => {
    const served = (await (await fetch(`${emu.url}/postman/environment.json`)).json()) as Environment;
    const local = localEnvironment();
    expect(served.values.map((v) => v.key)).toEqual(local.values.map((v) => v.key));
    expect(served.values.find((v) => v.key === "authUrl")!.value).toBe(emu.url);
    expect(served.values.find((v) => v.key === "apiKey")!.value).toBe(emu.keys["full-access"].token);
    const summary = await new Promise<NewmanRunSummary>((resolve, reject) =>
      // As the README's command does: newman fetches the environment from the emulator's URL.
      newman.run(
        { collection: structuredClone(collection) as never, environment: `${emu.url}/postman/environment.json`, reporters: [] },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
    expectGreenRun(summary);
  });
});
