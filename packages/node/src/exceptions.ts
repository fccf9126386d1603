// The exception classes of @propelauth/node 2.1.36, with the same names, constructors and fields.
// Most take the API's error body as their message and parse it into `fieldToErrors`, as the
// official ones do (so a body that is not JSON makes the constructor throw a SyntaxError there too).

/** A map of request field → error messages, parsed from the API's 400 body. */
// biome-ignore lint/suspicious/noExplicitAny: the official type is `{ [field: string]: string[] }` read loosely
type FieldErrors = any;

abstract class FieldErrorsException extends Error {
  readonly fieldToErrors: FieldErrors;
  constructor(message: string) {
    super(message);
    this.fieldToErrors = JSON.parse(message);
  }
}

export class CreateUserException extends FieldErrorsException {}
export class MigrateUserException extends FieldErrorsException {}
export class MigrateUserPasswordException extends FieldErrorsException {}
export class CreateOrgException extends FieldErrorsException {}
export class AddUserToOrgException extends FieldErrorsException {}
export class ChangeUserRoleInOrgException extends FieldErrorsException {}
export class RemoveUserFromOrgException extends FieldErrorsException {}
export class UpdateOrgException extends FieldErrorsException {}
export class RevokePendingOrgInviteException extends FieldErrorsException {}
export class MagicLinkCreationException extends FieldErrorsException {}
export class AccessTokenCreationException extends FieldErrorsException {}
export class UpdateUserEmailException extends FieldErrorsException {}
export class UpdateUserPasswordException extends FieldErrorsException {}
export class UpdateUserMetadataException extends FieldErrorsException {}
export class ApiKeyValidateException extends FieldErrorsException {}
export class ApiKeyDeleteException extends FieldErrorsException {}
export class ApiKeyUpdateException extends FieldErrorsException {}
export class ApiKeyCreateException extends FieldErrorsException {}
export class ApiKeyImportException extends FieldErrorsException {}
export class ApiKeyFetchException extends FieldErrorsException {}
export class BadRequestException extends FieldErrorsException {}

abstract class StatusException extends Error {
  abstract readonly status: number;
  constructor(message: string) {
    super(message);
    this.message = message;
  }
}

/** 403: the user is not in the org, or lacks the role or permission asked for. */
export class ForbiddenException extends StatusException {
  readonly status = 403;
}
/** 401: a missing, malformed or invalid access token (or a wrong backend API key). */
export class UnauthorizedException extends StatusException {
  readonly status = 401;
}
/** 503: the verifier key could not be fetched or imported, or the API answered something unexpected. */
export class UnexpectedException extends StatusException {
  readonly status = 503;
}

export class UserNotFoundException extends Error {}
export class IncorrectMfaCodeException extends Error {}
export class MfaNotEnabledException extends Error {}

export class RateLimitedException extends Error {}

export class ApiKeyValidateRateLimitedException extends Error {
  readonly waitSeconds: number;
  readonly userFacingError: string;
  readonly errorCode: string;
  constructor(errorBody: string) {
    super(errorBody);
    const parsed = JSON.parse(errorBody);
    this.waitSeconds = parsed.wait_seconds;
    this.userFacingError = parsed.user_facing_error;
    this.errorCode = parsed.error_code;
  }
}

export class FeatureGatedException extends Error {
  constructor() {
    super("This feature isn't available on your current pricing plan");
  }
}

export class InvalidRequestFieldsException extends Error {
  // biome-ignore lint/suspicious/noExplicitAny: the parsed error body, as the official class has it
  readonly errorBody: any;
  constructor(errorBody: string) {
    super("Invalid request");
    this.errorBody = JSON.parse(errorBody);
  }
}
