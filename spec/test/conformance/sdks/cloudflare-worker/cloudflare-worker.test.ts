import { describe, expect, it } from "vitest";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { captured, cases, exempt } from "./cases.js";
import { inventory, version } from "./inventory.js";

describe("Cloudflare Worker SDK (PropelAuth/cloudflare-worker) replay", () => {
  replay("cloudflare-worker", cases);
});

coverage("cloudflare-worker", inventory, cases, exempt);

describe("Cloudflare Worker SDK capture", () => {
  it("was recorded from the version the inventory was extracted from", () => {
    expect(captured.version).toBe(version);
  });
  it("every recorded request carries the backend key", () => {
    const sent = captured.cases.filter((c) => c.neverSent === undefined);
    expect(sent.filter((c) => c.auth !== "Bearer 3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f")).toEqual([]);
  });
  it("the exempt functions are exactly those the capture saw send nothing", () => {
    expect([...new Set(captured.cases.filter((c) => c.neverSent !== undefined).map((c) => c.fn))].sort()).toEqual(
      Object.keys(exempt).sort(),
    );
  });
});
