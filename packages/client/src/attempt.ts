// One attempt of a call, and the pause between two: each has its own timer, and either can be ended
// early from outside (the caller's AbortSignal, through `Waiting.stop`). An attempt reads the
// answer's body on its own clock, unless the answer is to be retried; when it settles, its timer
// is cleared and an answer that came too late is discarded, so nothing of it is left behind.

/** What the call is waiting for, as the caller's signal sees it. */
export interface Waiting {
  /** Ends the current attempt or pause: rejects it with `error`. */
  stop: (error?: unknown) => void;
  /** The current attempt's controller: aborting it ends the attempt's request. */
  controller: AbortController | undefined;
}

/** How an attempt ended: with an answer (and its body, unless it is to be retried after `delay` ms), or without. */
export type Outcome =
  | { response: Response; body: string | undefined; delay: number | undefined; error?: undefined }
  | { response?: undefined; error: unknown; timedOut: number };

const ignore = () => {};
/** Frees the connection of an answer nobody is going to read. */
export const discard = (response: Response | undefined) => response?.body?.cancel().catch(ignore);

/**
 * Controllers of attempts that ended without being aborted, kept for later attempts: making an
 * `AbortSignal` costs more (2 µs on Node 20) than the rest of a call's own work. Each serves at
 * most 33 attempts, one at a time, since undici keeps a listener on it for each request until that
 * request is garbage-collected. Not on workerd, which ties such objects to the request that made them.
 */
const idle: [AbortController, number][] = [];
const reuse = globalThis.navigator?.userAgent !== "Cloudflare-Workers";

/**
 * Sends the request with the attempt's own signal, which its timer aborts after `limit` ms. `retryIn`
 * sees the answer first: a pause in ms means it is to be retried, and its body is left unread; else
 * the body is read whole (whatever Content-Length says), except for 204 and 205, which have none.
 * The timer and `waiting.stop` end the wait even when a custom `fetch` ignores its signal.
 */
export async function attempt(
  send: (signal: AbortSignal) => Promise<Response>,
  limit: number,
  retryIn: (response: Response) => number | undefined,
  waiting: Waiting,
): Promise<Outcome> {
  const slot = idle.pop() ?? [new AbortController(), 0];
  const controller = slot[0];
  waiting.controller = controller;
  let timedOut = 0;
  let sent: Promise<Response> | undefined;
  const timer =
    limit < 1 / 0
      ? setTimeout(() => {
          timedOut = limit;
          controller.abort();
          waiting.stop();
        }, limit)
      : undefined;
  try {
    const answer = send(controller.signal);
    sent = answer;
    return await new Promise<Outcome>((resolve, reject) => {
      waiting.stop = reject;
      answer.then((response) => {
        const delay = retryIn(response);
        if (delay !== undefined) return resolve({ response, body: undefined, delay });
        // An answer after the attempt gave up is left to `discard`.
        if (controller.signal.aborted) return;
        const { status } = response;
        if (status === 204 || status === 205) return resolve({ response, body: "", delay });
        response.text().then((body) => resolve({ response, body, delay }), reject);
      }, reject);
    });
  } catch (error) {
    // An answer that comes after its attempt gave up is not going to be read.
    sent?.then(discard, ignore);
    return { error, timedOut };
  } finally {
    clearTimeout(timer);
    // Its request is over (answered, failed or aborted): the signal can serve another, unless it fired.
    if (reuse && slot[1]++ < 32 && !controller.signal.aborted) idle.push(slot);
    waiting.controller = undefined;
  }
}

/** Waits `ms` before the next attempt; `waiting.stop` ends the wait early, with its error. */
export function pause(ms: number, waiting: Waiting): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    waiting.stop = (error) => {
      clearTimeout(timer);
      reject(error);
    };
  });
}
