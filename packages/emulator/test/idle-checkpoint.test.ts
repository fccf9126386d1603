// The idle checkpoint leaves no fsync for the next request: once the WAL is copied into the
// database, the next commit starts the log over and fsyncs its new header (synchronous NORMAL
// too), which blocked the event loop at the first write after every idle second.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../src/db.js";

// The engine's VFS calls node:fs through the CommonJS module object: count its fsyncs there.
const fs = createRequire(import.meta.url)("node:fs") as typeof import("node:fs");

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the idle checkpoint", () => {
  it("starts the WAL over itself, so the first commit after it does not fsync", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const dir = mkdtempSync(join(tmpdir(), "emulator-idle-"));
    dirs.push(dir);
    const store = openDatabase(join(dir, "data.sqlite"));
    const write = (value: string) => {
      store.db.transaction(() => store.db.prepare("INSERT OR REPLACE INTO employees (employee_id, email) VALUES ('e1', ?)").run(value));
      store.committed();
    };
    const fsyncs = vi.spyOn(fs, "fsyncSync");
    try {
      for (const round of [1, 2, 3]) {
        write(`a${round}@example.com`);
        fsyncs.mockClear();
        vi.advanceTimersByTime(1000); // idle for a second: the checkpoint runs
        expect(fsyncs.mock.calls.length, "the checkpoint syncs the log and the database").toBeGreaterThanOrEqual(2);
        fsyncs.mockClear();
        write(`b${round}@example.com`);
        expect(fsyncs.mock.calls.length, `round ${round}: fsyncs in the first commit after the idle checkpoint`).toBe(0);
      }
      expect(store.db.prepare("SELECT email FROM employees").get()).toEqual({ email: "b3@example.com" });
    } finally {
      store.close();
    }
  });
});
