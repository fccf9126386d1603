/**
 * Rows that hot paths (fetch a user, validate an API key) read on every request, held until the
 * next write: Project clears it around every write, so it never serves stale data.
 */
export class RowCache {
  // One map per kind of value, keyed by id: no key string is built per lookup, and an id taken
  // from a cached row hashes once (a string keeps its hash).
  private readonly kinds = new Map<string, Map<string, unknown>>();
  private size = 0;

  /** A value of `kind` (such as "user") for `id`, computed once until the next write. */
  get<T>(kind: string, id: string, compute: () => T): T {
    const cached = this.kinds.get(kind);
    const hit = cached?.get(id);
    if (hit !== undefined || cached?.has(id)) return hit as T;
    const value = compute();
    if (this.size >= 20_000) this.clear();
    // Looked up again: compute() may have cleared the cache (its own lookups fill it too).
    let values = this.kinds.get(kind);
    if (!values) {
      values = new Map();
      this.kinds.set(kind, values);
    }
    values.set(id, value);
    this.size++;
    return value;
  }

  clear(): void {
    this.kinds.clear();
    this.size = 0;
  }
}
