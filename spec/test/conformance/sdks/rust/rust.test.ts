// The official Rust crate as a witness: every backend request it builds, replayed against the document.
import { describe, expect, it } from "vitest";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { pairsOf, rustEncode } from "../encoding.js";
import { rustCases as transcribed } from "./cases.js";
import { rustEnumCases } from "./cases-enums.js";
import { rustInventory } from "./inventory.js";

const rustCases = [...transcribed, ...rustEnumCases];

describe("Rust crate (PropelAuth/rust) replayed against the document", () => {
  replay("rust", rustCases);
});
it.each(rustCases.filter((c) => c.query).map((c) => [`${c.source.fn}${c.variant ? ` (${c.variant})` : ""}`, c.query!] as const))(
  "%s: the query string is in reqwest form encoding (serde_urlencoded)",
  (_, query) => {
    expect(query).toBe(rustEncode(pairsOf(query)));
  },
);
coverage("rust", rustInventory, rustCases);
