// x-propelauth-sources.sdks of every operation names exactly the official SDKs that call it: Node
// through x-propelauth-sdk (its functions run in test/conformance/), every other SDK through the
// replay cases that reach the operation, or that mean it and deviate (named in differences).
import { describe, expect, it } from "vitest";
import { listOperations } from "../../../src/index.js";
import { doc } from "../replay/document.js";
import { judge } from "../replay/replay.js";
import type { ReplayCase } from "../replay/types.js";
import { cases as cloudflareCases } from "./cloudflare-worker/cases.js";
import { goKeyCases } from "./go/cases-keys.js";
import { goOrgCases } from "./go/cases-orgs.js";
import { goUserCases } from "./go/cases-users.js";
import { cases as nextjsCases } from "./nextjs/cases.js";
import { cases as pythonCases } from "./python/cases.js";
import { cases as rubyCases } from "./ruby/cases.js";
import { rustCases } from "./rust/cases.js";

const REPLAYED: Record<string, ReplayCase[]> = {
  python: pythonCases,
  go: [...goUserCases, ...goOrgCases, ...goKeyCases],
  rust: rustCases,
  ruby: rubyCases,
  nextjs: nextjsCases,
  "cloudflare-worker": cloudflareCases,
};
const ORDER = ["node", "python", "go", "rust", "ruby", "nextjs", "cloudflare-worker"];

/** The SDKs whose calls reach each operation. */
function callers(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (op: string, sdk: string) => found.set(op, (found.get(op) ?? new Set()).add(sdk));
  for (const op of listOperations(doc)) if ((op.operation["x-propelauth-sdk"]?.node ?? []).length > 0) add(op.operationId, "node");
  for (const [sdk, cases] of Object.entries(REPLAYED))
    for (const c of cases) if (c.deviation || judge(c).routedTo === c.operationId) add(c.operationId, sdk);
  return found;
}

describe("x-propelauth-sources.sdks", () => {
  const found = callers();
  it.each(listOperations(doc).map((op) => [op.operationId, op] as const))("%s names exactly the SDKs that call it", (id, op) => {
    const declared = op.operation["x-propelauth-sources"]?.sdks ?? [];
    expect(declared).toEqual(ORDER.filter((sdk) => found.get(id)?.has(sdk)));
  });
});
