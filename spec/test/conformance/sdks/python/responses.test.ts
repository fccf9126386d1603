// Every success example of the operations the Python SDK calls is readable by its functions:
// parse-examples.py served each example to each public method of Auth and AsyncAuth (released
// v4.4.0) and recorded what raised (parsed.json). The recorded examples must still be the
// document's (same content), so a changed example fails here until it is served again.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deref } from "../../../../src/index.js";
import { doc, operations } from "../../replay/document.js";
import { cases } from "./cases.js";

interface Parsed {
  public: string;
  operationId: string;
  example: string;
  sha256: string;
  error: string | null;
}
const parsed = (JSON.parse(readFileSync(new URL("./parsed.json", import.meta.url), "utf8")) as { calls: Parsed[] }).calls;

/** The validate wrappers refuse, by design, keys of the other kind: these refusals are the SDK working. */
const REFUSES: Record<string, string[]> = {
  validate_personal_api_key: ["org", "orgMember", "generic"],
  validate_org_api_key: ["personal", "generic"],
};

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** The success examples of an operation by name, as parse-examples.py names them. */
function examples(operationId: string): Map<string, unknown> {
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

describe("Python SDK reads the document's success examples", () => {
  it.each(parsed.map((p) => [`${p.public} <- ${p.operationId} "${p.example}"`, p] as const))("%s", (_name, p) => {
    const value = examples(p.operationId).get(p.example);
    expect(value, `${p.operationId} still has the example "${p.example}"`).not.toBeUndefined();
    expect(createHash("sha256").update(canonical(value)).digest("hex"), "the example is the one that was served").toBe(p.sha256);
    const method = p.public.split(".").at(-1)!;
    if (REFUSES[method]?.includes(p.example)) expect(p.error, "refused by design").toMatch(/^EndUserApiKeyException/);
    else expect(p.error).toBeNull();
  });

  it("every example of every operation the SDK calls was served", () => {
    const called = new Set(cases.map((c) => c.operationId));
    const served = new Set(parsed.map((p) => `${p.operationId} ${p.example}`));
    const missing = [...called].flatMap((id) => [...examples(id).keys()].map((name) => `${id} ${name}`)).filter((k) => !served.has(k));
    expect(missing).toEqual([]);
  });
});
