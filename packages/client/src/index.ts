import type { components, operations, paths } from "./generated/schema.js";
import type { OperationData, OperationInput } from "./operation.js";

export {
  createClient,
  type JsonValue,
  type PathError,
  type PathInit,
  type PathMethod,
  type PathResult,
  type PropelAuthClient,
} from "./client.js";
export { createOperationClient, type OperationClient } from "./core.js";
export {
  AbortError,
  ApiError,
  BadRequestError,
  ConnectionError,
  type ErrorKind,
  errorFromResponse,
  type FieldErrors,
  ForbiddenError,
  InvalidRequestError,
  InvalidResponseError,
  MaybeDeletedError,
  NotFoundError,
  OrganizationsNotEnabledError,
  PropelAuthError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  UpgradeRequiredError,
} from "./errors.js";
export { documentVersion } from "./generated/document.js";
export * from "./generated/operations.js";
export type {
  CallError,
  CallOptions,
  Operation,
  OperationArgs,
  OperationData,
  OperationInput,
  SafeResult,
} from "./operation.js";
export {
  type FetchFunction,
  InvalidClientOptionError,
  type Logger,
  type PropelAuthClientOptions,
  type RequestOptions,
  type Routing,
} from "./options.js";
export { MAX_PAGING_LIMIT, type PagedOperation, type PageItem, type PageItems, type PageOptions } from "./paging.js";
export type { components, operations, paths };

/** The schemas of the API by name, such as `Schemas["UserMetadata"]`. */
export type Schemas = components["schemas"];

/** The input type of an operation by operationId, such as `Input<"createUser">`. */
export type Input<Id extends keyof operations> = OperationInput<operations[Id]>;
/** The result type of an operation by operationId, such as `Output<"fetchUserById">`. */
export type Output<Id extends keyof operations> = OperationData<operations[Id]>;
