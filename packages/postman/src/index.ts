export {
  API_KEY_VARIABLE,
  BASE_URL_VARIABLE,
  COLLECTION_SCHEMA_URL,
  collectionVariables,
  describeOperation,
  describeStep,
  docsAnchor,
  expectedStatus,
  generateCollection,
  stableId,
} from "./collection.js";
export { ENVIRONMENT_SUFFIX, generateEnvironments, LOCAL_AUTH_URL } from "./environments.js";
export type * from "./postman-types.js";
export { firstSentence, missingInputAnswer, requestMediaOf, savedResponses } from "./saved-examples.js";
export { acceptsAnything, SANDBOX_FORMATS, toSandboxSchema } from "./schema.js";
export { collectionPrerequest, type DocumentedResponses, documentedResponses, testScript } from "./test-script.js";
export * from "./workflow.js";

/** File names under dist/. */
export const COLLECTION_FILE = "propelauth-backend-api.postman_collection.json";
export const ENVIRONMENTS_DIR = "environments";
