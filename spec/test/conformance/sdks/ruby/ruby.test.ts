import { describe } from "vitest";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { cases } from "./cases.js";
import { inventory } from "./inventory.js";

describe("Ruby SDK (PropelAuth/propelauth-rb) replay", () => {
  replay("ruby", cases);
});

coverage("ruby", inventory, cases);
