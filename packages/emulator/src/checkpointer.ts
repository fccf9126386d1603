// A worker thread that checkpoints the WAL into the database file with its own connection, so
// that the checkpoint's fsync never blocks the thread that answers requests.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file);
db.pragma("busy_timeout = 1000");
db.pragma("synchronous = NORMAL");

const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // busy: the next tick tries again
  }
}, intervalMs);

parentPort?.on("message", (message) => {
  if (message === "stop") {
    clearInterval(timer);
    db.close();
    parentPort?.close();
  }
});
