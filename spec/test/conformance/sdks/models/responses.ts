// Reads every success example of the document with a typed SDK's models: each 2xx status the
// document describes must be one the SDK function takes as success, and each example of it must
// decode into the model the function decodes into.
import { describe, expect, it } from "vitest";
import { deref, type Operation } from "../../../../src/index.js";
import { doc, operations } from "../../replay/document.js";
import { type Dialect, type Models, read, type Shape, undefinedFields } from "./shape.js";

export interface SuccessHandling {
  /** The SDK functions that call the operation. */
  fns: string[];
  /** The statuses the functions take as success. */
  statuses: number[];
  /** What the body is decoded into; absent when the function does not read it. */
  model?: Shape;
  /**
   * Success statuses of the document the SDK cannot read: the test checks that it really cannot,
   * and that the operation's x-propelauth-sources.differences names the SDK.
   */
  unreadable?: number[];
}

export interface SuccessExample {
  status: number;
  name: string;
  /** Undefined when the status has no body. */
  body?: unknown;
  contentType?: string;
}

/** Every example of every 2xx status of the operation. */
export function successExamples(op: Operation): SuccessExample[] {
  return Object.entries(op.operation.responses)
    .filter(([status]) => /^2\d\d$/.test(status))
    .flatMap(([status, r]) => {
      const response = deref(doc, r);
      const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
      if (!media) return [{ status: Number(status), name: "no body" }];
      if (media.example !== undefined) return [{ status: Number(status), name: "example", body: media.example, contentType }];
      return Object.entries(media.examples ?? {}).map(([name, ex]) => ({
        status: Number(status),
        name,
        body: deref<{ value?: unknown }>(doc, ex).value,
        contentType,
      }));
    });
}

/** Why the SDK could not read one example; empty when it can. */
export function readExample(example: SuccessExample, handling: SuccessHandling, models: Models, dialect: Dialect): string[] {
  if (!handling.statuses.includes(example.status))
    return [`status ${example.status} is not one the SDK takes as success (${handling.statuses.join(", ")})`];
  if (!handling.model) return [];
  if (example.body === undefined) return [`status ${example.status} has no body, and the SDK decodes one`];
  if (example.contentType !== "application/json") return [`the body is ${example.contentType}, and the SDK decodes JSON`];
  return read(example.body, handling.model, models, dialect);
}

/** A field an SDK model reads that the document does not define, known and explained. */
export interface UndefinedField {
  /** The field's name, the last segment of its path. */
  field: string;
  /** Why it is so, from the SDK's source. */
  evidence: string;
  /** The field misreads the API (not merely unused): the operations' differences must name the SDK. */
  difference?: boolean;
}

export function responses(
  sdk: string,
  dialect: Dialect,
  models: Models,
  success: Record<string, SuccessHandling>,
  inventory: string[],
  known: UndefinedField[] = [],
) {
  describe(`${sdk} SDK reads the document's success answers`, () => {
    const knownOf = (path: string) => known.find((k) => path.endsWith(`.${k.field}`));
    const undefinedByOperation = Object.entries(success).flatMap(([operationId, handling]) => {
      const op = operations.get(operationId);
      const schema = op && deref(doc, op.operation.responses["200"] ?? { description: "" }).content?.["application/json"]?.schema;
      if (!op || !handling.model || !schema) return [];
      return [{ operationId, op, handling, found: undefinedFields(handling.model, schema, models, (s) => deref(doc, s)) }];
    });
    for (const { operationId, op, handling, found } of undefinedByOperation) {
      it(`every field ${handling.fns.join(", ")} reads from ${operationId} is one the document defines, or a known exception`, () => {
        expect(found.filter((path) => !knownOf(path))).toEqual([]);
        if (found.some((path) => knownOf(path)?.difference))
          expect(
            (op.operation["x-propelauth-sources"]?.differences ?? []).map((d) => d.sdk),
            `differences of ${operationId}`,
          ).toContain(sdk);
      });
    }
    it("every known exception still occurs", () => {
      const occurring = new Set(undefinedByOperation.flatMap(({ found }) => found.map((path) => knownOf(path)?.field)));
      expect(known.map((k) => k.field).filter((field) => !occurring.has(field))).toEqual([]);
    });
    it("every function of the inventory has its success handling described", () => {
      const described = new Set(Object.values(success).flatMap((h) => h.fns));
      expect(inventory.filter((fn) => !described.has(fn))).toEqual([]);
    });
    for (const [operationId, handling] of Object.entries(success)) {
      const op = operations.get(operationId);
      it(`${operationId} is in the document`, () => expect(op).toBeDefined());
      for (const example of op ? successExamples(op) : []) {
        if (handling.unreadable?.includes(example.status)) {
          it(`${handling.fns.join(", ")} cannot read ${operationId} ${example.status} "${example.name}", as the document says`, () => {
            expect(readExample(example, handling, models, dialect)).not.toEqual([]);
            const differences = op!.operation["x-propelauth-sources"]?.differences ?? [];
            expect(
              differences.map((d) => d.sdk),
              `x-propelauth-sources.differences of ${operationId}`,
            ).toContain(sdk);
          });
          continue;
        }
        it(`${handling.fns.join(", ")} reads ${operationId} ${example.status} "${example.name}"`, () => {
          expect(readExample(example, handling, models, dialect)).toEqual([]);
        });
      }
    }
  });
}
