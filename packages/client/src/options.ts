/** Where requests go: the environment's Auth URL, or PropelAuth's API host with the Auth URL in a header. */
export type Routing = "auth-url" | "propelauth-api";

/** A `fetch` with the standard signature. It is called with a URL string or a `Request`, and an init. */
export type FetchFunction = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** Where the client reports what it does. Lines never contain the API key, headers or bodies. */
export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}

/** Options that can be given per request as well as per client. */
export interface RequestOptions {
  /** Milliseconds one attempt may take, from sending to the end of the body. Default 10 000; 0 turns it off. */
  timeout?: number;
  /**
   * Milliseconds the whole call may take: every attempt, and the waits between them. Default
   * 25 000 (under the 29–30 s after which common gateways give up on your own handler); 0 turns it off.
   */
  deadline?: number;
  /** How many times to retry an idempotent request (GET, PUT, DELETE) after 429, 5xx or a connection failure. Default 2. */
  maxRetries?: number;
  /** Where to send the request. Default `"auth-url"`. */
  routing?: Routing;
}

/** How to reach one PropelAuth environment. */
export interface PropelAuthClientOptions extends RequestOptions {
  /**
   * The environment's Auth URL from the Backend Integration page, such as
   * `https://1581439057.propelauthtest.com` (test) or `https://auth.example.com` (prod).
   */
  authUrl: string | URL;
  /** A backend API key of the same environment. Never an end-user API key. */
  apiKey: string;
  /** A `fetch` to use instead of the global one (for tests, proxies or instrumentation). */
  fetch?: FetchFunction;
  /** Headers to send with every request, besides `Authorization`. */
  headers?: Record<string, string>;
  /** Allow a plain `http://` Auth URL, API host or per-request `baseUrl` on a host other than localhost (off by default). */
  allowInsecureHttp?: boolean;
  /** The host used with `routing: "propelauth-api"`. Default `https://propelauth-api.com`. */
  propelauthApiUrl?: string | URL;
  /**
   * Delays between retries: `baseMs × 2^retry`, capped at `maxMs`, less up to 25 % at random.
   * Default 500 ms and 8 s. A `Retry-After` header of up to 60 s replaces it; a longer one ends the retries.
   */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Receives one line per attempt (debug) and per retry (warn). */
  logger?: Logger;
}

/** Thrown by `createClient` when an option is missing or malformed. */
export class InvalidClientOptionError extends TypeError {
  declare readonly option: string;
  constructor(option: string, rule: string) {
    super(`createClient: option \`${option}\` ${rule}`);
    Object.assign(this, { name: "InvalidClientOptionError", option });
  }
}

/**
 * The origin of an Auth URL, API host or per-request `baseUrl`, checked: absolute https (http on
 * loopback), no path. `fail` makes the error to throw.
 */
export function originOf(value: string | URL, insecure: boolean | undefined, fail: (rule: string) => Error): URL {
  if (!value) throw fail("is required: the Auth URL, such as https://auth.example.com");
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw fail("must be an absolute URL");
  }
  const { protocol } = url;
  if (protocol !== "https:" && (protocol !== "http:" || !(insecure || /^(localhost|127(\.\d+){3}|\[::1\])$/.test(url.hostname))))
    throw fail(`must use https, not ${protocol} (http only on localhost, or with allowInsecureHttp)`);
  if (url.username || url.password || url.pathname !== "/" || url.search || url.hash)
    throw fail("must be an origin, without a path, query or credentials");
  return url;
}

const whole = (value: unknown, max: number) =>
  value === undefined || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max);

/** Checks the per-request options and returns them; `fail` makes the error to throw. */
export function checkRequestOptions<T extends RequestOptions | undefined>(options: T, fail: (option: string, rule: string) => Error): T {
  if (!options) return options;
  for (const name of ["timeout", "deadline"] as const)
    if (!whole(options[name], 2 ** 31 - 1)) throw fail(name, "must be a whole number of ms (0: none)");
  if (!whole(options.maxRetries, 10)) throw fail("maxRetries", "must be a whole number from 0 to 10");
  if (!/^(auth-url|propelauth-api|)$/.test(options.routing ?? "")) throw fail("routing", 'must be "auth-url" or "propelauth-api"');
  return options;
}

/** Everything the transport needs, checked. The API key is kept apart from this object. */
export interface ResolvedOptions {
  /** The origin each routing sends to. */
  origins: Record<Routing, string>;
  /** The Auth URL's hostname, sent as `X-Propelauth-url` with `routing: "propelauth-api"`. */
  authHost: string;
  routing: Routing;
  timeout: number;
  deadline: number;
  maxRetries: number;
  baseMs: number;
  maxMs: number;
  /** The `fetch` option; without it, the global `fetch` as it is at each call (so it can be patched). */
  fetch: FetchFunction | undefined;
  logger: Logger | undefined;
}

export function resolveOptions(options: PropelAuthClientOptions): ResolvedOptions {
  const fail = (option: string, rule: string) => new InvalidClientOptionError(option, rule);
  const { apiKey, fetch, allowInsecureHttp: insecure, backoff } = options;
  const auth = originOf(options.authUrl, insecure, (rule) => fail("authUrl", rule));
  const api = originOf(options.propelauthApiUrl ?? "https://propelauth-api.com", insecure, (rule) => fail("propelauthApiUrl", rule));
  // An empty key fails this too; `Bearer <key>` fails on its space.
  if (typeof apiKey !== "string" || !/^[\x21-\x7e]+$/.test(apiKey))
    throw fail("apiKey", "is required: the backend API key alone, without `Bearer `, whitespace or non-ASCII");
  checkRequestOptions(options, fail);
  if (typeof (fetch ?? globalThis.fetch) !== "function") throw fail("fetch", "must be a function");
  return {
    origins: { "auth-url": auth.origin, "propelauth-api": api.origin },
    authHost: auth.hostname,
    routing: options.routing ?? "auth-url",
    timeout: options.timeout ?? 10_000,
    deadline: options.deadline ?? 25_000,
    maxRetries: options.maxRetries ?? 2,
    baseMs: backoff?.baseMs ?? 500,
    maxMs: backoff?.maxMs ?? 8000,
    fetch,
    logger: options.logger,
  };
}
