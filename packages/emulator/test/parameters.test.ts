// No described parameter is silently ignored: for every path, query and body parameter of every
// operation, two requests that differ only in that parameter observably differ (the answer or the
// stored state, as the table in parameters/table.ts says), while the same request twice does not.
// Every value of an enum differs from the others. A parameter the emulator deliberately does not
// model is listed in its operation's `x-propelauth-emulator.not-applied`, and is shown to change
// nothing.
import { isDeepStrictEqual } from "node:util";
import type { Operation } from "@propelauth-openapi/spec";
import { describe, expect, it } from "vitest";
import { describedParameters, keyOf } from "./parameters/described.js";
import { type Observation, observe } from "./parameters/observe.js";
import { setups } from "./parameters/setups.js";
import { defaultValues, type Entry, table } from "./parameters/table.js";
import { operations, useEmulator } from "./support.js";

interface NotApplied {
  in: string;
  name: string;
  why: string;
}

const notApplied = (op: Operation): NotApplied[] =>
  (op.operation["x-propelauth-emulator"] as { "not-applied"?: NotApplied[] } | undefined)?.["not-applied"] ?? [];

const exempt = (op: Operation, p: { in: string; name: string }) => notApplied(op).some((n) => n.in === p.in && n.name === p.name);

// A refusal shows in the answer: the stored state is the same as before.
const effectOf = (o: Observation, effect: Entry["effect"]) =>
  effect === "answer" ? { status: o.status, answer: o.answer } : effect === "state" ? o.state : o;

describe("every described parameter is applied", () => {
  const h = useEmulator();
  const described = operations.flatMap((op) => describedParameters(op).map((p) => ({ op, p, key: keyOf(op, p) })));

  it("each described parameter has an entry in the table or is declared not applied, and each entry names one", () => {
    const missing = described.filter(({ op, p, key }) => !table[key] && !exempt(op, p)).map((d) => d.key);
    expect(missing, "add these to test/parameters/table.ts, or to the operation's x-propelauth-emulator.not-applied").toEqual([]);
    const keys = new Set(described.map((d) => d.key));
    expect(Object.keys(table).filter((k) => !keys.has(k))).toEqual([]);
    expect(described.filter(({ op, p, key }) => table[key] && exempt(op, p)).map((d) => d.key)).toEqual([]);
  });

  for (const { op, p, key } of described) {
    const entry = table[key];
    const variant = { setup: setups[op.operationId], prepare: entry?.prepare };
    if (exempt(op, p)) {
      it(`${key}: declared not applied, and changes nothing`, async () => {
        const [a, b] = defaultValues(p);
        const first = await observe(h(), op, p, { ...variant, value: a });
        const second = await observe(h(), op, p, { ...variant, value: b });
        expect(first.status, JSON.stringify(first.answer)).toBeLessThan(300);
        expect(second).toEqual(first);
      });
    } else if (entry && p.enum) {
      it(`${key}: each of ${p.enum.join(", ")} answers differently`, async () => {
        const seen = new Map<unknown, unknown>();
        for (const value of p.enum!) {
          const o = await observe(h(), op, p, { ...variant, value });
          expect(o.status, `${String(value)}: ${JSON.stringify(o.answer)}`).toBeLessThan(300);
          seen.set(value, effectOf(o, entry.effect));
        }
        for (const [a, oa] of seen)
          for (const [b, ob] of seen) {
            const same = a === b || entry.aliases?.some((group) => group.includes(a) && group.includes(b));
            expect(isDeepStrictEqual(oa, ob), `${String(a)} vs ${String(b)}`).toBe(!!same);
          }
      });
    } else if (entry) {
      it(`${key}: changes the ${entry.effect === "either" ? "answer or the state" : entry.effect}`, async () => {
        const [a, b] = entry.values ?? defaultValues(p);
        const first = await observe(h(), op, p, { ...variant, value: a });
        const again = await observe(h(), op, p, { ...variant, value: a });
        const other = await observe(h(), op, p, { ...variant, value: b });
        expect(first.status, JSON.stringify(first.answer)).toBeLessThan(300);
        if (!entry.refusesSecond) expect(other.status, JSON.stringify(other.answer)).toBeLessThan(300);
        expect(again, "the same request twice observes the same").toEqual(first);
        const effect = entry.refusesSecond ? "answer" : entry.effect;
        expect(effectOf(other, effect)).not.toEqual(effectOf(first, effect));
      });
    }
  }
});
