// The official Go SDK as a witness: every backend request it builds, replayed against the document.
import { describe } from "vitest";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { goKeyCases } from "./cases-keys.js";
import { goOrgCases } from "./cases-orgs.js";
import { goUserCases } from "./cases-users.js";
import { goInventory } from "./inventory.js";

const cases = [...goUserCases, ...goOrgCases, ...goKeyCases];

describe("Go SDK (PropelAuth/propelauth-go) replayed against the document", () => {
  replay("go", cases);
});
coverage("go", goInventory, cases);
