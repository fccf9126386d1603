// The layer every request goes through: the named operations call it directly, and the
// path-based client has it in openapi-fetch's `fetch` slot (after its middleware, so middleware
// never sees the API key and never runs twice). It adds the key and the routing header, and runs
// each attempt (attempt.ts) with its own timeout, within the call's deadline, the caller's
// AbortSignal and the retry policy (retry.ts). When it settles, no timer, listener or connection
// of the call is left behind.
import { attempt, discard, pause, type Waiting } from "./attempt.js";
import { AbortError, ConnectionError, MAYBE_DONE, retryAfterMs, TimeoutError } from "./errors.js";
import type { FetchFunction, RequestOptions, ResolvedOptions } from "./options.js";
import { pauseBefore, retriesFor, retryable } from "./retry.js";

/** Per-request state: from a call to the transport, and back. */
export interface CallState extends RequestOptions {
  /** Set by a named operation: the transport leaves the body in `body` instead of in a new `Response`. */
  reads?: boolean;
  /** The body of the answer returned ("" for 204 and 205), read on the attempt's clock. */
  body?: string;
  /** The path-based client's per-request `fetch`. */
  fetch?: FetchFunction;
  /** The path-based client's request must be a real `Request` (per-request middleware or `fetch`). */
  real?: boolean;
}

/** Headers are a plain object with lower-case names. */
export type Init = RequestInit & { headers: Record<string, string>; propelauth?: CallState };

/**
 * A request as a URL and the init for `fetch(url, init)`. The named operations send these, and
 * openapi-fetch builds them instead of `Request`s while no middleware and no per-request `fetch`
 * needs one: that saves two `Request` constructions per call, which cost more than the rest of
 * the client together.
 */
export interface PlainRequest {
  url: string;
  method: string;
  init: Init;
}

export const plainRequest = (url: string, init: Init): PlainRequest => ({ url, method: init.method ?? "GET", init });

export type Transport = (input: Request | PlainRequest, state?: CallState) => Promise<Response>;

/** The path of a URL without its query string, for messages and log lines. */
const pathOf = (url: string) => new URL(url).pathname;

const ignore = () => {};

/** A request ready to send: where it goes, the caller's signal, and how to send one attempt of it. */
interface Prepared {
  method: string;
  url: string;
  signal: AbortSignal | null | undefined;
  send: (signal: AbortSignal) => Promise<Response>;
}

/**
 * Routes either shape of request and adds the key and routing header. A `Request` is never
 * changed: middleware sees it again after the call, so the key goes in a copy of its headers, and
 * each attempt sends a new `Request` (a clone when it has a body that a retry will send again).
 */
function prepare(input: Request | PlainRequest, state: CallState, o: ResolvedOptions, apiKey: string, retries: number): Prepared {
  // A `Request` has no `init`.
  const { init, method } = input as PlainRequest;
  let request = init ? undefined : (input as Request);
  const routing = state.routing ?? o.routing;
  const base = o.origins[o.routing];
  let url = input.url;
  if (routing !== o.routing && url.startsWith(base)) {
    url = o.origins[routing] + url.slice(base.length);
    if (request) request = new Request(url, request);
  }
  const headers = init ? init.headers : Object.fromEntries((request as Request).headers);
  headers.authorization = `Bearer ${apiKey}`;
  if (routing === "propelauth-api") headers["x-propelauth-url"] = o.authHost;
  const fetcher = state.fetch ?? o.fetch ?? fetch;
  if (init) {
    return {
      method,
      url,
      signal: init.signal,
      send: (signal) => {
        init.signal = signal;
        return fetcher(url, init);
      },
    };
  }
  const req = request as Request;
  return {
    method,
    url,
    signal: req.signal,
    // A `fetch` that takes one argument, as openapi-fetch's does, gets everything.
    send: (signal) => fetcher(new Request(retries && req.body ? req.clone() : req, { headers, signal })),
  };
}

/** The transport of one client. `apiKey` stays in this closure and nowhere else. */
export function createTransport(o: ResolvedOptions, apiKey: string): Transport {
  return async (input, state = {}) => {
    const retries = retriesFor(input.method, state.maxRetries ?? o.maxRetries);
    const { method, url, signal, send } = prepare(input, state, o, apiKey, retries);
    const timeout = state.timeout ?? o.timeout;
    const deadline = state.deadline ?? o.deadline;
    const end = deadline ? Date.now() + deadline : 1 / 0;
    const log = o.logger;
    const aborted = (reason: unknown) => new AbortError(method, pathOf(url), reason);
    // The caller's signal ends what the call is waiting for (an attempt or the pause before the next), and the attempt's request.
    const waiting: Waiting = { stop: ignore, controller: undefined };
    const abort = () => {
      waiting.controller?.abort(signal?.reason);
      waiting.stop(aborted(signal?.reason));
    };
    signal?.addEventListener("abort", abort);
    // An earlier attempt that got no answer, or a 5xx, may have done what it was asked.
    let maybeDone = false;
    try {
      for (let n = 0; ; n++) {
        if (signal?.aborted) throw aborted(signal.reason);
        const started = Date.now();
        // The attempt's time: its own timeout, or what is left of the deadline when that is less.
        const left = end - started;
        const outcome = await attempt(
          send,
          timeout && timeout < left ? timeout : left,
          (r) => (n < retries && retryable(r.status) ? pauseBefore(n, o, end - Date.now(), retryAfterMs(r.headers)) : undefined),
          waiting,
        );
        const response = outcome.response;
        let delay: number | undefined;
        let failure: ConnectionError | undefined;
        if (outcome.response) {
          delay = outcome.delay;
          state.body = outcome.body;
        } else {
          if (signal?.aborted) throw aborted(signal.reason);
          const { timedOut } = outcome;
          delay = n < retries ? pauseBefore(n, o, end - Date.now()) : undefined;
          // The deadline ended the call when it cut this attempt short, or left no time for the retry
          // due (on a busy machine, the attempt's own timer may fire after the deadline).
          const byDeadline = timedOut < timeout || !timeout || (n < retries && delay === undefined);
          failure = timedOut
            ? new TimeoutError(method, pathOf(url), undefined, timedOut, byDeadline ? deadline : undefined)
            : new ConnectionError(method, pathOf(url), scrub(outcome.error, apiKey));
        }
        const result = response?.status ?? failure?.kind;
        log?.debug?.(`propelauth ${method} ${pathOf(url)}: ${result}, ${Date.now() - started} ms, attempt ${n + 1}`);
        if (delay === undefined) {
          if (!response) throw failure;
          return answer(response, state, maybeDone && method === "DELETE");
        }
        maybeDone ||= !response || response.status >= 500;
        // Free the connection; not awaited, since a cloned (teed) body resolves its cancel only when every branch is cancelled.
        discard(response);
        log?.warn?.(`propelauth ${method} ${pathOf(url)}: ${result}, retry ${n + 1} of ${retries} in ${Math.round(delay)} ms`);
        await pause(delay, waiting);
      }
    } finally {
      signal?.removeEventListener("abort", abort);
    }
  };
}

/**
 * The answer to return: as it came for a named operation (the body is in `state.body`), else a
 * response with the body that was read, which openapi-fetch parses. A DELETE answered 404 after an
 * attempt that may have deleted it is marked, so that `errorFromResponse` says so.
 */
function answer(response: Response, state: CallState, maybeDeleted: boolean): Response {
  const result = state.reads ? response : new Response(state.body || null, response);
  if (maybeDeleted && response.status === 404) Object.defineProperty(result, MAYBE_DONE, { value: true });
  return result;
}

/** The runtime's error, unless its message, stack or cause mentions the key: then a copy without it. */
function scrub(error: unknown, apiKey: string): unknown {
  const e = error as { message?: unknown; stack?: unknown; cause?: { message?: unknown } } | null;
  const text = `${error} ${e?.stack} ${e?.cause?.message}`;
  return text.includes(apiKey) ? new Error(`${e?.message ?? error}`.replaceAll(apiKey, "[redacted]")) : error;
}
