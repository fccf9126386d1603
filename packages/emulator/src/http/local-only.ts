import type { IncomingMessage } from "node:http";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** Whether a host (as given to --host) is a loopback interface. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The host names the emulator answers to as itself: loopback names, its interface, its Auth URL's host. */
export function ownHostNames(boundHost: string, authUrl: string): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const bound = hostnameOf(boundHost.includes(":") && !boundHost.startsWith("[") ? `[${boundHost}]` : boundHost);
  if (bound && isLoopback(bound)) names.add(bound);
  const auth = hostnameOf(authUrl.replace(/^[a-z]+:\/\//i, ""));
  if (auth) names.add(auth);
  return names;
}

function hostnameOf(authority: string): string | undefined {
  try {
    return new URL(`http://${authority}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Why a request may not reach the local-only endpoints (test helpers, keys, the filled-in Postman
 * environment), or undefined when it may: its Host must be one of the emulator's own names (a
 * DNS-rebinding page sends its own name), and a browser request must come from one of those
 * names too (`Origin`, `Sec-Fetch-Site`).
 */
export function refuseForeign(req: IncomingMessage, own: Set<string>): string | undefined {
  const host = req.headers.host;
  const name = host === undefined ? undefined : hostnameOf(host);
  if (!name || !own.has(name)) return `Host ${JSON.stringify(host ?? "")} is not this emulator's`;
  if (req.headers["sec-fetch-site"] === "cross-site") return "cross-site requests are refused";
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originName: string | undefined;
    try {
      originName = new URL(origin).hostname.toLowerCase();
    } catch {
      originName = undefined;
    }
    if (!originName || !own.has(originName)) return `Origin ${JSON.stringify(origin)} is not this emulator's`;
  }
  return undefined;
}

/** Whether a request's Content-Type is JSON (`application/json`, `application/*+json`). */
export function isJsonContentType(req: IncomingMessage): boolean {
  const type = String(req.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
