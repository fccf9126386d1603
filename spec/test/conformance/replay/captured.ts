// Requests recorded by running an SDK's released code with HTTP intercepted (each SDK's capture
// script writes captured.json), turned into replay cases.
import { readFileSync } from "node:fs";
import type { ReplayCase } from "./types.js";

export interface CapturedRequest {
  /** The SDK function that built the request, and the file it is in. */
  fn: string;
  file: string;
  /** How the function was called, such as "minimal" or "all options". */
  variant: string;
  /** The public method that was called, when it is not `fn` itself. */
  public?: string;
  method?: string;
  path?: string;
  query?: string;
  /** The body exactly as sent (text). */
  body?: string | null;
  contentType?: string | null;
  auth?: string | null;
  host?: string | null;
  /** Set when the function raised before sending anything: the error. */
  neverSent?: string | null;
}

export interface Capture {
  version: string;
  cases: CapturedRequest[];
}

export function loadCapture(url: URL): Capture {
  return JSON.parse(readFileSync(url, "utf8")) as Capture;
}

/**
 * The replay cases of a capture. `operations` names the operation each function means, keyed by
 * function name or, where one function serves several operations, by `fn (variant)`.
 */
export function casesOf(
  repo: string,
  capture: Capture,
  operations: Record<string, string>,
  deviations: Record<string, ReplayCase["deviation"]> = {},
): ReplayCase[] {
  return capture.cases
    .filter((c) => c.neverSent === undefined)
    .map((c) => {
      const base = c.fn.replace(/_async$/, "");
      const key = `${c.fn} (${c.variant})`;
      const deviation = deviations[key] ?? deviations[c.fn];
      return {
        source: { repo, file: c.file, fn: c.fn, version: capture.version },
        variant: c.public ? `${c.public}, ${c.variant}` : c.variant,
        operationId: operations[key] ?? operations[c.fn] ?? operations[base] ?? `(no operation named for ${c.fn})`,
        method: c.method!,
        path: c.path!,
        ...(c.query ? { query: c.query } : {}),
        ...(c.body ? { body: JSON.parse(c.body) as unknown, contentType: c.contentType ?? undefined } : {}),
        ...(deviation ? { deviation } : {}),
      };
    });
}
