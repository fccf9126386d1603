// Replays requests copied from an official SDK's released source against the document: each must
// route to the operation it means and validate; a request marked as the SDK's deviation must be
// refused by the document, and the operation's x-propelauth-sources.differences must say so.
import { expect, it } from "vitest";
import { deref, type Operation } from "../../../src/index.js";
import { doc, match, operations, validator } from "./document.js";
import type { ReplayCase } from "./types.js";

export type { ReplayCase, SdkSource } from "./types.js";

/** What the document says about one replayed request: where it routes and what is wrong with it. */
export function judge(c: ReplayCase): { routedTo: string; op?: Operation; errors: Record<string, string[]> } {
  const url = new URL(`https://auth.example.com${c.path}${c.query ? `?${c.query}` : ""}`);
  const found = match(c.method, url.pathname);
  if (found.kind !== "match") return { routedTo: `${found.kind}: ${c.method} ${c.path}`, errors: {} };
  const errors: Record<string, string[]> = {
    ...validator.validateRequest(found.op, { pathParams: found.pathParams, query: url.searchParams, body: c.body }).errors,
  };
  if (c.body !== undefined && found.op.operation.requestBody) {
    const contentType = c.contentType ?? "application/json";
    const accepted = Object.keys(deref(doc, found.op.operation.requestBody).content);
    if (!accepted.includes(contentType)) errors["content-type"] = [`${contentType} is not one of ${accepted.join(", ")}`];
  }
  return { routedTo: found.op.operationId, op: found.op, errors };
}

/** The test name of a case: the SDK function, its variant, the operation. */
export function caseName(c: ReplayCase): string {
  return `${c.source.fn}${c.variant ? ` (${c.variant})` : ""} -> ${c.operationId}`;
}

/** Declares one test per case for the SDK named `sdk` (as x-propelauth-sources names it). */
export function replay(sdk: string, cases: ReplayCase[]) {
  for (const c of cases) {
    const where = `${c.source.repo}@${c.source.version} ${c.source.file}`;
    if (!c.deviation) {
      it(`${caseName(c)}: ${c.method} ${c.path}${c.query ? `?${c.query}` : ""} is an instance of the operation (${where})`, () => {
        expect(operations.has(c.operationId), `operation ${c.operationId} is in the document`).toBe(true);
        const verdict = judge(c);
        expect(verdict.routedTo, "the request routes to the operation").toBe(c.operationId);
        expect(verdict.errors, "the request conforms to the document").toEqual({});
        expect(verdict.op!.operation["x-propelauth-sources"]?.sdks ?? [], `x-propelauth-sources.sdks of ${c.operationId}`).toContain(sdk);
      });
    } else {
      it(`${caseName(c)}: the document refuses the SDK's deviation "${c.deviation.summary}" and names it (${where})`, () => {
        const op = operations.get(c.operationId);
        expect(op, `operation ${c.operationId} is in the document`).toBeDefined();
        const verdict = judge(c);
        const refused = verdict.routedTo !== c.operationId || Object.keys(verdict.errors).length > 0;
        expect(refused, "the document does not accept the deviating request").toBe(true);
        const differences = op!.operation["x-propelauth-sources"]?.differences ?? [];
        expect(
          differences.map((d) => d.sdk),
          `x-propelauth-sources.differences of ${c.operationId}`,
        ).toContain(sdk);
      });
    }
  }
}
