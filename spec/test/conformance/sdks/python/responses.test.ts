// Every success example of the operations the Python SDK calls is readable by its functions:
// parse-examples.py served each example to each public method of Auth and AsyncAuth (released
// v4.4.0) and recorded what raised (parsed.json).
import { loadParsed, parsedExamples } from "../../replay/parsed-examples.js";
import { cases } from "./cases.js";

parsedExamples(
  "python",
  loadParsed(new URL("./parsed.json", import.meta.url)),
  cases.map((c) => c.operationId),
  // The validate wrappers refuse, by design, keys of the other kind.
  { validate_personal_api_key: ["org", "orgMember", "generic"], validate_org_api_key: ["personal", "generic"] },
  /^EndUserApiKeyException/,
);
