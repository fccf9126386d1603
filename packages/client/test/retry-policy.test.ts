// The retry policy on its own (src/retry.ts): which requests are retried, after which answers, and
// how long the client waits first. retries.test.ts checks the same rules through real calls.
import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_MS, pauseBefore, retriesFor, retryable } from "../src/retry.js";

const backoff = { baseMs: 500, maxMs: 8000 };

describe("the retry policy", () => {
  it("retries GET, HEAD, OPTIONS, PUT and DELETE, never POST or PATCH", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]) expect(retriesFor(method, 2), method).toBe(2);
    for (const method of ["POST", "PATCH"]) expect(retriesFor(method, 2), method).toBe(0);
  });

  it("retries 429 and 5xx answers, no other", () => {
    expect([429, 500, 502, 503, 599].every(retryable)).toBe(true);
    expect([200, 204, 400, 401, 403, 404, 426, 428].some(retryable)).toBe(false);
  });

  it("pauses baseMs × 2^attempt capped at maxMs, less up to 25 %", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => pauseBefore(n, backoff, 1 / 0, undefined, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(pauseBefore(0, backoff, 1 / 0, undefined, 0.999_999)).toBeCloseTo(375, 3);
    expect(pauseBefore(4, backoff, 1 / 0, undefined, 0.5)).toBe(7000);
  });

  it("Retry-After replaces the backoff; over 60 s, or past the deadline, there is no retry", () => {
    expect(pauseBefore(3, backoff, 1 / 0, 0)).toBe(0);
    expect(pauseBefore(0, backoff, 1 / 0, 30_000)).toBe(30_000);
    expect(pauseBefore(0, backoff, 1 / 0, MAX_RETRY_AFTER_MS)).toBe(MAX_RETRY_AFTER_MS);
    expect(pauseBefore(0, backoff, 1 / 0, MAX_RETRY_AFTER_MS + 1)).toBeUndefined();
    expect(pauseBefore(0, backoff, 2000, 2000)).toBeUndefined();
    expect(pauseBefore(0, backoff, 2001, 2000)).toBe(2000);
    expect(pauseBefore(2, backoff, 1999, undefined, 0)).toBeUndefined();
  });
});
