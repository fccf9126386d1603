// The client type the verifier accepts. The verifier's build maps this module to the package's
// main entry (see tsdown.config.ts), so `verify.d.ts` names the same `OperationClient` type as
// `index.d.ts` rather than a copy with its own unique symbol.
export type { OperationClient } from "../core.js";
