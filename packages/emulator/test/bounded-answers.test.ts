// One authenticated read does bounded work: organization metadata repeated per membership with
// include_orgs is bounded per answer (a 400 that says how to page), never a crash or a 500. Run
// against the CLI in its own process, so that a crash shows as one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cli, startCli } from "./cli.js";
import { type Call, PREFIX, request } from "./support.js";

const MiB = 1024 * 1024;
let cli: Cli;
const call = (method: string, path: string, c: Call = {}) =>
  request(cli.url, method, `${PREFIX}${path}`, { key: cli.keys["full-access"], ...c });
const userIds: string[] = [];

beforeAll(async () => {
  cli = await startCli(["--memory"]);
  const orgs: string[] = [];
  for (let i = 0; i < 6; i++) {
    const org = (await call("POST", "/org/", { body: { name: `Heavy ${i}` } })).body.org_id as string;
    const updated = await call("PUT", `/org/${org}`, { body: { metadata: { blob: String(i).repeat(4 * MiB) } } });
    expect(updated.status).toBe(200);
    orgs.push(org);
  }
  for (let u = 0; u < 30; u++) {
    const user = await call("POST", "/user/", { body: { email: `member${u}@example.com` } });
    userIds.push(user.body.user_id);
    await Promise.all(
      orgs.map((org_id) => call("POST", "/org/add_user", { body: { user_id: user.body.user_id, org_id, role: "Member" } })),
    );
  }
}, 120_000);
afterAll(() => cli?.stop());

describe("include_orgs with heavy organization metadata", () => {
  it("answers a page that would repeat too much of it 400, saying how to page, and keeps serving", async () => {
    const answer = await call("GET", "/user/query", { query: { include_orgs: true, page_size: 100 } });
    expect(answer.status, answer.text.slice(0, 300)).toBe(400);
    expect(answer.body.include_orgs[0]).toMatch(/page_size/);
    expect(cli.child.exitCode).toBeNull();
    expect((await call("GET", `/user/${userIds[0]}`)).status).toBe(200);
  }, 60_000);

  it("answers what stays within the bound in full", async () => {
    const one = await call("GET", `/user/${userIds[0]}`, { query: { include_orgs: true } });
    expect(one.status).toBe(200);
    const infos = Object.values(one.body.org_id_to_org_info) as { org_metadata: { blob: string } }[];
    expect(infos.map((o) => o.org_metadata.blob.length)).toEqual(Array(6).fill(4 * MiB));
    expect((await call("GET", "/user/query", { query: { include_orgs: true, page_size: 2 } })).status).toBe(200);
  }, 60_000);
});
