// The layer every request goes through: the named operations call it directly, and the
// path-based client has it in openapi-fetch's `fetch` slot (after its middleware, so middleware
// never sees the API key and never runs twice). It adds the key and the routing header, and runs
// each attempt with its own timeout, the caller's AbortSignal and the retry policy.
import { AbortError, ConnectionError, retryAfterMs, TimeoutError } from "./errors.js";
import type { RequestOptions, ResolvedOptions } from "./options.js";

/**
 * Per-request state: from a call to the transport as the `propelauth` property of the request
 * init (openapi-fetch copies unknown init properties onto the request it builds), and back.
 */
export interface CallState extends RequestOptions {
  /** Set by a named operation: the attempt reads the body too, into `body`, on the attempt's clock. */
  reads?: boolean;
  /** Set by the transport when `reads`: the body of the answer returned ("" for 204 and 205). */
  body?: string;
}

/** Headers are a `Headers` from openapi-fetch, or a plain object with lower-case names from the named operations. */
export type Init = RequestInit & { headers: Headers | Record<string, string>; propelauth?: CallState };

/**
 * A request as a URL and the init for `fetch(url, init)`. The named operations send these, and
 * openapi-fetch builds them instead of `Request`s while no middleware is registered: that saves
 * two `Request` constructions per call, which cost more than the rest of the client together.
 */
export interface PlainRequest {
  plain: true;
  url: string;
  method: string;
  init: Init;
}

export const plainRequest = (url: string, init: Init): PlainRequest => ({ plain: true, url, method: init.method ?? "GET", init });

export type Transport = (input: Request | PlainRequest) => Promise<Response>;

/** The path of a URL without its query string, for messages and log lines. */
const pathOf = (url: string) => new URL(url).pathname;

/**
 * How long after a timeout the client's attempts carry an abort signal. Handing `fetch` a signal
 * costs the runtime 2–13 % per request (undici registers listeners and a finalizer for each), so
 * while nothing times out an attempt only races its timer, and an answer that comes too late is
 * discarded. A timeout means the server may be hanging: from then on attempts are really
 * aborted, so that they don't pile up connections.
 */
const ABORT_AFTER_TIMEOUT_MS = 5 * 60_000;

const ignore = () => {};
/** Frees the connection of an answer nobody is going to read. */
const discard = (response: Response | undefined) => response?.body?.cancel().catch(ignore);

/** The transport of one client. `apiKey` stays in this closure and nowhere else. */
export function createTransport(o: ResolvedOptions, apiKey: string): Transport {
  const base = o.routing === "auth-url" ? o.authOrigin : o.apiOrigin;
  let abortUntil = 0;

  return async (input) => {
    const init = "plain" in input ? input.init : undefined;
    let request = init ? undefined : (input as Request & { propelauth?: CallState });
    const state: CallState = (init ? init.propelauth : request?.propelauth) ?? {};
    const { method } = input;
    const routing = state.routing ?? o.routing;
    let url = input.url;
    if (routing !== o.routing) {
      url = (routing === "auth-url" ? o.authOrigin : o.apiOrigin) + url.slice(base.length);
      if (request) request = new Request(url, request);
    }
    const headers = init ? init.headers : (request as Request).headers;
    const set = (name: string, value: string) => {
      if (headers instanceof Headers) headers.set(name, value);
      else headers[name] = value;
    };
    set("authorization", `Bearer ${apiKey}`);
    if (routing === "propelauth-api") set("x-propelauth-url", o.authHost);
    const timeout = state.timeout ?? o.timeout;
    const retries = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/.test(method) ? (state.maxRetries ?? o.maxRetries) : 0;
    const signal = init ? init.signal : (request as Request).signal;
    const log = o.logger;
    const aborted = (reason: unknown) => new AbortError(method, pathOf(url), reason);
    const backoff = (attempt: number) => Math.min(o.maxMs, o.baseMs * 2 ** attempt) * (1 - Math.random() / 4);

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw aborted(signal.reason);
      let expire!: () => void; // set before the timer can fire
      let timedOut = false;
      // After a recent timeout the attempt is also aborted when its time is up.
      const hard = timeout && abortUntil && Date.now() < abortUntil ? new AbortController() : undefined;
      const attemptSignal = hard ? (signal ? AbortSignal.any([signal, hard.signal]) : hard.signal) : signal;
      const timer =
        timeout > 0
          ? setTimeout(() => {
              timedOut = true;
              abortUntil = Date.now() + ABORT_AFTER_TIMEOUT_MS;
              hard?.abort();
              expire();
            }, timeout)
          : undefined;
      const started = log && Date.now();
      let response: Response | undefined;
      let failure: ConnectionError | undefined;
      let delay: number | undefined;
      let sent: Promise<Response> | undefined;
      try {
        if (init) {
          init.signal = attemptSignal;
          sent = (o.fetch ?? fetch)(url, init);
        } else {
          const r = retries && request?.body ? (request as Request).clone() : (request as Request);
          sent = (o.fetch ?? fetch)(r, hard && { signal: attemptSignal as AbortSignal });
        }
        // The answer, and for a named operation its body unless it is to be retried. The attempt's
        // timer ends the wait early (`expire`); an answer that comes later is discarded.
        response = await new Promise<Response>((resolve, reject) => {
          expire = reject;
          (sent as Promise<Response>).then((r) => {
            const { status } = r;
            if (attempt < retries && (status === 429 || status >= 500)) {
              const after = retryAfterMs(r.headers);
              delay = after === undefined ? backoff(attempt) : after <= 60_000 ? after : undefined;
              if (delay !== undefined) return resolve(r);
            }
            if (!state.reads || timedOut) return resolve(r);
            // 204 and 205 have no body; anything else is read whole, whatever Content-Length says.
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
          ? new TimeoutError(method, pathOf(url), undefined, timeout)
          : new ConnectionError(method, pathOf(url), scrub(error, apiKey));
        if (attempt < retries) delay = backoff(attempt);
      } finally {
        clearTimeout(timer);
      }
      const outcome = response?.status ?? failure?.kind;
      log?.debug?.(`propelauth ${method} ${pathOf(url)}: ${outcome}, ${Date.now() - (started as number)} ms, attempt ${attempt + 1}`);
      if (delay === undefined) {
        if (!response) throw failure;
        return response;
      }
      // Free the connection; not awaited, since a cloned (teed) body resolves its cancel only when every branch is cancelled.
      discard(response);
      log?.warn?.(`propelauth ${method} ${pathOf(url)}: ${outcome}, retry ${attempt + 1} of ${retries} in ${Math.round(delay)} ms`);
      // The wait before the next attempt, which the caller's signal ends.
      await new Promise((resolve, reject) => {
        const stop = () => reject(aborted(signal?.reason));
        if (signal?.aborted) stop();
        signal?.addEventListener("abort", stop);
        setTimeout(() => resolve(signal?.removeEventListener("abort", stop)), delay);
      });
    }
  };
}

/** The runtime's error, unless its message, stack or cause mentions the key: then a copy without it. */
function scrub(error: unknown, apiKey: string): unknown {
  const e = error as { message?: unknown; stack?: unknown; cause?: { message?: unknown } } | null;
  const text = `${error} ${e?.stack} ${e?.cause?.message}`;
  return text.includes(apiKey) ? new Error(`${e?.message ?? error}`.replaceAll(apiKey, "[redacted]")) : error;
}
