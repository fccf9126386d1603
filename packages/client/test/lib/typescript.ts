// Older TypeScript compilers for test/typescript.test.ts, installed from npm on first use into
// the repository's .tmp/runtimes/ by scripts/runtimes.ts, like the other runtimes.
import { join } from "node:path";
import { npmInstalled } from "../../../../scripts/runtimes.js";

/** The path of `tsc` of this TypeScript version, installing it first if needed. */
export const tscPath = (version: string): string =>
  npmInstalled(`typescript-${version}`, `typescript@${version}`, join("node_modules", "typescript", "bin", "tsc"));
