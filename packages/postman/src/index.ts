export {
  API_KEY_VARIABLE,
  BASE_URL_VARIABLE,
  COLLECTION_SCHEMA_URL,
  describeOperation,
  generateCollection,
  stableId,
} from "./collection.js";
export { ENVIRONMENT_SUFFIX, generateEnvironments, LOCAL_API_KEY_PLACEHOLDER, LOCAL_AUTH_URL } from "./environments.js";
export type * from "./postman-types.js";
export { acceptsAnything, SANDBOX_FORMATS, toSandboxSchema } from "./schema.js";
export { type DocumentedResponses, documentedResponses, testScript } from "./test-script.js";

/** File names under dist/. */
export const COLLECTION_FILE = "propelauth-backend-api.postman_collection.json";
export const ENVIRONMENTS_DIR = "environments";
