import { describe } from "vitest";
import { captureChecks } from "../../replay/capture-checks.js";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { captured, cases, exempt } from "./cases.js";
import { inventory, version } from "./inventory.js";

describe("Cloudflare Worker SDK (PropelAuth/cloudflare-worker) replay", () => {
  replay("cloudflare-worker", cases);
});

coverage("cloudflare-worker", inventory, cases, exempt);
captureChecks("cloudflare-worker", captured, version, exempt);
