// Every success example of the operations the Cloudflare Worker SDK calls is readable by its
// functions: parse-examples.ts served each example to each function of src/api.ts (released
// v2.1.3) and recorded what raised (parsed.json).
import { loadParsed, parsedExamples } from "../../replay/parsed-examples.js";
import { cases } from "./cases.js";

parsedExamples(
  "cloudflare-worker",
  loadParsed(new URL("./parsed.json", import.meta.url)),
  cases.map((c) => c.operationId),
  // The validate wrappers refuse, by design, keys of the other kind.
  { validatePersonalApiKey: ["org", "orgMember", "generic"], validateOrgApiKey: ["personal", "generic"] },
  /Not (a personal|an org) API Key/,
);
