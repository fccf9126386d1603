/** Splits a request target into path and query without the cost of a full URL parse. */
export function parseTarget(target: string): URL {
  const q = target.indexOf("?");
  const pathname = q === -1 ? target : target.slice(0, q);
  if (pathname.startsWith("/") && !pathname.startsWith("//") && !pathname.includes("/.") && !pathname.includes("%2")) {
    return {
      pathname,
      search: q === -1 ? "" : target.slice(q),
      searchParams: new URLSearchParams(q === -1 ? "" : target.slice(q + 1)),
    } as URL;
  }
  return new URL(target, "http://emulator.local");
}
