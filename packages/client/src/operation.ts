// The runtime and types behind the generated operation functions (src/generated/operations.ts):
// `fetchUserByEmail(client, { query: { email } })` returns the data or throws a typed error;
// `fetchUserByEmail.safe(...)` returns `{ data, error, response }` and never throws.
import { CORE, type OperationClient, optionError, pathSerializer, queryString } from "./core.js";
import {
  type AbortError,
  type ApiError,
  type BadRequestError,
  type ConnectionError,
  errorFromResponse,
  type ForbiddenError,
  InvalidRequestError,
  InvalidResponseError,
  type MaybeDeletedError,
  type NotFoundError,
  type PropelAuthError,
  type RateLimitError,
  requestIdOf,
  type ServerError,
  type TimeoutError,
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
  | MaybeDeletedError
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

/**
 * Sends one call: builds the URL, headers and JSON body, sends them through the client's
 * transport, which reads the body too, and parses it. With `throws`, resolves the data or
 * rejects with the error; without, resolves `{ data, response }` or `{ error, response }`.
 */
export async function send(
  client: OperationClient,
  method: string,
  path: string,
  text: boolean,
  input: LooseInput | undefined,
  options: CallOptions | undefined,
  throws?: boolean,
): Promise<SafeResult<unknown>> {
  const state: CallState = { ...options, reads: true };
  let response: Response | undefined;
  let data: unknown;
  try {
    const core = client?.[CORE];
    if (!core) throw new InvalidRequestError(`${method} ${path}: not a client from createClient or createOperationClient`);
    checkRequestOptions(options, optionError);
    // A plain object with lower-case names (cheaper than `Headers`; the names must not collide).
    const headers: Record<string, string> = {};
    for (const extra of [core.headers, options?.headers, input?.header] as (Record<string, unknown> | undefined)[]) {
      for (const name in extra) if (extra[name] != null) headers[name.toLowerCase()] = String(extra[name]);
    }
    const init: Init = { method, headers, signal: options?.signal };
    if (input?.body !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(input.body);
    }
    response = await core.send(plainRequest(core.base + pathSerializer(path, input?.path) + queryString(input?.query), init), state);
    const body = state.body as string;
    data = body || undefined;
    if (data && (!text || !response.ok)) {
      try {
        data = JSON.parse(body);
      } catch {
        if (response.ok) throw invalidResponse(response, body, method, path, "body is not JSON");
      }
    }
    if (!response.ok) throw errorFromResponse(response, data, method, path);
  } catch (caught) {
    // Anything else was thrown before the request went out (such as a body JSON can't hold). By
    // `kind`, not `instanceof`: a client of the CJS build throws the CJS build's errors.
    const error = (caught as PropelAuthError)?.kind ? caught : new InvalidRequestError(`${method} ${path}: ${caught}`);
    if (throws) throw error;
    return { error: error as CallError, response };
  }
  return (throws ? data : { data, response }) as SafeResult<unknown>;
}

/**
 * Defines one operation: `op("GET", "/api/backend/v1/user/email")`. `text` marks operations
 * whose success body is text rather than JSON. Used by the generated module.
 */
export function op<Op>(method: string, path: string, text?: boolean): Operation<Op> {
  const safe = (client: OperationClient, input?: LooseInput, options?: CallOptions) => send(client, method, path, !!text, input, options);
  const call = (client: OperationClient, input?: LooseInput, options?: CallOptions) =>
    send(client, method, path, !!text, input, options, true);
  return Object.assign(call, { safe, method, path }) as unknown as Operation<Op>;
}
