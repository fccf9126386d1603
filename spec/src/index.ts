export { ARAZZO_FILE, type ArazzoDocument, type ArazzoStep, type ArazzoWorkflow, arazzoDocument, arazzoStepId } from "./arazzo.js";
export { type ExampleServer, type RecordedRequest, startExampleServer } from "./example-server.js";
export { bundledDocumentPath, loadBundledDocument } from "./load.js";
export { deref, HTTP_METHODS, listOperations, type Operation } from "./operations.js";
export { type AccessCatalogues, ALWAYS_ALLOWED_KINDS, kindHolds, kindsAllowed, requiredPermissions } from "./read/access.js";
export { firstExample, type RequestBody, requestBodyOf, requestMedia, successExample, successOf } from "./read/media.js";
export { PAGE_PARAMETER, type PageParameter, type Paging, pageParameters, pagingOf } from "./read/paging.js";
export { propertiesOf, requiredOf } from "./read/properties.js";
export { sampleFromSchema } from "./read/sample.js";
export { createRouter, type RouteMatch } from "./router.js";
export type * from "./types.js";
export { createValidator, type FieldErrors, type RequestInput, type ValidatedRequest, type Validator } from "./validator.js";
export {
  CAPTURED_VARIABLES,
  COMPUTED_VARIABLES,
  FOLDERS,
  type FolderName,
  LIVE_VARIABLES,
  NUMERIC_VARIABLES,
  STEPS,
  type Step,
  stepId,
  TASKS,
  type Task,
  type TaskStep,
  taskStep,
} from "./workflow.js";
