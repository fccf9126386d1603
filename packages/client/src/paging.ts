// Auto-paging for the list operations the generator finds in the document (a `page_number`
// parameter and a paged envelope): `for await (const user of queryUsers.iterate(client, {}, { limit: 500 }))`.
import type { OperationClient } from "./core.js";
import { InvalidRequestError } from "./errors.js";
import {
  type CallOptions,
  invalidResponse,
  type LooseInput,
  type Operation,
  type OperationData,
  type OperationInput,
  send,
} from "./operation.js";

/** The most items one iteration may fetch. */
export const MAX_PAGING_LIMIT = 10_000;

/** Options of `.iterate()` and `.all()`: a required `limit` and the usual call options. */
export interface PageOptions extends CallOptions {
  /** The most items to yield, from 1 to 10 000. Required, so a loop can never run away. */
  limit: number;
}

/** The items of one page of a paged operation. */
export type PageItem<Op, K extends string> = OperationData<Op> extends Record<K, readonly (infer I)[]> ? I : never;

/** What `.all()` resolves: the items, and whether it stopped at `limit` while more were left. */
export type PageItems<T> = T[] & {
  /** True when the walk stopped at `limit` and the API had more items: raise the limit or narrow the query to see them. */
  truncated: boolean;
};

/** A generated operation that returns pages, with iterators over its items. */
export interface PagedOperation<Op, K extends string> extends Operation<Op> {
  /**
   * Every item of every page, fetched page by page from `page_number` (default 0), at most
   * `limit` of them. Pages are as large as the API allows unless the input sets `page_size`.
   * The iterator's return value (`done: true`) says whether it stopped at `limit` with more left.
   */
  iterate(client: OperationClient, input: OperationInput<Op>, options: PageOptions): AsyncGenerator<PageItem<Op, K>, boolean, undefined>;
  /** The items of `iterate`, in one array, with `truncated` set when it stopped at `limit` and more were left. */
  all(client: OperationClient, input: OperationInput<Op>, options: PageOptions): Promise<PageItems<PageItem<Op, K>>>;
  /** The envelope property that holds the items. */
  readonly items: K;
}

type Loose = Record<string, unknown>;

/**
 * Adds `iterate` and `all` to a generated operation. `items` names the array in the envelope,
 * `where` says whether paging parameters go in the query or the body, `maxPageSize` is the
 * largest `page_size` the document allows.
 */
export function paged<Op, K extends string>(
  operation: Operation<Op>,
  items: K,
  where: "query" | "body",
  maxPageSize?: number,
): PagedOperation<Op, K> {
  const { method, path } = operation;

  async function* pages(client: OperationClient, input: LooseInput, options: PageOptions, limit: number) {
    const params = (input[where] ?? {}) as Loose;
    let page = Number(params.page_number ?? 0);
    const size = params.page_size ?? (maxPageSize && Math.min(maxPageSize, limit));
    let yielded = 0;
    for (;;) {
      const result = await send(
        client,
        method,
        path,
        false,
        { ...input, [where]: { ...params, page_number: page, page_size: size } },
        options,
      );
      if (result.error) throw result.error;
      const data = result.data as Loose;
      const list = data?.[items];
      if (!Array.isArray(list)) throw invalidResponse(result.response as Response, data, method, path, `body has no ${items} list`);
      const more = list.length > 0 && hasMore(data, page, list.length, Number(size));
      for (let i = 0; i < list.length; i++) {
        yield list[i];
        // Stopped by the limit: truncated when this page or the next has more.
        if (++yielded >= limit) return i < list.length - 1 || more;
      }
      if (!more) return false;
      page++;
    }
  }

  function iterate(client: OperationClient, input: LooseInput | undefined, options: PageOptions) {
    const limit = options?.limit;
    if (!(Number.isInteger(limit) && limit > 0 && limit <= MAX_PAGING_LIMIT)) {
      throw new InvalidRequestError(`paging ${path} needs a limit from 1 to ${MAX_PAGING_LIMIT}`);
    }
    return pages(client, input ?? {}, options, limit);
  }

  async function all(client: OperationClient, input: LooseInput | undefined, options: PageOptions) {
    const list: unknown[] = [];
    const walk = iterate(client, input, options);
    for (let step = await walk.next(); ; step = await walk.next()) {
      if (step.done) return Object.assign(list, { truncated: step.value });
      list.push(step.value);
    }
  }

  return Object.assign(operation, { iterate, all, items }) as unknown as PagedOperation<Op, K>;
}

/**
 * Whether another page follows: `has_more_results` when the envelope has it; else the `total_*`
 * count against the pages seen (SCIM groups); else whether this page was full.
 */
function hasMore(data: Loose, page: number, count: number, requested: number): boolean {
  if (typeof data.has_more_results === "boolean") return data.has_more_results;
  const size = Number(data.page_size ?? requested) || count;
  const total = Object.keys(data).find((key) => key.startsWith("total"));
  return total ? (page + 1) * size < Number(data[total]) : count >= size;
}
