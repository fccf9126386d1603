// The runtime and types behind the generated operation functions (src/generated/operations.ts):
// `fetchUserByEmail(client, { query: { email } })` returns the data or throws a typed error;
// `fetchUserByEmail.safe(...)` returns `{ data, error, response }` and never throws.
import { CORE, type OperationClient, pathSerializer, queryString } from "./core.js";
import {
  AbortError,
  type ApiError,
  type BadRequestError,
  ConnectionError,
  errorFromResponse,
  type ForbiddenError,
  InvalidRequestError,
  InvalidResponseError,
  type NotFoundError,
  PropelAuthError,
  type RateLimitError,
  requestIdOf,
  type ServerError,
  TimeoutError,
  type UnauthorizedError,
  type UpgradeRequiredError,
} from "./errors.js";
import { checkRequestOptions, type RequestOptions } from "./options.js";
import { type CallState, type Init, plainRequest } from "./transport.js";

type Simplify<T> = { [K in keyof T]: T[K] };
type Empty = Record<never, never>;
type Values<T> = T[keyof T];

/** The parameters of an operation, by location (`path`, `query`, `header`), as openapi-typescript types them. */
type ParamsOf<Op> = Op extends { parameters: infer P } ? Omit<P, "cookie"> : Empty;
type RequestBodyOf<Op> = Op extends { requestBody?: infer B } ? B : never;
type BodyOf<Op> = [NonNullable<RequestBodyOf<Op>>] extends [never]
  ? Empty
  : NonNullable<RequestBodyOf<Op>> extends { content: infer C }
    ? Empty extends Pick<Op, "requestBody" & keyof Op>
      ? { body?: Values<C> }
      : { body: Values<C> }
    : Empty;

/** The input of an operation: `{ path?, query?, header?, body? }`, each required when the document says so. */
export type OperationInput<Op> = Simplify<ParamsOf<Op> & BodyOf<Op>>;

type OkStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206;
type ContentOf<R> = R extends { content: infer C } ? Values<C> : undefined;
type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;

/** What an operation resolves to: the body of its 2xx response (undefined for an empty one). */
export type OperationData<Op> = Values<{
  [S in keyof ResponsesOf<Op> & OkStatus]: ContentOf<ResponsesOf<Op>[S]>;
}>;

/** Per-call options: the client's request options, an AbortSignal and extra headers. */
export interface CallOptions extends RequestOptions {
  /** Aborts the call, including its retries and the wait between them. */
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** Every error a call can end in, discriminated by `kind`. */
export type CallError =
  | BadRequestError
  | UnauthorizedError
  | ForbiddenError
  | NotFoundError
  | UpgradeRequiredError
  | RateLimitError
  | ServerError
  | (ApiError & { readonly kind: "api" })
  | ConnectionError
  | TimeoutError
  | AbortError
  | InvalidRequestError
  | InvalidResponseError;

/** The result of `.safe(...)`: either `data` or `error`, never both; it never throws a `PropelAuthError`. */
export type SafeResult<T> =
  | { data: T; error?: undefined; response: Response }
  | { data?: undefined; error: CallError; response: Response | undefined };

/** The arguments after the client: input (optional when nothing in it is required) and options. */
export type OperationArgs<Op> =
  Empty extends OperationInput<Op>
    ? [input?: OperationInput<Op>, options?: CallOptions]
    : [input: OperationInput<Op>, options?: CallOptions];

/** A generated operation function. */
export interface Operation<Op> {
  (client: OperationClient, ...args: OperationArgs<Op>): Promise<OperationData<Op>>;
  /** The same call, returning `{ data, error, response }` instead of throwing. */
  safe(client: OperationClient, ...args: OperationArgs<Op>): Promise<SafeResult<OperationData<Op>>>;
  readonly method: string;
  readonly path: string;
}

export interface LooseInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

/** The error for a 2xx response whose body is not what the document says. */
export const invalidResponse = (response: Response, body: unknown, method: string, path: string, why: string) =>
  new InvalidResponseError("invalid_response", `PropelAuth API ${method} ${path}: ${response.status} ${why}`, {
    status: response.status,
    requestId: requestIdOf(response.headers),
    body,
    method,
    path,
  }) as InvalidResponseError;

const fail = (option: string, rule: string) => new InvalidRequestError(`option \`${option}\` ${rule}`);

/**
 * Sends one call: builds the URL, headers and JSON body, sends them through the client's
 * transport and reads the response. Resolves `{ data, response }` or `{ error, response }`;
 * never rejects with a `PropelAuthError`.
 */
export async function send(
  client: OperationClient,
  method: string,
  path: string,
  text: boolean,
  input: LooseInput | undefined,
  options: CallOptions | undefined,
): Promise<SafeResult<unknown>> {
  const state: CallState = { ...options, reads: true };
  let response: Response | undefined;
  let body: string | undefined;
  try {
    const core = client?.[CORE];
    if (!core) throw new InvalidRequestError("not a client from createClient");
    if (options) checkRequestOptions(options, fail);
    // A plain object with lower-case names (cheaper than `Headers`; the names must not collide).
    const headers: Record<string, string> = {};
    for (const extra of [core.headers, options?.headers, input?.header]) {
      if (extra) for (const [name, value] of Object.entries(extra)) if (value != null) headers[name.toLowerCase()] = String(value);
    }
    const init: Init = { method, headers, signal: options?.signal, propelauth: state };
    if (input?.body !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(input.body);
    }
    response = await core.send(plainRequest(core.base + pathSerializer(path, input?.path) + queryString(input?.query), init));
    // 204 and 205 have no body; anything else is read whole, whatever Content-Length says.
    body =
      response.status === 204 || response.status === 205 ? "" : await (state.guard as NonNullable<CallState["guard"]>)(response.text());
  } catch (error) {
    if (error instanceof PropelAuthError) return { error: error as CallError, response };
    // Reading the body failed: the attempt's timer, the caller's signal, or the connection.
    const reason = options?.signal?.aborted
      ? new AbortError(method, path, options.signal.reason)
      : state.timedOut
        ? new TimeoutError(method, path, undefined, state.timeout ?? 0)
        : new ConnectionError(method, path, error);
    return { error: reason, response };
  } finally {
    state.done?.();
  }
  let data: unknown = body || undefined;
  if (data && (!text || !response.ok)) {
    try {
      data = JSON.parse(body);
    } catch {
      if (response.ok) return { error: invalidResponse(response, body, method, path, "body is not JSON"), response };
    }
  }
  return response.ok ? { data, response } : { error: errorFromResponse(response, data, method, path) as CallError, response };
}

/**
 * Defines one operation: `op("GET", "/api/backend/v1/user/email")`. `text` marks operations
 * whose success body is text rather than JSON. Used by the generated module.
 */
export function op<Op>(method: string, path: string, text?: boolean): Operation<Op> {
  const safe = (client: OperationClient, input?: LooseInput, options?: CallOptions) => send(client, method, path, !!text, input, options);
  const call = async (client: OperationClient, input?: LooseInput, options?: CallOptions) => {
    const result = await safe(client, input, options);
    if (result.error) throw result.error;
    return result.data;
  };
  return Object.assign(call, { safe, method, path }) as unknown as Operation<Op>;
}
