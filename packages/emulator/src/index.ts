// The rule lives in the spec package; re-exported so the emulator's API stays as it was.
export { requiredPermissions } from "@propelauth-openapi/spec";
export { decideAccess, denialOf } from "./access.js";
export { KEY_KINDS, type KeyKind, type RateLimit } from "./config.js";
export { handlers } from "./handlers/index.js";
export type { Handler, HandlerContext, Reply } from "./handlers/types.js";
export type { EmulatorOptions } from "./options.js";
export type { BackendKey, Project } from "./project.js";
export { routePropelAuthApiTo } from "./sdk.js";
export { type ExamplePlan, planFromExamples, type SeedName, type SeedSummary, seedFromExamples } from "./seed.js";
export { defaultDataFile, type RunningEmulator, startEmulator } from "./server.js";
