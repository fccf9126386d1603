/** Paging as the API does it: `page_size` (default 10) and zero-based `page_number`. */
export interface Paging {
  size: number;
  number: number;
  offset: number;
}

const MAX_ROWS = Number.MAX_SAFE_INTEGER;

export function paging(source: Record<string, unknown>, sizeKey = "page_size", numberKey = "page_number"): Paging {
  const size = typeof source[sizeKey] === "number" && (source[sizeKey] as number) > 0 ? (source[sizeKey] as number) : 10;
  const number = typeof source[numberKey] === "number" && (source[numberKey] as number) >= 0 ? (source[numberKey] as number) : 0;
  // Numbers past 2^53 (valid integers for the document) would overflow SQLite's LIMIT/OFFSET: any
  // page that far is past the end.
  return { size: Math.min(size, MAX_ROWS), number, offset: Math.min(size * number, MAX_ROWS) };
}

export function pageInfo(p: Paging, total: number) {
  return { current_page: p.number, page_size: p.size, has_more_results: p.offset + p.size < total };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The value if the body has the field and it is not null. */
export function given<T>(body: Record<string, unknown>, key: string): T | undefined {
  const v = body[key];
  return v === null || v === undefined ? undefined : (v as T);
}

export const has = (body: Record<string, unknown>, key: string): boolean => body[key] !== undefined && body[key] !== null;

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
