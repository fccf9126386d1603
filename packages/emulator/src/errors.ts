/** An answer other than success, thrown by handlers and turned into a response by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${status} ${typeof body === "object" ? JSON.stringify(body) : String(body)}`);
  }
}

/** 400 with the API's field-error map. */
export const badRequest = (field: string, message: string): ApiError => new ApiError(400, { [field]: [message] });

/** 404: the entity named in the path or body does not exist. */
export const notFound = (what: string): ApiError => new ApiError(404, { error: `${what} not found` });

/** A coded step-up MFA error. */
export const stepUpError = (status: number, code: string, message: string, fields?: Record<string, string>): ApiError =>
  new ApiError(status, {
    error_code: code,
    user_facing_error: message,
    ...(fields ? { field_errors: fields, user_facing_errors: Object.fromEntries(Object.keys(fields).map((k) => [k, message])) } : {}),
  });
