// The project's day (usage counts are kept per UTC day) is built once a day, not per validation:
// it must still follow the clock across midnight, both ways, and the test clock's jumps.
import { afterEach, describe, expect, it, vi } from "vitest";
import { useEmulator } from "./support.js";

afterEach(() => vi.useRealTimers());

describe("the project's day", () => {
  const h = useEmulator();

  it("is the UTC date of now() across midnight, backwards and with the clock offset", () => {
    const project = h().emu.project;
    vi.useFakeTimers({ toFake: ["Date"] });
    const dayOf = () => new Date(project.now() * 1000).toISOString().slice(0, 10);
    const steps: [string, number][] = [
      ["2026-12-07T23:59:59.500Z", 0],
      ["2026-12-08T00:00:00.000Z", 0],
      ["2026-12-07T12:00:00.000Z", 0],
      ["2026-12-07T12:00:00.000Z", 43_200],
      ["2026-12-07T12:00:00.000Z", -86_400 * 400],
      ["1969-12-31T23:00:00.000Z", 0],
    ];
    try {
      for (const [time, offset] of steps) {
        vi.setSystemTime(new Date(time));
        project.clockOffset = offset;
        expect(project.today(), `${time} + ${offset} s`).toBe(dayOf());
      }
    } finally {
      project.clockOffset = 0;
    }
  });
});
