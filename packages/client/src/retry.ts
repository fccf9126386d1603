// When a request is tried again, and how long the client waits first: pure functions of the
// method, the answer's status, the attempt's number and the time left, so the policy reads (and is
// tested) apart from the timers and sockets of the transport.

/** Methods that are safe to repeat. POST and PATCH never are: the first attempt may have done it. */
const IDEMPOTENT = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/;

/** A `Retry-After` longer than this ends the retries instead of holding the call. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** How many retries a request may have: `maxRetries` when its method is safe to repeat, else none. */
export const retriesFor = (method: string, maxRetries: number): number => (IDEMPOTENT.test(method) ? maxRetries : 0);

/** Whether an answer is worth another attempt: 429 and 5xx. */
export const retryable = (status: number): boolean => status === 429 || status >= 500;

/**
 * The pause before the attempt after `attempt` (0 for the first), in ms: the answer's `Retry-After`
 * when it had one (none over 60 s), else `baseMs × 2^attempt` capped at `maxMs`, less up to 25 %
 * (`random` in [0, 1)). `undefined`, meaning no retry, when the next attempt would start after the
 * deadline, `left` ms from now.
 */
export function pauseBefore(
  attempt: number,
  backoff: Backoff,
  left: number,
  retryAfter?: number,
  random = Math.random(),
): number | undefined {
  const ms =
    retryAfter === undefined
      ? Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt) * (1 - random / 4)
      : retryAfter > MAX_RETRY_AFTER_MS
        ? 1 / 0
        : retryAfter;
  return ms < left ? ms : undefined;
}
