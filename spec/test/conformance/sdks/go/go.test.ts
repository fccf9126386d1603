// The official Go SDK as a witness: every backend request it builds, replayed against the document.
import { describe, expect, it } from "vitest";
import { coverage } from "../../replay/coverage.js";
import { replay } from "../../replay/replay.js";
import { goEncode, pairsOf } from "../encoding.js";
import { goEnumCases } from "./cases-enums.js";
import { goKeyCases } from "./cases-keys.js";
import { goOrgCases } from "./cases-orgs.js";
import { goUserCases } from "./cases-users.js";
import { goInventory } from "./inventory.js";

const cases = [...goUserCases, ...goOrgCases, ...goKeyCases, ...goEnumCases];

describe("Go SDK (PropelAuth/propelauth-go) replayed against the document", () => {
  replay("go", cases);
});
it.each(cases.filter((c) => c.query).map((c) => [`${c.source.fn}${c.variant ? ` (${c.variant})` : ""}`, c.query!] as const))(
  "%s: the query string is in url.Values.Encode() form: keys sorted, QueryEscape'd",
  (_, query) => {
    expect(query).toBe(goEncode(pairsOf(query)));
  },
);
coverage("go", goInventory, cases);
