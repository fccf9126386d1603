// What one step of the scenario ended in, made comparable across two emulators: ids, keys,
// tokens and URLs are replaced by placeholders numbered in order of first appearance on each side.

const RANDOM =
  /eyJ[\w-]*\.[\w-]*\.[\w-]*|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|(?<![0-9a-f])[0-9a-f]{24,}(?![0-9a-f])|https?:\/\/127\.0\.0\.1:\d+|127\.0\.0\.1:\d+/gi;

export class Normaliser {
  private readonly seen = new Map<string, string>();

  text(value: string): string {
    return value.replace(RANDOM, (m) => {
      if (/^https?:|^127/.test(m)) return "<emulator>";
      if (!this.seen.has(m)) this.seen.set(m, `<${this.seen.size}>`);
      return this.seen.get(m) as string;
    });
  }

  /** A JSON-like copy: class instances keep their class name, keys and strings are normalised. */
  value(value: unknown, depth = 0): unknown {
    if (depth > 20) return "<deep>";
    if (typeof value === "string") return this.text(value);
    if (typeof value !== "object" || value === null) return value;
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth + 1));
    const out: Record<string, unknown> = {};
    const name = value.constructor?.name;
    // The official bundle names two classes `_OrgMemberInfo` and `_UserClass` (its bundler's rename for a static self-reference).
    if (name && name !== "Object") out.__class = name.replace(/^_/, "");
    // Keys in a stable order: by their normalised form (ids first seen here are numbered in insertion order).
    const keys = Object.keys(value).map((k) => [this.text(k), k] as const);
    keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [normal, key] of keys) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v !== "function") out[normal] = this.value(v, depth + 1);
    }
    return out;
  }

  error(error: unknown, how: "sync" | "async"): unknown {
    if (!(error instanceof Error)) return { threw: how, value: this.value(error) };
    const e = error as Error & Record<string, unknown>;
    const own: Record<string, unknown> = {};
    for (const key of Object.keys(e)) own[key] = e[key];
    return { threw: how, class: e.constructor.name, message: this.text(e.message), ...(this.value(own) as object) };
  }
}

/** Calls `fn` and records its result, or the error it threw synchronously or rejected with. */
export async function outcome(n: Normaliser, fn: () => unknown): Promise<unknown> {
  let pending: unknown;
  try {
    pending = fn();
  } catch (error) {
    return n.error(error, "sync");
  }
  const promise = typeof (pending as Promise<unknown>)?.then === "function";
  try {
    return { promise, value: n.value(await pending) };
  } catch (error) {
    return n.error(error, "async");
  }
}
