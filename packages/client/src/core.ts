// What a client is to the named operations: a base URL, default headers and the transport,
// under a symbol key. `createOperationClient` makes just that (the smallest bundle);
// `createClient` adds the openapi-fetch path-based methods on top.
import { InvalidRequestError } from "./errors.js";
import { type PropelAuthClientOptions, resolveOptions } from "./options.js";
import { createTransport, type Transport } from "./transport.js";

/** Shared by the ESM and CJS builds, so a client of one works with the operations of the other. */
export const CORE: unique symbol = Symbol.for("@propelauth-openapi/client") as never;

export interface Core {
  base: string;
  /** The Auth URL's origin (the issuer of the environment's access tokens), whatever the routing. */
  auth: string;
  headers: Record<string, string>;
  send: Transport;
}

/** A client the named operations accept: from `createClient` or `createOperationClient`. */
export interface OperationClient {
  readonly [CORE]: Core;
}

export function createCore(options: PropelAuthClientOptions): Core {
  const resolved = resolveOptions(options);
  return {
    base: resolved.origins[resolved.routing],
    auth: resolved.origins["auth-url"],
    headers: { ...options.headers },
    // The key lives only in the transport's closure: it is never a property of the client or
    // of an object that could be logged.
    send: createTransport(resolved, options.apiKey),
  };
}

/** Attaches the core to a client object, hidden from enumeration, `JSON.stringify` and `util.inspect`. */
export function withCore<T extends object>(target: T, core: Core): T & OperationClient {
  return Object.defineProperty(target, CORE, { value: core }) as T & OperationClient;
}

/**
 * A client for the named operations only, without the path-based `GET`/`POST` methods (and
 * without openapi-fetch in the bundle). Same options and checks as `createClient`.
 */
export function createOperationClient(options: PropelAuthClientOptions): OperationClient {
  return withCore({}, createCore(options));
}

/** The error for a bad per-call or per-request option (`timeout`, `baseUrl`, …). */
export const optionError = (option: string, rule: string) => new InvalidRequestError(`option \`${option}\` ${rule}`);

/**
 * Fills `{name}` placeholders with the encoded parameter. A value that could change the path
 * is refused before anything is sent: a missing or empty value, `.` or `..` (which URL parsers
 * resolve even when percent-encoded), or an object. Everything else is percent-encoded, so `/`,
 * `?` and `#` stay inside their segment.
 */
export function pathSerializer(pathname: string, params: Record<string, unknown> = {}): string {
  return !pathname.includes("{")
    ? pathname
    : pathname.replace(/\{([^{}]+)\}/g, (_, name: string) => {
        const value = params[name];
        const text = /^[sbn]/.test(typeof value) ? String(value) : "";
        if (text === "" || text === "." || text === "..") {
          throw new InvalidRequestError(`path parameter ${name} must not be empty, "." or ".."`);
        }
        return encodeURIComponent(text);
      });
}

/**
 * `?a=1&b=x&list=1&list=2`, as openapi-fetch does by default (form style, exploded arrays).
 * Values of only letters, digits and `_.~@:-` go as they are (the query allows them, and
 * `encodeURIComponent` is a tenth of a call's time on Bun); anything else is percent-encoded.
 */
export function queryString(query: Record<string, unknown> = {}): string {
  let out = "";
  for (const name in query) {
    const value = query[name];
    for (const v of Array.isArray(value) ? value : [value])
      if (v != null) out += `${out ? "&" : "?"}${name}=${/^[\w.~@:-]*$/.test(v) ? v : encodeURIComponent(String(v))}`;
  }
  return out;
}
