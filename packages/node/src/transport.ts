// Every API call of this package goes through the client's named operations (`op.safe`), which
// give the status and the parsed body; the official SDK's status handling is then applied to them.
import type { OperationClient } from "@propelauth-openapi/client";
import { RateLimitedException } from "./exceptions.js";

/** What the official SDK looks at: the status, the body as text, and here the parsed body too. */
export interface Raw {
  status: number;
  text: string;
  data: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: the generated operations are called with loose inputs here
type LooseOperation = { safe(client: OperationClient, input?: any): Promise<any> };

const textOf = (body: unknown) => (body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body));

/**
 * Sends one operation. An HTTP error is an answer like any other (the official SDK decides what it
 * means); no answer at all (connection, timeout, a refused path parameter) rejects with the client's error.
 */
export async function send(client: OperationClient, op: LooseOperation, input?: object): Promise<Raw> {
  const { data, error, response } = await op.safe(client, input);
  if (!error) return { status: response.status, text: textOf(data), data };
  if (typeof error.status !== "number") throw error;
  return { status: error.status, text: textOf(error.body), data: error.body };
}

/** What to do with one status: throw, or answer a value. */
export type OnStatus = Record<number, (raw: Raw) => unknown>;

/**
 * The official SDK's handling of an answer: a 401 is "integrationApiKey is incorrect", a 429 a
 * RateLimitedException with the body, `on` handles the statuses it names, and any other status
 * from 400 up is `new Error(unknown)`. A success goes to `ok`.
 */
export function answer<T>(raw: Raw, ok: (raw: Raw) => T, unknown: string, on: OnStatus = {}): T {
  const handle = on[raw.status] ?? DEFAULTS[raw.status];
  if (handle) return handle(raw) as T;
  if (raw.status >= 400) throw new Error(unknown);
  return ok(raw);
}

const DEFAULTS: OnStatus = {
  401: () => {
    throw new Error("integrationApiKey is incorrect");
  },
  429: (raw) => {
    throw new RateLimitedException(raw.text);
  },
};

/** Throws the error the factory makes (a helper for `on` tables). */
export const raise =
  (make: (raw: Raw) => Error) =>
  (raw: Raw): never => {
    throw make(raw);
  };
/** Answers a constant (a helper for `on` tables). */
export const value =
  <T>(v: T) =>
  (): T =>
    v;

/** The ids the official SDK accepts before sending anything. */
export const isValidId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
export const isValidHex = (id: string) => /^[0-9a-f]{32}$/i.test(id);

/** An end-user API key with or without `Bearer `. */
export const removeBearer = (token: string) => (token?.toLowerCase().startsWith("bearer ") ? token.substring(7) : token);
