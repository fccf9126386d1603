/** How to reach one PropelAuth environment. */
export interface PropelAuthClientOptions {
  /**
   * The environment's Auth URL from the Backend Integration page, such as
   * `https://1581439057.propelauthtest.com` (test) or `https://auth.example.com` (prod).
   */
  authUrl: string | URL;
  /** A backend API key of the same environment. Never an end-user API key. */
  apiKey: string;
  /** A `fetch` to use instead of the global one (for tests, proxies or instrumentation). */
  fetch?: (input: Request) => Promise<Response>;
  /** Headers to send with every request, besides `Authorization`. */
  headers?: Record<string, string>;
  /** Allow a plain `http://` Auth URL on a host other than localhost (off by default). */
  allowInsecureHttp?: boolean;
}

/** Thrown by `createClient` when an option is missing or malformed. */
export class InvalidClientOptionError extends TypeError {
  readonly option: string;
  constructor(option: string, rule: string) {
    super(`createClient: option \`${option}\` ${rule}`);
    this.name = "InvalidClientOptionError";
    this.option = option;
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The base URL requests go to: the Auth URL's origin. */
export function baseUrlOf(options: PropelAuthClientOptions): string {
  const { authUrl } = options;
  if (authUrl === undefined || authUrl === null || authUrl === "") {
    throw new InvalidClientOptionError("authUrl", "is required: the environment's Auth URL, such as https://auth.example.com");
  }
  let url: URL;
  try {
    url = new URL(String(authUrl));
  } catch {
    throw new InvalidClientOptionError("authUrl", "must be an absolute URL with scheme, such as https://auth.example.com");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new InvalidClientOptionError("authUrl", `must use https (got ${url.protocol})`);
  }
  if (url.protocol === "http:" && !LOOPBACK.has(url.hostname) && !options.allowInsecureHttp) {
    throw new InvalidClientOptionError(
      "authUrl",
      "must use https; plain http is allowed only for localhost unless allowInsecureHttp is set",
    );
  }
  if (url.username || url.password) {
    throw new InvalidClientOptionError("authUrl", "must not contain credentials");
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    throw new InvalidClientOptionError("authUrl", "must be the Auth URL's origin, without a path, query or fragment");
  }
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new InvalidClientOptionError("apiKey", "is required: a backend API key of the environment");
  }
  if (/\s/.test(options.apiKey)) {
    throw new InvalidClientOptionError("apiKey", "must not contain whitespace (pass the key alone, without `Bearer `)");
  }
  return url.origin;
}
