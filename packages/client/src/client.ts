import createFetchClientImpl from "openapi-fetch";
import { type Core, createCore, type OperationClient, optionError, pathSerializer, withCore } from "./core.js";
import { TEXT_ANSWERS } from "./generated/document.js";
import type { default as CreateFetchClient, FetchOptions, FetchResponse, Middleware } from "./generated/openapi-fetch.js";
import type { FilterKeys, MediaType, PathsWithMethod, RequiredKeysOf } from "./generated/openapi-typescript-helpers.js";
import type { paths } from "./generated/schema.js";
import { checkRequestOptions, originOf, type PropelAuthClientOptions, type RequestOptions } from "./options.js";
import { type CallState, type Init, type PlainRequest, plainRequest } from "./transport.js";

type Verb = "get" | "put" | "post" | "delete" | "patch";

/** The init of a path-based call: openapi-fetch's options, plus this client's per-request options. */
export type PathInit<Path extends keyof paths, M extends Verb> = FetchOptions<FilterKeys<paths[Path], M>> & {
  /** Timeout, deadline, retries and routing for this request. */
  propelauth?: RequestOptions;
};

/** A JSON value: what an error body the document leaves undocumented can be, besides text or nothing. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

type Values<T> = T[keyof T];
type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 405 | 409 | 410 | 413 | 422 | 426 | 429 | 500 | 502 | 503 | 504 | "default";
type ErrorContent<R> = R extends { content: infer C } ? (unknown extends Values<C> ? JsonValue | undefined : Values<C>) : undefined;

/**
 * The `error` of a path-based call: the union of the bodies the document gives the operation's
 * error responses. Where the document leaves a body undocumented, any JSON, text or nothing.
 */
export type PathError<Op> = Op extends { responses: infer R }
  ? Values<{ [S in keyof R & ErrorStatus]: ErrorContent<R[S]> }> | (keyof R & ErrorStatus extends never ? JsonValue | undefined : never)
  : JsonValue | undefined;

/** What a path-based call resolves: openapi-fetch's `{ data, response }`, or `{ error, response }` typed from the document. */
export type PathResult<Op extends Record<string | number, unknown>, I> =
  | Extract<FetchResponse<Op, I, MediaType>, { data: unknown }>
  | { data?: never; error: PathError<Op>; response: Response };

/**
 * One method of the path-based client. Unlike openapi-fetch's own typing, the init is not
 * inferred from the argument, so an unknown body field or parameter is a type error.
 */
export type PathMethod<M extends Verb> = <Path extends PathsWithMethod<paths, M>>(
  url: Path,
  ...init: RequiredKeysOf<PathInit<Path, M>> extends never ? [init?: PathInit<Path, M>] : [init: PathInit<Path, M>]
) => Promise<PathResult<paths[Path][M] & Record<string | number, unknown>, PathInit<Path, M>>>;

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

// Typed by the copy of openapi-fetch's declarations in src/generated/ (see scripts/copy-fetch-types.ts).
const createFetchClient = createFetchClientImpl as unknown as typeof CreateFetchClient;

type LooseInit = Record<string, unknown> & {
  propelauth?: RequestOptions;
  middleware?: unknown[];
  fetch?: unknown;
  baseUrl?: string;
  parseAs?: string;
};

/**
 * Creates a typed client for one environment. Requests go to the Auth URL (or, with
 * `routing: "propelauth-api"`, to PropelAuth's API host with the Auth URL in a header), with
 * `Authorization: Bearer <apiKey>`, a timeout per attempt, a deadline per call, and retries of
 * idempotent requests.
 */
export function createClient(options: PropelAuthClientOptions): PropelAuthClient {
  const core: Core = createCore(options);
  let middleware = false;
  // openapi-fetch builds its requests with this: plain URL-and-init pairs while nothing needs a
  // `Request`, real ones once middleware is registered or the call has its own `fetch`.
  function RequestFactory(url: string, init: Init): Request | PlainRequest {
    return middleware || init.propelauth?.real
      ? new Request(url, init)
      : plainRequest(url, { ...init, headers: Object.fromEntries(init.headers as unknown as Headers) });
  }
  // openapi-fetch checks what middleware returns with `instanceof` against this factory.
  RequestFactory.prototype = globalThis.Request?.prototype;
  const client = createFetchClient<paths>({
    baseUrl: core.base,
    headers: core.headers,
    fetch: core.send as (input: Request) => Promise<Response>,
    Request: RequestFactory as unknown as typeof Request,
    pathSerializer,
  }) as unknown as Record<string, unknown>;
  for (const method of ["GET", "PUT", "POST", "DELETE", "PATCH"]) {
    const call = client[method] as (url: string, init: LooseInit) => Promise<unknown>;
    // openapi-fetch's per-request options, kept to what it documents: `fetch` is used for this
    // request instead of the client's (still with the key, timeouts and retries), `baseUrl` is
    // checked like the Auth URL, and a text answer is parsed as text without `parseAs`.
    client[method] = async (url: string, init: LooseInit = {}) => {
      const { fetch, baseUrl, parseAs = TEXT_ANSWERS.includes(`${method} ${url}`) ? "text" : "json" } = init;
      const real = !!(fetch || init.middleware?.length);
      const state: CallState = {
        ...checkRequestOptions(init.propelauth, optionError),
        fetch: fetch as CallState["fetch"],
        real,
        // Nobody but openapi-fetch sees the answer before the caller: it gets the transport's, not a copy.
        reads: !real && !middleware && /^(json|text)$/.test(parseAs),
      };
      return call(url, {
        ...init,
        parseAs,
        baseUrl: baseUrl && originOf(baseUrl, options.allowInsecureHttp, (rule) => optionError("baseUrl", rule)).origin,
        fetch: async (request: Request | PlainRequest) => {
          const response = await core.send(request, state);
          const text = state.body as string;
          // openapi-fetch reads the answer once, as text or JSON: the text the transport read within the attempt.
          return state.reads ? Object.assign(response, { text: async () => text, json: async () => JSON.parse(text) }) : response;
        },
        propelauth: state,
      });
    };
  }
  const use = client.use as (...list: Middleware[]) => void;
  client.use = (...list: Middleware[]) => {
    middleware = true;
    use(...list);
  };
  return withCore(client, core) as unknown as PropelAuthClient;
}
