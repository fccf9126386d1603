// How the Go and Rust SDKs encode query strings, to check that each transcribed case is in the
// form the SDK's code produces.

/** Go's url.Values.Encode(): keys sorted, each key and value url.QueryEscape'd. */
export function goEncode(pairs: [string, string][]): string {
  const encodePart = (s: string) =>
    [...new TextEncoder().encode(s)]
      .map((b) => {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
        return c === " " ? "+" : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
      })
      .join("");
  return [...pairs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`)
    .join("&");
}

/** reqwest's .query() (serde_urlencoded, form_urlencoded::byte_serialize), pairs in call order. */
export function rustEncode(pairs: [string, string][]): string {
  const encodePart = (s: string) =>
    [...new TextEncoder().encode(s)]
      .map((b) => {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9*\-._]/.test(c)) return c;
        return c === " " ? "+" : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
      })
      .join("");
  return pairs.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join("&");
}

/** The decoded pairs of a raw query string, in order. */
export function pairsOf(query: string): [string, string][] {
  return [...new URLSearchParams(query)];
}
