import { describe } from "vitest";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { cases, exempt } from "./cases.js";
import { inventory } from "./inventory.js";

describe("Next.js SDK (PropelAuth/nextjs) replay", () => {
  replay("nextjs", cases);
});

coverage("nextjs", inventory, cases, exempt);
