// The Go and Rust SDKs' models read the emulator's real answers, not only the document's examples:
// each replay case (the request exactly as the SDK builds it) is sent to an emulator seeded with
// the document's examples (--seed-examples, answers checked against the document), on a fresh copy
// of that data, and a success answer must decode into the model the SDK function decodes into.
// The other SDKs' recorded requests (Python, Cloudflare Worker, Next.js, Ruby) get answers the
// document describes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstExample, requestMedia } from "../../../../src/index.js";
import { doc, operations } from "../../replay/document.js";
import { type RunningEmulator, reseed, send, startSeededEmulator } from "../../replay/emulator.js";
import type { ReplayCase } from "../../replay/types.js";
import { cases as cloudflareCases } from "../cloudflare-worker/cases.js";
import { goEnumCases } from "../go/cases-enums.js";
import { goKeyCases } from "../go/cases-keys.js";
import { goOrgCases } from "../go/cases-orgs.js";
import { goUserCases } from "../go/cases-users.js";
import { goModels, goSuccess } from "../go/models.js";
import { API_KEY_ID, API_KEY_TOKEN, EMPLOYEE_ID, MFA_PHONE_ID, OTHER_USER_ID } from "../ids.js";
import { cases as nextjsCases } from "../nextjs/cases.js";
import { cases as pythonCases } from "../python/cases.js";
import { cases as rubyCases } from "../ruby/cases.js";
import { rustCases } from "../rust/cases.js";
import { rustEnumCases } from "../rust/cases-enums.js";
import { rustModels, rustSuccess } from "../rust/models.js";
import { notSuccessful } from "./emulator-not-successful.js";
import type { SuccessHandling } from "./responses.js";
import { type Dialect, type Models, read } from "./shape.js";

/** The seeded entity each id of the cases stands for (the ids the Go and Rust cases share, ids.ts). */
function seededIds(): Record<string, string> {
  const op = operations.get("validateApiKey")!;
  const example = firstExample(doc, requestMedia(doc, op));
  const token = (example.value as { api_key_token: string }).api_key_token;
  return {
    [OTHER_USER_ID]: "0f1b5c1e-7b0e-4c55-a9a8-3b7f4c2d9e10",
    [API_KEY_TOKEN]: token,
    [API_KEY_ID]: token.slice(0, 32),
    [EMPLOYEE_ID]: "5d3c0f8e-41a2-4b6e-9f7d-2c8e1a4b6d90",
    [MFA_PHONE_ID]: "7a4e2c1d-9b3f-4e8a-a6d5-0c2b1f9e8d74",
  };
}

const swap = (ids: Record<string, string>) => (text: string) =>
  Object.entries(ids).reduce((out, [from, to]) => out.split(from).join(to), text);

interface Sdk {
  sdk: "go" | "rust";
  dialect: Dialect;
  cases: ReplayCase[];
  models: Models;
  success: Record<string, SuccessHandling>;
}

const sdks: Sdk[] = [
  { sdk: "go", dialect: "go", cases: [...goUserCases, ...goOrgCases, ...goKeyCases, ...goEnumCases], models: goModels, success: goSuccess },
  { sdk: "rust", dialect: "serde", cases: [...rustCases, ...rustEnumCases], models: rustModels, success: rustSuccess },
];

const nameOf = (c: ReplayCase) => `${c.source.fn}${c.variant ? ` (${c.variant})` : ""} -> ${c.operationId}`;

describe("the SDKs' models read the seeded emulator's answers", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startSeededEmulator();
  }, 60_000);
  afterAll(() => emu?.close());
  const ids = seededIds();

  for (const { sdk, dialect, cases, models, success } of sdks) {
    describe(sdk, () => {
      const otherwise = new Map<string, number>();
      for (const c of cases.filter((c) => !c.deviation)) {
        const handling = success[c.operationId];
        it(`${nameOf(c)}: ${c.method} ${c.path}`, async () => {
          expect(handling, `${sdk} success handling of ${c.operationId}`).toBeDefined();
          await reseed(emu);
          const answer = await send(emu, c, swap(ids));
          // A 500 is the emulator refusing its own answer (--validate-responses).
          expect(answer.status, answer.text).not.toBe(500);
          if (!handling!.statuses.includes(answer.status)) {
            otherwise.set(nameOf(c), answer.status);
            return;
          }
          if (handling!.model) expect(read(answer.body, handling!.model, models, dialect)).toEqual([]);
        });
      }
      // The cases the seeded data cannot satisfy are known: a change in them is a change to look at.
      it("the cases answered with something else than success are the known ones", () => {
        expect(Object.fromEntries(otherwise)).toEqual(notSuccessful[sdk]);
      });
    });
  }

  // The SDKs without response models here: their exact requests get answers the document
  // describes (the emulator turns any other answer into a 500 that names the mismatch).
  const untyped: [string, ReplayCase[]][] = [
    ["python", pythonCases],
    ["cloudflare-worker", cloudflareCases],
    ["nextjs", nextjsCases],
    ["ruby", rubyCases],
  ];
  for (const [sdk, cases] of untyped) {
    describe(sdk, () => {
      for (const c of cases.filter((c) => !c.deviation)) {
        it(`${nameOf(c)}: ${c.method} ${c.path} is answered as the document describes`, async () => {
          await reseed(emu);
          const answer = await send(emu, c, swap(ids));
          expect(answer.status, answer.text).not.toBe(500);
          expect(Object.keys(operations.get(c.operationId)!.operation.responses)).toContain(String(answer.status));
        });
      }
    });
  }
});
