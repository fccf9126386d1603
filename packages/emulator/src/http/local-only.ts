import type { IncomingMessage, ServerResponse } from "node:http";
import { send } from "./send.js";

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

/** The lower-case host name of a URL, or undefined when it is not one. */
function urlHostname(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const hostnameOf = (authority: string) => urlHostname(`http://${authority}`);

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
    const originName = urlHostname(origin);
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

/**
 * Refuses (and answers) a request that may not reach a local-only endpoint; true when it did.
 * `holdsKeys` says whether the endpoint, as its router resolves the path, serves a key.
 */
export type LocalOnlyGuard = (req: IncomingMessage, res: ServerResponse, path: string, holdsKeys: boolean) => boolean;

/**
 * The checks of the local-only endpoints: this machine only (403), no key off loopback unless
 * asked (403), and state changes in JSON only (415).
 */
export function createLocalOnlyGuard(o: { host: string; servesKeys: boolean; ownHosts: () => Set<string> }): LocalOnlyGuard {
  return (req, res, path, holdsKeys) => {
    const foreign = refuseForeign(req, o.ownHosts());
    if (foreign) {
      send(res, 403, { error: `Forbidden: ${path} answers only this machine: ${foreign}` });
      return true;
    }
    if (holdsKeys && !o.servesKeys) {
      send(res, 403, { error: `Forbidden: not on loopback (${o.host}), keys are not served; start with --expose-keys to serve them` });
      return true;
    }
    const changesState = req.method !== "GET" && req.method !== "HEAD";
    if (changesState && !isJsonContentType(req)) {
      send(res, 415, { error: "the test helpers take Content-Type: application/json (even with an empty body)" });
      return true;
    }
    return false;
  };
}
