// `redocly respect` runs every Arazzo workflow of the spec package (spec/dist/propelauth.arazzo.yaml)
// against a fresh emulator: all but customKeyRefused pass with a Full Access key; with a wrong key
// every one fails and names the step; the Validation Only task passes with a Validation Only key;
// customKeyRefused passes with a Custom key lacking the permission and fails, naming the step, with
// Full Access. Step-up MFA needs a live person's codes: the emulator's test helpers play the person
// (the authenticator code, the SMS outbox). `--server` is always given, so the key goes to the
// emulator, never to the document's example host.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../packages/emulator/dist/index.js";
import { TASKS } from "../../spec/src/workflow.js";
import { outputOf } from "./run-as-user.js";

const root = join(import.meta.dirname, "..", "..");
const spec = join(root, "spec");
const ARAZZO = join(spec, "dist", "propelauth.arazzo.yaml");
const WRONG_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef";
// Need a Custom key (refused) or a code that only exists after an earlier run (the SMS code).
const NOT_FULL_ACCESS = ["customKeyRefused", "stepUpMfaSmsCode"];

interface Run {
  code: number | null;
  output: string;
}

async function respect(
  url: string,
  apiKey: string,
  options: { workflows?: string[]; skip?: string[]; inputs?: Record<string, string>; json?: string } = {},
): Promise<Run> {
  const now = Math.floor(Date.now() / 1000);
  const inputs = {
    apiKey,
    runId: `respect${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
    today: new Date().toISOString().slice(0, 10),
    inOneDay: String(now + 86_400),
    inTwoDays: String(now + 2 * 86_400),
    ...options.inputs,
  };
  const args = [
    "respect",
    ARAZZO,
    "--server",
    `propelauth=${url}`,
    ...Object.entries(inputs).flatMap(([k, v]) => ["--input", `${k}=${v}`]),
  ];
  for (const w of options.workflows ?? []) args.push("--workflow", w);
  for (const w of options.skip ?? []) args.push("--skip", w);
  if (options.json) args.push("--json-output", options.json);
  const child = spawn(join(spec, "node_modules", ".bin", "redocly"), args, {
    cwd: spec,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { code, output } = await outputOf(child);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal colours respect prints anyway
  return { code, output: output.replace(/\u001b\[[0-9;]*m/g, "") };
}

/** The parts of respect's `--json-output` log read here. */
interface RespectLog {
  files: Record<string, { executedWorkflows: { executedSteps: { stepId: string; response: { body: Record<string, unknown> } }[] }[] }>;
}

/** The failure respect prints for a step whose success status was not answered. */
const failedAt = (step: string, status: number) =>
  new RegExp(`stepId - ${step}\\s+✗ success criteria check\\s+Checking simple criteria: \\{"condition":"\\$statusCode == ${status}"\\}`);

describe("redocly respect against a fresh emulator", () => {
  let emu: RunningEmulator;
  let person: { stepUpUserId: string; stepUpMfaPhoneId: string };

  const helper = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${emu.keys["full-access"].token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: helper answers, read by key
    return (await res.json()) as any;
  };
  /** What the person with the authenticator app would type in now. */
  const liveInputs = async () => ({
    ...person,
    stepUpTotpCode: String((await helper("GET", `/__emulator/users/${person.stepUpUserId}/totp`)).code),
  });

  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, host: "127.0.0.1", validateResponses: true });
    // A user with an authenticator app (a migrated MFA secret) and an MFA phone.
    const user = await helper("POST", "/api/backend/v1/migrate_user/", {
      email: "step-up@example.com",
      email_confirmed: true,
      existing_mfa_base32_encoded_secret: "JBSWY3DPEHPK3PXP",
    });
    const phones = await helper("PUT", `/__emulator/users/${user.user_id}/mfa_phones`, { phone_numbers: ["+15555550123"] });
    person = { stepUpUserId: user.user_id, stepUpMfaPhoneId: phones.phone_numbers[0].mfa_phone_id };
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("passes every workflow but the Custom key's and the SMS code's with a Full Access key", async () => {
    const { code, output } = await respect(emu.url, emu.keys["full-access"].token, { skip: NOT_FULL_ACCESS, inputs: await liveInputs() });
    expect(output).toMatch(
      new RegExp(`Workflows: ${TASKS.length - NOT_FULL_ACCESS.length} passed, ${TASKS.length - NOT_FULL_ACCESS.length} total`),
    );
    expect(output).not.toMatch(/failed/);
    expect(code, output.slice(-4000)).toBe(0);
  });

  it("fails with a wrong key, naming the first step of every workflow", async () => {
    const inputs = { ...(await liveInputs()), smsChallengeId: "7a4e2c1d-9b3f-4e8a-a6d5-0c2b1f9e8d74", stepUpSmsCode: "123456" };
    const { code, output } = await respect(emu.url, WRONG_KEY, { inputs });
    expect(code).not.toBe(0);
    expect(output).toMatch(new RegExp(`Workflows: ${TASKS.length} failed, ${TASKS.length} total`));
    for (const step of ["fetchTokenVerificationMetadata", "queryUsers", "createUser", "verifyStepUpTotp", "verifyStepUpSmsCode"])
      expect(output).toMatch(failedAt(step, 200));
  });

  it("passes the Validation Only task with a Validation Only key, and fails the writes with it", async () => {
    const key = emu.keys["validation-only"].token;
    const ok = await respect(emu.url, key, { workflows: ["validateFrontendRequests"] });
    expect(ok.code, ok.output.slice(-4000)).toBe(0);
    const refused = await respect(emu.url, key, { workflows: ["onboardCustomer"] });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("stepId - createUser");
  });

  it("passes customKeyRefused with a Custom key lacking the permission, and fails it, naming the step, with Full Access", async () => {
    const task = TASKS.find((t) => t.id === "customKeyRefused")!;
    const custom = await helper("POST", "/__emulator/keys", { kind: "custom", permissions: task.customKey });
    const refused = await respect(emu.url, custom.token, { workflows: [task.id] });
    expect(refused.output).toMatch(/Workflows: 1 passed, 1 total/);
    expect(refused.code, refused.output.slice(-4000)).toBe(0);
    const full = await respect(emu.url, emu.keys["full-access"].token, { workflows: [task.id] });
    expect(full.code).not.toBe(0);
    expect(full.output).toMatch(failedAt("fetchCurrentApiKeys", 401));
  });

  it("runs step-up MFA with the person's codes: a wrong authenticator code fails at verifyStepUpTotp", async () => {
    const inputs = await liveInputs();
    const wrong = String((Number(inputs.stepUpTotpCode) + 500_000) % 1_000_000).padStart(6, "0");
    const run = await respect(emu.url, emu.keys["full-access"].token, {
      workflows: ["stepUpMfa"],
      inputs: { ...inputs, stepUpTotpCode: wrong },
    });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(failedAt("verifyStepUpTotp", 200));
  });

  it("checks the SMS code the person received in stepUpMfaSmsCode, with the challenge stepUpMfa answered", async () => {
    const dir = mkdtempSync(join(tmpdir(), "respect-"));
    try {
      const first = await respect(emu.url, emu.keys["full-access"].token, {
        workflows: ["stepUpMfa"],
        inputs: await liveInputs(),
        json: join(dir, "run.json"),
      });
      expect(first.code, first.output.slice(-4000)).toBe(0);
      const log = JSON.parse(readFileSync(join(dir, "run.json"), "utf8")) as RespectLog;
      const steps = Object.values(log.files)[0]!.executedWorkflows[0]!.executedSteps;
      const smsChallengeId = String(steps.find((s) => s.stepId === "sendStepUpSmsCode")!.response.body.challenge_id);
      const sms = (await helper("GET", "/__emulator/outbox")).messages.filter((m: { kind: string }) => m.kind === "sms").at(-1);
      const base = { stepUpUserId: person.stepUpUserId, smsChallengeId };
      const wrongCode = String((Number(sms.code) + 1) % 1_000_000).padStart(6, "0");
      const wrong = await respect(emu.url, emu.keys["full-access"].token, {
        workflows: ["stepUpMfaSmsCode"],
        inputs: { ...base, stepUpSmsCode: wrongCode },
      });
      expect(wrong.code).not.toBe(0);
      expect(wrong.output).toMatch(failedAt("verifyStepUpSmsCode", 200));
      const right = await respect(emu.url, emu.keys["full-access"].token, {
        workflows: ["stepUpMfaSmsCode"],
        inputs: { ...base, stepUpSmsCode: sms.code },
      });
      expect(right.output).toMatch(/Workflows: 1 passed, 1 total/);
      expect(right.code, right.output.slice(-4000)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
