// The route of a test-helper request, as the helpers' dispatcher resolves it. The key gate is
// decided on this same route, so that no spelling of a path (`//keys`, `/keys/`) reaches a helper
// by a route the gate did not see.

/** Segments whose next segment is an id (matched as `*`). */
const ID_PARENTS = new Set(["users", "orgs", "api_keys", "links", "oauth_tokens"]);

export interface AdminRoute {
  /** Such as `GET /users/*\/totp`. */
  route: string;
  /** The path's non-empty segments after `/__emulator`. */
  parts: string[];
}

export function adminRoute(method: string, pathname: string): AdminRoute {
  const parts = pathname.split("/").filter(Boolean).slice(1);
  const route = `${method} /${parts.map((p, i) => (i > 0 && ID_PARENTS.has(parts[i - 1]!) ? "*" : p)).join("/")}`;
  return { route, parts };
}

/** Whether the route serves or mints backend keys. */
export const routeHoldsKeys = (r: AdminRoute) => r.parts[0] === "keys";
