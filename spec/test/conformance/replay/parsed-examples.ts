// Checks a parsed.json: an SDK's functions were served the success examples of the operations they
// call and recorded what raised. Each recorded example must still be the document's (same
// content, by SHA-256 of its canonical JSON), every example of every called operation must have been
// served, and nothing may have raised but the refusals the SDK makes by design.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deref } from "../../../src/index.js";
import { doc, operations } from "./document.js";

export interface ParsedCall {
  public: string;
  operationId: string;
  example: string;
  sha256: string;
  error: string | null;
}

export function loadParsed(url: URL): ParsedCall[] {
  return (JSON.parse(readFileSync(url, "utf8")) as { calls: ParsedCall[] }).calls;
}

/** JSON with sorted keys and no spaces (what the capture scripts hash). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** The success examples of an operation by name ("example" for a lone one, "empty" for no body). */
export function successExamples(operationId: string): Map<string, unknown> {
  const op = operations.get(operationId)!;
  const status = Object.keys(op.operation.responses)
    .filter((s) => s.startsWith("2"))
    .sort()[0]!;
  const found = new Map<string, unknown>();
  for (const media of Object.values(deref(doc, op.operation.responses[status]!).content ?? {})) {
    if (media.example !== undefined) found.set("example", media.example);
    for (const [name, ex] of Object.entries(media.examples ?? {})) found.set(name, deref<{ value?: unknown }>(doc, ex).value);
  }
  if (found.size === 0) found.set("empty", null);
  return found;
}

/**
 * `refuses` maps a function (the last part of `public`) to the examples it refuses by design, and
 * `refusal` is what such a refusal looks like.
 */
export function parsedExamples(sdk: string, parsed: ParsedCall[], called: string[], refuses: Record<string, string[]> = {}, refusal = /./) {
  describe(`${sdk} SDK reads the document's success examples`, () => {
    it.each(parsed.map((p) => [`${p.public} <- ${p.operationId} "${p.example}"`, p] as const))("%s", (_name, p) => {
      const value = successExamples(p.operationId).get(p.example);
      expect(value, `${p.operationId} still has the example "${p.example}"`).not.toBeUndefined();
      expect(createHash("sha256").update(canonical(value)).digest("hex"), "the example is the one that was served").toBe(p.sha256);
      if (refuses[p.public.split(".").at(-1)!]?.includes(p.example)) expect(p.error, "refused by design").toMatch(refusal);
      else expect(p.error).toBeNull();
    });

    it("every example of every operation the SDK calls was served", () => {
      const served = new Set(parsed.map((p) => `${p.operationId} ${p.example}`));
      const missing = [...new Set(called)].flatMap((id) => [...successExamples(id).keys()].map((name) => `${id} ${name}`));
      expect(missing.filter((k) => !served.has(k))).toEqual([]);
    });
  });
}
