import { describe } from "vitest";
import { captureChecks } from "../../replay/capture-checks.js";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { captured, cases, exempt } from "./cases.js";
import { inventory, version } from "./inventory.js";

describe("Python SDK (PropelAuth/propelauth-py) replay", () => {
  replay("python", cases);
});

coverage("python", inventory, cases, exempt);
captureChecks("python", captured, version, exempt, "auth.example.com");
