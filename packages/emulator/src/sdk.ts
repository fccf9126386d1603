/**
 * Points the official PropelAuth SDKs for Node (`@propelauth/node`, `@propelauth/express`, … which
 * all call `https://propelauth-api.com` through the global `fetch`) at the emulator: requests to
 * that host go to `emulatorUrl` instead, with the same path, headers and body. Returns a function
 * that restores the previous `fetch`.
 *
 * ```ts
 * const undo = routePropelAuthApiTo("http://127.0.0.1:4010");
 * const auth = initBaseAuth({ authUrl: "http://127.0.0.1:4010", apiKey });
 * ```
 */
export function routePropelAuthApiTo(emulatorUrl: string, apiOrigin = "https://propelauth-api.com"): () => void {
  const previous = globalThis.fetch;
  const target = new URL(emulatorUrl);
  const routed: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== apiOrigin) return previous(request);
    return previous(new Request(new URL(`${url.pathname}${url.search}`, target), request));
  };
  globalThis.fetch = routed;
  return () => {
    if (globalThis.fetch === routed) globalThis.fetch = previous;
  };
}
