import { listOperations, type Operation } from "./operations.js";
import type { OpenApiDocument } from "./types.js";

export type RouteMatch =
  | { kind: "match"; op: Operation; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

interface Route {
  segments: string[];
  literals: number;
  ops: Map<string, Operation>;
}

/**
 * Finds the operation for a method and path. Literal segments win over templated ones
 * (`/user/email` before `/user/{user_id}`), and trailing slashes are exact: `/user/` and `/user`
 * are different paths, as the API has them.
 */
export function createRouter(doc: OpenApiDocument) {
  const routes = new Map<string, Route>();
  for (const op of listOperations(doc)) {
    let route = routes.get(op.path);
    if (!route) {
      const segments = op.path.split("/");
      route = { segments, literals: segments.filter((s) => !s.startsWith("{")).length, ops: new Map() };
      routes.set(op.path, route);
    }
    route.ops.set(op.method.toUpperCase(), op);
  }
  // Most literal segments first, so a literal path is tried before a templated one of the same shape.
  const ordered = [...routes.values()].sort((a, b) => b.literals - a.literals);

  return function match(method: string, pathname: string): RouteMatch {
    const parts = pathname.split("/");
    let allowed: string[] | undefined;
    for (const route of ordered) {
      if (route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = route.segments[i]!;
        const part = parts[i]!;
        if (seg.startsWith("{")) {
          if (part === "") ok = false;
          else {
            try {
              params[seg.slice(1, -1)] = decodeURIComponent(part);
            } catch {
              ok = false;
            }
          }
        } else ok = seg === part;
      }
      if (!ok) continue;
      const op = route.ops.get(method.toUpperCase());
      if (op) return { kind: "match", op, pathParams: params };
      allowed ??= [...route.ops.keys()];
    }
    return allowed ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
  };
}
