import { listOperations, type Operation } from "./operations.js";
import type { OpenApiDocument } from "./types.js";

export type RouteMatch =
  | { kind: "match"; op: Operation; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

interface Route {
  segments: string[];
  ops: Map<string, Operation>;
}

/** Orders routes so that, at the first segment where two differ, a literal comes before a template. */
function bySpecificity(a: Route, b: Route): number {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const literalA = !a.segments[i]!.startsWith("{");
    const literalB = !b.segments[i]!.startsWith("{");
    if (literalA !== literalB) return literalA ? -1 : 1;
  }
  return 0;
}

/**
 * Finds the operation for a method and path. The most specific path wins: at the first segment
 * where two paths differ, a literal beats a template (`/user/email` before `/user/{user_id}`).
 * Trailing slashes are exact: `/user/` and `/user` are different paths, as the API has them.
 */
export function createRouter(doc: OpenApiDocument) {
  const routes = new Map<string, Route>();
  for (const op of listOperations(doc)) {
    let route = routes.get(op.path);
    if (!route) {
      const segments = op.path.split("/");
      route = { segments, ops: new Map() };
      routes.set(op.path, route);
    }
    route.ops.set(op.method.toUpperCase(), op);
  }
  // Routes by their number of segments, each list most specific first (only those can match).
  const bySegments = new Map<number, Route[]>();
  for (const route of [...routes.values()].sort(bySpecificity)) {
    const list = bySegments.get(route.segments.length) ?? [];
    list.push(route);
    bySegments.set(route.segments.length, list);
  }

  return function match(method: string, pathname: string): RouteMatch {
    const parts = pathname.split("/");
    for (const route of bySegments.get(parts.length) ?? []) {
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = route.segments[i]!;
        const part = parts[i]!;
        if (!seg.startsWith("{")) ok = seg === part;
        else if (part === "") ok = false;
        else {
          try {
            params[seg.slice(1, -1)] = decodeURIComponent(part);
          } catch {
            ok = false;
          }
        }
      }
      if (!ok) continue;
      // The most specific path decides; another method there is a 405, not a match elsewhere.
      const op = route.ops.get(method.toUpperCase());
      return op ? { kind: "match", op, pathParams: params } : { kind: "method-not-allowed", allowed: [...route.ops.keys()] };
    }
    return { kind: "not-found" };
  };
}
