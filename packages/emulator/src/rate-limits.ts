// End-user API keys' rate limits: a fixed window per key, counted in memory (a restart or a reset
// starts every window again).
import type { RateLimit } from "./config.js";
import { json } from "./db.js";
import { ApiError } from "./errors.js";

export class RateLimits {
  private windows = new Map<string, { start: number; count: number }>();

  /**
   * Counts a validation against the key's own limit, or `fallback` (the project's); throws 429
   * with `wait_seconds` when over. `now` in seconds, with fractions.
   */
  take(key: { api_key_id: string; rate_limit: string | null }, fallback: RateLimit | null, now: number) {
    const limit = json.parse<RateLimit | null>(key.rate_limit, null) ?? fallback;
    if (!limit) return;
    const id = String(key.api_key_id);
    let window = this.windows.get(id);
    if (!window || now >= window.start + limit.windowSeconds) {
      window = { start: now, count: 0 };
      this.windows.set(id, window);
    }
    if (window.count >= limit.limit) {
      const wait = Math.max(0, Math.round((window.start + limit.windowSeconds - now) * 1000) / 1000);
      throw new ApiError(429, {
        wait_seconds: wait,
        user_facing_error: `Too many requests. Please try again in ${Math.ceil(wait)} seconds.`,
        error_code: "rate_limited",
      });
    }
    window.count++;
  }

  clear() {
    this.windows.clear();
  }
}
