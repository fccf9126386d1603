// The error statuses the Python SDK's functions tell apart (errors.json, written by
// extract-errors.py from the released source), each with what the function does with the body.
import { readFileSync } from "node:fs";
import type { ErrorHandling } from "../models/errors.js";
import { OPERATION } from "./cases.js";

interface Branch {
  fn: string;
  file: string;
  status: number;
  body: ErrorHandling["body"];
}

const branches = JSON.parse(readFileSync(new URL("./errors.json", import.meta.url), "utf8")) as Branch[];

/** The helpers that several public functions share, and the operations they serve. */
const HELPERS: Record<string, string[]> = {
  _fetch_user_metadata_by_query: ["fetchUserById", "fetchUserByEmail", "fetchUserByUsername"],
  _fetch_batch_user_metadata_by_query: ["fetchUsersByIds", "fetchUsersByEmails", "fetchUsersByUsernames"],
};

const operationsOf = (fn: string): string[] => {
  const base = fn.replace(/_async$/, "");
  return HELPERS[base] ?? (OPERATION[base] ? [OPERATION[base]!] : []);
};

/** One entry per operation, status and body handling, naming every function that handles it so. */
export const pythonErrors: ErrorHandling[] = [
  ...branches
    .flatMap((b) => operationsOf(b.fn).map((operationId) => ({ operationId, fn: b.fn, status: b.status, body: b.body })))
    .reduce((map, b) => {
      const key = `${b.operationId} ${b.status} ${b.body}`;
      const entry = map.get(key) ?? { operationId: b.operationId, fns: [], status: b.status, body: b.body };
      entry.fns.push(b.fn);
      return map.set(key, entry);
    }, new Map<string, ErrorHandling>())
    .values(),
];

/** Functions whose branches name no operation (must stay empty). */
export const unmapped = [...new Set(branches.filter((b) => operationsOf(b.fn).length === 0).map((b) => b.fn))];
