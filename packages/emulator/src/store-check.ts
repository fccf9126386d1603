// Checks of a data file before SQLite opens it, so that a damaged store is refused with what to do
// instead of being replaced silently: SQLite treats an emptied file as a new database, and ignores
// a write-ahead log whose header is damaged, or every frame after a damaged one (by design, for
// torn writes), which would lose commits that were acknowledged.
import { existsSync, readFileSync, statSync } from "node:fs";

/** Thrown when the data file or its write-ahead log is damaged. */
export class DamagedStore extends Error {}

const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** A data file that exists but is empty, with no log: its data is gone (a new store is created by SQLite, not found). */
export function refuseEmptied(file: string): void {
  if (existsSync(file) && size(file) === 0 && size(`${file}-wal`) === 0) {
    throw new DamagedStore(
      `the data file ${file} is empty (0 bytes): the store it held is gone. Restore it from a copy, or delete it to start a new, empty store (with new keys)`,
    );
  }
}

/** SQLite's WAL checksum over `data` (pairs of 32-bit words), continuing from `s`. */
function checksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s1, s2] = s;
  for (let i = 0; i < data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s1 = (s1 + x0 + s2) >>> 0;
    s2 = (s2 + x1 + s1) >>> 0;
  }
  return [s1, s2];
}

/** What is wrong with a write-ahead log (https://sqlite.org/fileformat2.html#walformat), or undefined. */
export function walProblem(wal: Buffer): string | undefined {
  if (wal.length < 32) return undefined; // no frame was ever written
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return "its header is not a WAL header";
  const bigEndian = magic === 0x377f0683;
  const pageSize = wal.readUInt32BE(8);
  const header = checksum(wal.subarray(0, 24), bigEndian, [0, 0]);
  if (header[0] !== wal.readUInt32BE(24) || header[1] !== wal.readUInt32BE(28)) return "its header's checksum does not match";
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return "its page size is not one SQLite writes";
  const salts = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  const frameSize = 24 + pageSize;
  const ofThisLog = (at: number) => wal.readUInt32BE(at + 8) === salts[0] && wal.readUInt32BE(at + 12) === salts[1];
  let s = header;
  for (let at = 32; at + frameSize <= wal.length; at += frameSize) {
    // Frames of an earlier generation of the log end this one.
    if (!ofThisLog(at)) return undefined;
    s = checksum(wal.subarray(at + 24, at + frameSize), bigEndian, checksum(wal.subarray(at, at + 8), bigEndian, s));
    if (s[0] === wal.readUInt32BE(at + 16) && s[1] === wal.readUInt32BE(at + 20)) continue;
    // A torn last write (an unacknowledged commit) is dropped by SQLite as it should be; a damaged
    // frame with frames of this log after it would drop acknowledged commits.
    for (let next = at + frameSize; next + frameSize <= wal.length; next += frameSize) {
      if (ofThisLog(next)) return `frame ${(at - 32) / frameSize + 1} is damaged and later frames depend on it`;
    }
    return undefined;
  }
  return undefined;
}

/** Refuses a data file whose write-ahead log is damaged. Run it holding the file's lock, before any write. */
export function refuseDamagedWal(file: string): void {
  const path = `${file}-wal`;
  if (size(path) === 0) return;
  const problem = walProblem(readFileSync(path));
  if (problem) {
    throw new DamagedStore(
      `the write-ahead log ${path} is damaged (${problem}): it holds commits that are not in ${file} yet, and opening it would lose them. ` +
        `Restore both files from a copy, or move it away to open the store as of its last checkpoint`,
    );
  }
}
