// The official Rust crate as a witness: every backend request it builds, replayed against the document.
import { describe } from "vitest";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { rustCases } from "./cases.js";
import { rustInventory } from "./inventory.js";

describe("Rust crate (PropelAuth/rust) replayed against the document", () => {
  replay("rust", rustCases);
});
coverage("rust", rustInventory, rustCases);
