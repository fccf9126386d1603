// A damaged store is refused with a message that says what to do, and left as it was: a data file
// emptied to 0 bytes, a write-ahead log whose header or a frame in its middle was overwritten.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliPath, startCli } from "./cli.js";
import { PREFIX, request } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "propelauth-emulator-damaged-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A data file holding one user, its last commit only in the WAL (the process was killed). */
async function storeWithWal(name: string): Promise<string> {
  const file = join(dir, `${name}.sqlite`);
  const cli = await startCli(["--data", file]);
  const created = await request(cli.url, "POST", `${PREFIX}/user/`, {
    key: cli.keys["full-access"],
    body: { email: `${name}@example.com` },
  });
  expect(created.status).toBe(200);
  await cli.stop();
  expect(statSync(`${file}-wal`).size).toBeGreaterThan(4096);
  return file;
}

function overwrite(file: string, offset: number, bytes: Buffer) {
  const fd = openSync(file, "r+");
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

function startRefused(file: string) {
  const before = [file, `${file}-wal`].map((f) => (existsSync(f) ? readFileSync(f) : undefined));
  const run = spawnSync(process.execPath, [cliPath, "--port", "0", "--json", "--data", file], {
    encoding: "utf8",
    // An emulator that started (instead of refusing) is stopped here, as a failure.
    timeout: 15_000,
    killSignal: "SIGKILL",
  });
  const after = [file, `${file}-wal`].map((f) => (existsSync(f) ? readFileSync(f) : undefined));
  expect(after, "the files are left as they were").toEqual(before);
  return run;
}

describe("a damaged store", { timeout: 60_000 }, () => {
  it("is refused when the write-ahead log's header was overwritten", async () => {
    const file = await storeWithWal("wal-header");
    overwrite(`${file}-wal`, 0, Buffer.alloc(16, 0x41));
    const run = startRefused(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/write-ahead log .*-wal is damaged/);
    expect(run.stderr).toMatch(/move it away/);
  });

  it("is refused when a frame in the middle of the write-ahead log was overwritten", async () => {
    const file = await storeWithWal("wal-frame");
    // Inside the first frame's page: the frames after it would be dropped silently.
    overwrite(`${file}-wal`, 32 + 24 + 200, Buffer.alloc(64, 0x42));
    const run = startRefused(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/write-ahead log .*-wal is damaged/);
  });

  it("is refused when the data file was emptied", async () => {
    const file = join(dir, "emptied.sqlite");
    const cli = await startCli(["--data", file]);
    await request(cli.url, "POST", `${PREFIX}/user/`, { key: cli.keys["full-access"], body: { email: "emptied@example.com" } });
    cli.child.kill("SIGTERM");
    await new Promise((resolve) => cli.child.once("exit", resolve));
    truncateSync(file, 0);
    const run = startRefused(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is empty \(0 bytes\)/);
    expect(run.stderr).toMatch(/delete it to start a new/);
  });
});
