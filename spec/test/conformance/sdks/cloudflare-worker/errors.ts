// The error statuses the Cloudflare Worker SDK's functions tell apart (errors.json, written by
// extract-errors.ts from the released source), each with what the function does with the body.
import { readFileSync } from "node:fs";
import type { ErrorHandling } from "../models/errors.js";
import { exempt, OPERATION } from "./cases.js";

interface Branch {
  fn: string;
  status: number;
  body: ErrorHandling["body"];
}

const branches = JSON.parse(readFileSync(new URL("./errors.json", import.meta.url), "utf8")) as Branch[];

/** Functions that serve several operations. */
const SHARED: Record<string, string[]> = {
  fetchUserMetadataByQuery: ["fetchUserById", "fetchUserByEmail", "fetchUserByUsername"],
  fetchBatchUserMetadata: ["fetchUsersByIds", "fetchUsersByEmails", "fetchUsersByUsernames"],
};

export const cloudflareErrors: ErrorHandling[] = branches
  .filter((b) => !(b.fn in exempt))
  .flatMap((b) =>
    (SHARED[b.fn] ?? [OPERATION[b.fn]!]).map((operationId) => ({ operationId, fns: [b.fn], status: b.status, body: b.body })),
  );
