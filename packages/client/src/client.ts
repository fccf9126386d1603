import createFetchClientImpl from "openapi-fetch";
import { type Core, createCore, type OperationClient, pathSerializer, withCore } from "./core.js";
import type { default as CreateFetchClient, FetchOptions, FetchResponse, Middleware } from "./generated/openapi-fetch.js";
import type { FilterKeys, MediaType, PathsWithMethod, RequiredKeysOf } from "./generated/openapi-typescript-helpers.js";
import type { paths } from "./generated/schema.js";
import type { PropelAuthClientOptions, RequestOptions } from "./options.js";
import { type Init, type PlainRequest, plainRequest } from "./transport.js";

type Verb = "get" | "put" | "post" | "delete" | "patch";

/** The init of a path-based call: openapi-fetch's options, plus this client's per-request options. */
export type PathInit<Path extends keyof paths, M extends Verb> = FetchOptions<FilterKeys<paths[Path], M>> & {
  /** Timeout, retries and routing for this request. */
  propelauth?: RequestOptions;
};

/**
 * One method of the path-based client. Unlike openapi-fetch's own typing, the init is not
 * inferred from the argument, so an unknown body field or parameter is a type error.
 */
export type PathMethod<M extends Verb> = <Path extends PathsWithMethod<paths, M>>(
  url: Path,
  ...init: RequiredKeysOf<PathInit<Path, M>> extends never ? [init?: PathInit<Path, M>] : [init: PathInit<Path, M>]
) => Promise<FetchResponse<paths[Path][M] & Record<string | number, unknown>, PathInit<Path, M>, MediaType>>;

/**
 * The path-based client (`client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id } } })`),
 * openapi-fetch under the hood. The named operations accept it too.
 */
export interface PropelAuthClient extends OperationClient {
  GET: PathMethod<"get">;
  PUT: PathMethod<"put">;
  POST: PathMethod<"post">;
  DELETE: PathMethod<"delete">;
  PATCH: PathMethod<"patch">;
  /** Registers openapi-fetch middleware. It runs before the transport, so it never sees the API key. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

// Typed by the copy of openapi-fetch's declarations in src/generated/ (see scripts/copy-fetch-types.mjs).
const createFetchClient = createFetchClientImpl as unknown as typeof CreateFetchClient;

/**
 * Creates a typed client for one environment. Requests go to the Auth URL (or, with
 * `routing: "propelauth-api"`, to PropelAuth's API host with the Auth URL in a header), with
 * `Authorization: Bearer <apiKey>`, a timeout per attempt, and retries of idempotent requests.
 */
export function createClient(options: PropelAuthClientOptions): PropelAuthClient {
  const core: Core = createCore(options);
  let middleware = false;
  // openapi-fetch builds its requests with this: plain URL-and-init pairs while no middleware
  // is registered, real `Request`s (which middleware expects) once one is.
  function RequestFactory(url: string, init: Init): Request | PlainRequest {
    return middleware ? new Request(url, init) : plainRequest(url, init);
  }
  // openapi-fetch checks what middleware returns with `instanceof` against this factory.
  RequestFactory.prototype = globalThis.Request?.prototype;
  const client = createFetchClient<paths>({
    baseUrl: core.base,
    headers: core.headers,
    fetch: core.send as (input: Request) => Promise<Response>,
    Request: RequestFactory as unknown as typeof Request,
    pathSerializer,
  });
  const use = client.use;
  client.use = (...list: Middleware[]) => {
    middleware = true;
    use(...list);
  };
  return withCore(client, core) as unknown as PropelAuthClient;
}
