/**
 * Rows that hot paths (fetch a user, validate an API key) read on every request, held until the
 * next write: Project clears it around every write, so it never serves stale data.
 */
export class RowCache {
  private readonly values = new Map<string, unknown>();

  /** A value computed once until the next write. */
  get<T>(key: string, compute: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = compute();
    if (this.values.size > 20_000) this.values.clear();
    this.values.set(key, value);
    return value;
  }

  clear(): void {
    this.values.clear();
  }
}
