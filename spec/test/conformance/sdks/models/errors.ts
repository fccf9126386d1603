// Every error status an SDK function tells apart must be described by the operation, with a body
// when the function reads one; where the function decodes the body, an example of that status
// must decode (or, marked `unreadable`, provably not decode, with the difference recorded).
import { describe, expect, it } from "vitest";
import { deref } from "../../../../src/index.js";
import { doc, operations } from "../../replay/document.js";
import { type Dialect, type Models, read, type Shape } from "./shape.js";

export interface ErrorHandling {
  operationId: string;
  fns: string[];
  status: number;
  /** What the function does with the body of this status. */
  body: "ignored" | "text" | "json";
  /** The model a JSON body is decoded into. */
  model?: Shape;
  /** Only these named examples are read (all examples of the status otherwise). */
  examples?: string[];
  /** The SDK cannot read the document's examples; the operation's differences must name it. */
  unreadable?: boolean;
}

function examplesOf(operationId: string, status: number): { name: string; value: unknown }[] {
  const op = operations.get(operationId)!;
  const response = deref(doc, op.operation.responses[String(status)]!);
  const media = response.content?.["application/json"];
  if (!media) return [];
  if (media.example !== undefined) return [{ name: "example", value: media.example }];
  return Object.entries(media.examples ?? {}).map(([name, ex]) => ({ name, value: deref<{ value?: unknown }>(doc, ex).value }));
}

export function errorStatuses(sdk: string, dialect: Dialect, models: Models, handled: ErrorHandling[]) {
  describe(`${sdk} SDK: the error statuses it tells apart are described`, () => {
    for (const h of handled) {
      it(`${h.fns.join(", ")} handles ${h.status} of ${h.operationId}${h.examples ? ` (${h.examples.join(", ")})` : ""}`, () => {
        const op = operations.get(h.operationId);
        expect(op, `operation ${h.operationId}`).toBeDefined();
        const response = op!.operation.responses[String(h.status)];
        expect(response, `${h.operationId} describes ${h.status}`).toBeDefined();
        if (h.body !== "ignored") expect(Object.keys(deref(doc, response!).content ?? {}), "with a body").not.toEqual([]);
        if (!h.model) return;
        const examples = examplesOf(h.operationId, h.status).filter((e) => !h.examples || h.examples.includes(e.name));
        expect(examples.length, "examples to read").toBeGreaterThan(0);
        const verdicts = examples.map((e) => ({ name: e.name, errors: read(e.value, h.model!, models, dialect) }));
        if (h.unreadable) {
          expect(
            verdicts.filter((v) => v.errors.length === 0),
            "no example is readable",
          ).toEqual([]);
          expect((op!.operation["x-propelauth-sources"]?.differences ?? []).map((d) => d.sdk)).toContain(sdk);
        } else {
          expect(verdicts.filter((v) => v.errors.length > 0)).toEqual([]);
        }
      });
    }
  });
}
