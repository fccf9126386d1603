// `redocly respect` runs every Arazzo workflow of the spec package (spec/dist/propelauth.arazzo.yaml)
// against a fresh emulator: all pass with a Full Access key; with a wrong key the run fails and
// names the step; the Validation Only task passes with a Validation Only key. `--server` is always
// given, so the key goes to the emulator, never to the document's example host.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "@propelauth-openapi/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const spec = join(root, "spec");
const ARAZZO = join(spec, "dist", "propelauth.arazzo.yaml");
const WRONG_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef";

function respect(url: string, apiKey: string, workflows: string[] = []): Promise<{ code: number | null; output: string }> {
  const now = Math.floor(Date.now() / 1000);
  const inputs = {
    apiKey,
    runId: `respect${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
    today: new Date().toISOString().slice(0, 10),
    inOneDay: String(now + 86_400),
    inTwoDays: String(now + 2 * 86_400),
  };
  const args = [
    "respect",
    ARAZZO,
    "--server",
    `propelauth=${url}`,
    ...Object.entries(inputs).flatMap(([k, v]) => ["--input", `${k}=${v}`]),
  ];
  for (const w of workflows) args.push("--workflow", w);
  const child = spawn(join(spec, "node_modules", ".bin", "redocly"), args, {
    cwd: spec,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal colours respect prints anyway
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output: output.replace(/\u001b\[[0-9;]*m/g, "") })));
}

describe("redocly respect against a fresh emulator", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ memory: true, port: 0, host: "127.0.0.1", validateResponses: true });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("passes every workflow with a Full Access key", async () => {
    const { code, output } = await respect(emu.url, emu.keys["full-access"].token);
    expect(output).toMatch(/Workflows: (\d+) passed, \1 total/);
    expect(output).not.toMatch(/failed/);
    expect(code, output.slice(-4000)).toBe(0);
  });

  it("fails with a wrong key, naming the first step of every workflow", async () => {
    const { code, output } = await respect(emu.url, WRONG_KEY);
    expect(code).not.toBe(0);
    expect(output).toMatch(/Workflows: (\d+) failed, \1 total/);
    for (const step of ["fetchTokenVerificationMetadata", "queryUsers", "createUser"])
      expect(output).toMatch(
        new RegExp(`stepId - ${step}\\s+✗ success criteria check\\s+Checking simple criteria: \\{"condition":"\\$statusCode == 200"\\}`),
      );
  });

  it("passes the Validation Only task with a Validation Only key, and fails the writes with it", async () => {
    const key = emu.keys["validation-only"].token;
    const ok = await respect(emu.url, key, ["validateFrontendRequests"]);
    expect(ok.code, ok.output.slice(-4000)).toBe(0);
    const refused = await respect(emu.url, key, ["onboardCustomer"]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("stepId - createUser");
  });
});
