// The layer every request goes through: the named operations call it directly, and the
// path-based client has it in openapi-fetch's `fetch` slot (after its middleware, so middleware
// never sees the API key and never runs twice). It adds the key and the routing header, and runs
// each attempt with its own timeout, within the call's deadline, the caller's AbortSignal and the
// retry policy. When it settles, no timer, listener or connection of the call is left behind.
import { AbortError, ConnectionError, MAYBE_DONE, retryAfterMs, TimeoutError } from "./errors.js";
import type { FetchFunction, RequestOptions, ResolvedOptions } from "./options.js";

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
/** Frees the connection of an answer nobody is going to read. */
const discard = (response: Response | undefined) => response?.body?.cancel().catch(ignore);

/**
 * Controllers of attempts that ended without being aborted, kept for later attempts: making an
 * `AbortSignal` costs more (2 µs on Node 20) than the rest of a call's own work. Each serves at
 * most 33 attempts, one at a time, since undici keeps a listener on it for each request until that
 * request is garbage-collected. Not on workerd, which ties such objects to the request that made them.
 */
const idle: [AbortController, number][] = [];
const reuse = globalThis.navigator?.userAgent !== "Cloudflare-Workers";

/** The transport of one client. `apiKey` stays in this closure and nowhere else. */
export function createTransport(o: ResolvedOptions, apiKey: string): Transport {
  const base = o.origins[o.routing];

  return async (input, state = {}) => {
    // A `Request` has no `init`.
    const { init, method } = input as PlainRequest;
    let request = init ? undefined : (input as Request);
    const routing = state.routing ?? o.routing;
    let url = input.url;
    if (routing !== o.routing && url.startsWith(base)) {
      url = o.origins[routing] + url.slice(base.length);
      if (request) request = new Request(url, request);
    }
    // A `Request` is never changed: middleware sees it again after the call, so the key goes in a copy of its headers.
    const headers = init ? init.headers : Object.fromEntries((request as Request).headers);
    headers.authorization = `Bearer ${apiKey}`;
    if (routing === "propelauth-api") headers["x-propelauth-url"] = o.authHost;
    const timeout = state.timeout ?? o.timeout;
    const deadline = state.deadline ?? o.deadline;
    const end = deadline ? Date.now() + deadline : 1 / 0;
    const retries = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/.test(method) ? (state.maxRetries ?? o.maxRetries) : 0;
    const { signal } = init ?? (request as Request);
    const send = state.fetch ?? o.fetch ?? fetch;
    const log = o.logger;
    const aborted = (reason: unknown) => new AbortError(method, pathOf(url), reason);
    // Ends what the call is waiting for (an attempt or the pause before the next), and the
    // attempt's request: the caller's signal calls it, and so does the attempt's timer.
    let controller: AbortController | undefined;
    let stop: (error?: unknown) => void = ignore;
    const abort = () => {
      controller?.abort(signal?.reason);
      stop(aborted(signal?.reason));
    };
    signal?.addEventListener("abort", abort);
    // An earlier attempt that got no answer, or a 5xx, may have done what it was asked.
    let maybeDone = false;

    try {
      for (let attempt = 0; ; attempt++) {
        if (signal?.aborted) throw aborted(signal.reason);
        const slot = idle.pop() ?? [new AbortController(), 0];
        const attemptController = slot[0];
        controller = attemptController;
        const left = end - Date.now();
        // The attempt's time: its own timeout, or what is left of the deadline when that is less.
        const limit = timeout && timeout < left ? timeout : left;
        let timedOut = 0;
        const started = log && Date.now();
        let response: Response | undefined;
        let failure: ConnectionError | undefined;
        let delay: number | undefined;
        let sent: Promise<Response> | undefined;
        // The pause before the next attempt (the backoff unless given), when another attempt fits before the deadline.
        const pause = (ms = Math.min(o.maxMs, o.baseMs * 2 ** attempt) * (1 - Math.random() / 4)) =>
          Date.now() + ms < end ? ms : undefined;
        const timer =
          limit < 1 / 0
            ? setTimeout(() => {
                timedOut = limit;
                attemptController.abort();
                stop();
              }, limit)
            : undefined;
        try {
          if (init) {
            init.signal = attemptController.signal;
            sent = send(url, init);
          } else {
            // A new Request with the key: a `fetch` that takes one argument, as openapi-fetch's does, gets everything.
            const r = retries && request?.body ? (request as Request).clone() : (request as Request);
            sent = send(new Request(r, { headers, signal: attemptController.signal }));
          }
          // The answer and its body, unless it is to be retried. The attempt's timer and the
          // caller's signal end the wait (`stop`) even when a custom `fetch` ignores the signal.
          response = await new Promise<Response>((resolve, reject) => {
            stop = reject;
            (sent as Promise<Response>).then((r) => {
              const { status } = r;
              if (attempt < retries && (status === 429 || status >= 500)) {
                // A Retry-After over 60 s ends the retries.
                const after = retryAfterMs(r.headers);
                delay = pause((after as number) > 60_000 ? 1 / 0 : after);
                if (delay !== undefined) return resolve(r);
              }
              // An answer after the attempt gave up is left to `discard`. 204 and 205 have no body;
              // anything else is read whole, whatever Content-Length says.
              if (attemptController.signal.aborted) return;
              if (status === 204 || status === 205) {
                state.body = "";
                return resolve(r);
              }
              r.text().then((text) => {
                state.body = text;
                resolve(r);
              }, reject);
            }, reject);
          });
        } catch (error) {
          // An answer that comes after its attempt gave up is not going to be read.
          sent?.then(discard, ignore);
          if (signal?.aborted) throw aborted(signal.reason);
          failure = timedOut
            ? new TimeoutError(method, pathOf(url), undefined, timedOut, timedOut < timeout || !timeout)
            : new ConnectionError(method, pathOf(url), scrub(error, apiKey));
          delay = attempt < retries ? pause() : undefined;
        } finally {
          clearTimeout(timer);
          // Its request is over (answered, failed or aborted): the signal can serve another, unless it fired.
          if (reuse && slot[1]++ < 32 && !attemptController.signal.aborted) idle.push(slot);
          controller = undefined;
        }
        const outcome = response?.status ?? failure?.kind;
        log?.debug?.(`propelauth ${method} ${pathOf(url)}: ${outcome}, ${Date.now() - (started as number)} ms, attempt ${attempt + 1}`);
        if (delay === undefined) {
          if (!response) throw failure;
          // The path-based client gets a response with the body that was read: openapi-fetch parses that.
          const result = state.reads ? response : new Response(state.body || null, response);
          // A DELETE answered 404 after an attempt that may have deleted it: `errorFromResponse` says so.
          if (maybeDone && method === "DELETE" && response.status === 404) Object.defineProperty(result, MAYBE_DONE, { value: true });
          return result;
        }
        maybeDone ||= !response || response.status >= 500;
        // Free the connection; not awaited, since a cloned (teed) body resolves its cancel only when every branch is cancelled.
        discard(response);
        log?.warn?.(`propelauth ${method} ${pathOf(url)}: ${outcome}, retry ${attempt + 1} of ${retries} in ${Math.round(delay)} ms`);
        // The pause before the next attempt, which the caller's signal ends.
        await new Promise((resolve, reject) => {
          const pause = setTimeout(resolve, delay);
          stop = (error) => {
            clearTimeout(pause);
            reject(error);
          };
        });
      }
    } finally {
      signal?.removeEventListener("abort", abort);
    }
  };
}

/** The runtime's error, unless its message, stack or cause mentions the key: then a copy without it. */
function scrub(error: unknown, apiKey: string): unknown {
  const e = error as { message?: unknown; stack?: unknown; cause?: { message?: unknown } } | null;
  const text = `${error} ${e?.stack} ${e?.cause?.message}`;
  return text.includes(apiKey) ? new Error(`${e?.message ?? error}`.replaceAll(apiKey, "[redacted]")) : error;
}
