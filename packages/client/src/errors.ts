// The errors every call can end in. Each is a `PropelAuthError` with a `kind` to switch on
// (stable across the ESM and CJS builds, where `instanceof` is not), the HTTP `status` when the
// server answered, its request id and the parsed body. None of them holds the request, its
// headers or the API key.

/** What went wrong; the class is the kind in PascalCase plus `Error` (`not_found` → `NotFoundError`). */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "upgrade_required"
  | "rate_limit"
  | "maybe_deleted"
  | "server"
  | "api"
  | "connection"
  | "timeout"
  | "abort"
  | "invalid_request"
  | "invalid_response";

/** The API's 400 body: each request field with what is wrong with it. */
export type FieldErrors = Record<string, string[]>;

interface Details {
  status?: number;
  requestId?: string;
  body?: unknown;
  method?: string;
  path?: string;
  cause?: unknown;
}

/** The base of every error the client throws or returns. */
export class PropelAuthError extends Error {
  /** Which error this is. Prefer it to `instanceof` in code that may load both builds. */
  declare readonly kind: ErrorKind;
  /** The HTTP status, when the server answered. */
  declare readonly status: number | undefined;
  /** The server's request id (`x-request-id` and similar headers), for support tickets. */
  declare readonly requestId: string | undefined;
  /** The response body: parsed JSON, text, or undefined when empty. */
  declare readonly body: unknown;
  /** The request's method and path template (never its query string, headers or body). */
  declare readonly method: string | undefined;
  declare readonly path: string | undefined;

  constructor(kind: ErrorKind, message: string, { cause, ...details }: Details = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = `${kind.replace(/(?:^|_)(\w)/g, (_, c: string) => c.toUpperCase())}Error`;
    Object.assign(this, { kind }, details);
  }
}

/** Marks a 404 answered to a retried DELETE whose earlier attempt may have deleted it (shared by both builds). */
export const MAYBE_DONE: unique symbol = Symbol.for("@propelauth-openapi/client.maybe-done") as never;
const maybeDone = (response: Response) => (response as { [MAYBE_DONE]?: boolean })[MAYBE_DONE];

const record = (body: unknown) =>
  (typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/** The server answered with a status outside 2xx; the subclass follows the status. */
export class ApiError extends PropelAuthError {
  declare readonly status: number;
  /** The response headers. */
  declare readonly headers: Headers;
  /** `error_code` from the body, when it has one (step-up MFA, rate limits). */
  declare readonly errorCode: string | undefined;
  /** `user_facing_error` from the body, when it has one: safe to show to an end user. */
  declare readonly userFacingError: string | undefined;

  constructor(response: Response, body: unknown, method: string, path: string) {
    const { status, headers } = response;
    const requestId = requestIdOf(headers);
    const fields = record(body);
    const userFacingError = str(fields.user_facing_error);
    const detail = userFacingError ?? (typeof body === "string" ? body : (JSON.stringify(body) ?? "")).slice(0, 300);
    const maybe = maybeDone(response);
    super(
      classify(response)[0],
      `PropelAuth API ${method} ${path}: ${status}${detail ? ` ${detail}` : ""}${requestId ? ` (request id ${requestId})` : ""}${maybe ? "; an earlier attempt may have deleted it" : ""}`,
      { status, requestId, body, method, path },
    );
    Object.assign(this, { headers, errorCode: str(fields.error_code), userFacingError });
  }
}

/** 400: the request was refused; `fieldErrors` says which field and why. */
export class BadRequestError extends ApiError {
  declare readonly kind: "bad_request";
  /** Field name → messages. Empty when the body was not a field-error map. */
  readonly fieldErrors: FieldErrors = fieldErrorsOf(this.body);
}

/**
 * 401: the backend API key is missing, wrong, or of another environment, or it lacks a permission
 * this operation needs (its kind does not hold it, or a Custom key was not given it). The API
 * answers both with 401; `body` holds its message.
 */
export class UnauthorizedError extends ApiError {
  declare readonly kind: "unauthorized";
}

/**
 * 403: the operation refused this request for a reason other than the key: Create Access Token
 * for a user who may not have one, or a step-up MFA coded error (`errorCode` `feature_gated`, or
 * `unauthorized`, which means the key may not call it, as a 401 does elsewhere).
 */
export class ForbiddenError extends ApiError {
  declare readonly kind: "forbidden";
}

/** 404: the user, organization, key or other entity does not exist. */
export class NotFoundError extends ApiError {
  declare readonly kind: "not_found";
}

/** 426: the feature is not enabled for the project (organizations / B2B, for instance). */
export class UpgradeRequiredError extends ApiError {
  declare readonly kind: "upgrade_required";
}

/**
 * 426 from this API: organizations (B2B) are not enabled for the project, and the operation reads or
 * changes organizations, memberships, invitations, role mappings, enterprise SSO or SCIM. Enable
 * organizations in the dashboard. A subclass of `UpgradeRequiredError` (same `kind`).
 */
export class OrganizationsNotEnabledError extends UpgradeRequiredError {
  /** The feature the project lacks. */
  readonly feature = "organizations" as const;
  constructor(response: Response, body: unknown, method: string, path: string) {
    super(response, body, method, path);
    this.name = "OrganizationsNotEnabledError";
  }
}

/** 429: rate limited. Idempotent requests were retried before this was thrown. */
export class RateLimitError extends ApiError {
  declare readonly kind: "rate_limit";
  /** Seconds from the `Retry-After` header, when it had one. */
  readonly retryAfter: number | undefined = ((ms) => (ms === undefined ? ms : ms / 1000))(retryAfterMs(this.headers));
  /** `wait_seconds` from the body (an end-user API key's own rate limit), when it had one. */
  readonly waitSeconds: number | undefined = ((w) => (typeof w === "number" ? w : undefined))(record(this.body).wait_seconds);
}

/** 5xx: the server failed. Idempotent requests were retried before this was thrown. */
export class ServerError extends ApiError {
  declare readonly kind: "server";
}

/**
 * 404 to a DELETE that was retried after an attempt got no answer or a 5xx: that attempt may have
 * deleted it. The thing is gone; whether this call removed it, or it never existed, is unknown.
 */
export class MaybeDeletedError extends ApiError {
  declare readonly kind: "maybe_deleted";
}

/** No response: DNS, refused or reset connection, TLS, a body that broke off. `cause` holds the runtime's error. */
export class ConnectionError extends PropelAuthError {
  declare readonly kind: "connection" | "timeout";
  constructor(method: string, path: string, cause?: unknown, ms?: number, deadline?: number) {
    super(
      ms === undefined ? "connection" : "timeout",
      `PropelAuth API ${method} ${path}: ${ms === undefined ? "could not connect" : deadline ? `no answer within the ${deadline} ms deadline (the last attempt had ${ms} ms)` : `no answer in ${ms} ms`}`,
      { method, path, cause },
    );
  }
}

/** An attempt took longer than the `timeout` option, or the call reached its `deadline`. A subclass of `ConnectionError`. */
export class TimeoutError extends ConnectionError {
  declare readonly kind: "timeout";
}

/** The caller's `AbortSignal` fired. */
export class AbortError extends PropelAuthError {
  declare readonly kind: "abort";
  constructor(method: string, path: string, cause: unknown) {
    super("abort", `PropelAuth API ${method} ${path}: aborted`, { method, path, cause });
  }
}

/** Refused before anything was sent: a bad path parameter, paging limit or request option. */
export class InvalidRequestError extends PropelAuthError {
  declare readonly kind: "invalid_request";
  constructor(message: string) {
    super("invalid_request", message);
  }
}

/** A 2xx response whose body is not what the document says (not JSON, or no list to page through). */
export class InvalidResponseError extends PropelAuthError {
  declare readonly kind: "invalid_response";
}

/** The statuses with an error of their own: its kind and class (the rest: `classify`). */
const BY_STATUS: Record<number, [ErrorKind, typeof ApiError]> = {
  400: ["bad_request", BadRequestError],
  401: ["unauthorized", UnauthorizedError],
  403: ["forbidden", ForbiddenError],
  404: ["not_found", NotFoundError],
  // Every 426 the document describes is "organizations not enabled" (same kind as its parent).
  426: ["upgrade_required", OrganizationsNotEnabledError],
  429: ["rate_limit", RateLimitError],
};

/** The kind and class of the error for an answer: the one place a status becomes an error. */
function classify(response: Response): [ErrorKind, typeof ApiError] {
  if (maybeDone(response)) return ["maybe_deleted", MaybeDeletedError];
  return BY_STATUS[response.status] ?? (response.status >= 500 ? ["server", ServerError] : ["api", ApiError]);
}

/** The typed error for a non-2xx response and its parsed body. */
export function errorFromResponse(response: Response, body: unknown, method: string, path: string): ApiError {
  const Class = classify(response)[1];
  return new Class(response, body, method, path);
}

/** The server's request id, from the first of the usual headers that is present. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? headers.get("cf-ray") ?? undefined;
}

/** Milliseconds from `Retry-After`, as seconds or an HTTP date. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const ms = Number(value) * 1000;
  return ms >= 0 ? ms : Math.max(0, Date.parse(value) - Date.now()) || undefined;
}

/**
 * The field errors of a 400 body: a field-error map (`{ email: ["…"] }`), or the `field_errors`
 * / `field_to_errors` map of a coded error. A single string becomes a one-item list.
 */
export function fieldErrorsOf(body: unknown): FieldErrors {
  const top = record(body);
  const nested = top.field_errors ?? top.field_to_errors;
  const result: FieldErrors = {};
  for (const [field, value] of Object.entries(nested ? record(nested) : top)) {
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) result[field] = value;
    else if (typeof value === "string" && (nested || !/^(error_code|user_facing_error)$/.test(field))) result[field] = [value];
  }
  return result;
}
