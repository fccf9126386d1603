// Runs the whole collection with newman against the emulator (@propelauth-openapi/emulator), seeded
// with the document's examples and checking its own answers against the document: every request
// green. The collection runs in order and writes (Delete User is its third request), so later
// requests about the deleted user or organization get the documented 4xx; the collection's tests
// accept any documented status whose body matches the document.
import { type RunningEmulator, startEmulator } from "@propelauth-openapi/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doc, expectGreenRun, runNewman } from "./support.js";

type Summary = Awaited<ReturnType<typeof runNewman>>;

const example = (name: string) => (doc.components.examples![name] as { value: Record<string, unknown> }).value;

describe("newman run against the emulator, seeded with the document's examples", () => {
  let emu: RunningEmulator;
  let summary: Summary;
  const answers = new Map<string, { status: number; body: string }>();

  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, seed: "examples", validateResponses: true });
    summary = await runNewman({ authUrl: emu.url, apiKey: emu.keys["full-access"].token });
    for (const e of summary.run.executions) {
      answers.set(e.item.id ?? "", { status: e.response?.code ?? 0, body: e.response?.stream?.toString() ?? "" });
    }
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("runs every request once, in collection order, and passes both assertions of each (status documented, body matches the schema)", () => {
    expectGreenRun(summary);
  });

  it("never gets a 5xx (the emulator turns an answer that does not match the document into a 500)", () => {
    const errors = [...answers].filter(([, a]) => a.status >= 500).map(([id, a]) => `${id} ${a.status} ${a.body.slice(0, 300)}`);
    expect(errors).toEqual([]);
  });

  it("was authorized with the emulator's Full Access key (no 401)", () => {
    const refused = [...answers].filter(([, a]) => a.status === 401).map(([id]) => id);
    expect(refused).toEqual([]);
  });

  it("finds the seeded example entities until the collection deletes them", () => {
    const ok = (id: string) => {
      const answer = answers.get(id);
      expect(answer?.status, `${id}: ${answer?.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
      expect(answer?.status, `${id}: ${answer?.body.slice(0, 300)}`).toBeLessThan(300);
      return JSON.parse(answer!.body || "null");
    };
    // Before Delete User and Delete Org, in collection order.
    expect(ok("fetchUserById")).toMatchObject({ user_id: example("User").user_id, email: example("User").email });
    ok("updateUserMetadata");
    ok("deleteUser");
    expect(ok("fetchUsersByIds").map((u: { user_id: string }) => u.user_id)).toEqual([example("CreatedUser").user_id]);
    ok("resendEmailConfirmation");
    expect(ok("fetchEmployee")).toEqual(example("Employee"));
    expect(ok("fetchOrg")).toEqual(example("Organization"));
    ok("updateOrg");
    ok("deleteOrg");
    ok("createOrg");
    expect(ok("fetchApiKey")).toMatchObject({ api_key_id: example("ApiKey").api_key_id, user_id: example("ApiKey").user_id });
    expect(ok("fetchArchivedApiKeys").api_keys.length).toBeGreaterThan(0);
    expect(ok("fetchApiKeyUsage")).toEqual({ count: expect.any(Number) });
    // And after them: the user is gone, her key was archived with her.
    expect(answers.get("fetchUserByEmail")?.status).toBe(404);
    expect(JSON.parse(answers.get("validateApiKey")?.body ?? "{}")).toEqual({ api_key_token: [expect.stringMatching(/deleted/)] });
  });
});
