// The error statuses Go SDK v0.27.1 methods tell apart themselves (pkg/client.go), beyond the
// shared returnErrorMessageIfNotOk (400 with the body as text, 401, 404, 426, 429).
import type { ErrorHandling } from "../models/errors.js";
import type { Shape } from "../models/shape.js";

/** The step-up methods unmarshal the body into a map and switch on error_code. */
const codedModel: Shape = { ref: "StepUpCodedError" };

export const goErrorModels = {
  StepUpCodedError: { error_code: { required: "string" } } as Record<string, Shape>,
  // VerifyStepUpGrant returns success:false only for field_to_errors.grant == "grant_not_found".
  StepUpGrantNotFound: {
    error_code: { required: { enum: ["invalid_request_fields"] } },
    field_to_errors: { required: { map: "string" } },
  } as Record<string, Shape>,
  // ValidateAPIKey: a 429 that decodes is the end-user key's own rate limit.
  ApiKeyRateLimitError: { wait_seconds: "float", error_code: "string", user_facing_error: { required: "string" } } as Record<string, Shape>,
};

const statuses = (operationId: string, fns: string[], list: [number, ErrorHandling["body"]][]): ErrorHandling[] =>
  list.map(([status, body]) => ({ operationId, fns, status, body }));

export const goErrors: ErrorHandling[] = [
  ...statuses(
    "fetchTokenVerificationMetadata",
    ["InitBaseAuth"],
    [
      [400, "text"],
      [401, "ignored"],
      [404, "ignored"],
      [429, "ignored"],
    ],
  ),
  ...statuses(
    "createAccessToken",
    ["CreateAccessToken"],
    [
      [400, "text"],
      [401, "ignored"],
      [403, "ignored"],
      [404, "ignored"],
    ],
  ),
  ...["validateApiKey", "validateImportedApiKey"].map(
    (operationId): ErrorHandling => ({
      operationId,
      fns: [operationId === "validateApiKey" ? "ValidateAPIKey" : "ValidateImportedAPIKey"],
      status: 429,
      body: "json",
      model: { ref: "ApiKeyRateLimitError" },
    }),
  ),
  ...statuses(
    "verifyStepUpGrant",
    ["VerifyStepUpGrant"],
    [
      [401, "ignored"],
      [429, "ignored"],
    ],
  ),
  {
    operationId: "verifyStepUpGrant",
    fns: ["VerifyStepUpGrant"],
    status: 403,
    body: "json",
    model: codedModel,
    examples: ["featureGated"],
  },
  {
    operationId: "verifyStepUpGrant",
    fns: ["VerifyStepUpGrant"],
    status: 400,
    body: "json",
    model: { ref: "StepUpGrantNotFound" },
    examples: ["grantNotFound"],
    unreadable: true,
  },
  ...statuses(
    "verifyStepUpTotp",
    ["VerifyStepUpTotpChallenge"],
    [
      [401, "ignored"],
      [429, "ignored"],
    ],
  ),
  { operationId: "verifyStepUpTotp", fns: ["VerifyStepUpTotpChallenge"], status: 400, body: "json", model: codedModel },
  { operationId: "verifyStepUpTotp", fns: ["VerifyStepUpTotpChallenge"], status: 403, body: "json", model: codedModel },
  { operationId: "verifyStepUpTotp", fns: ["VerifyStepUpTotpChallenge"], status: 404, body: "json", model: codedModel },
  ...statuses(
    "sendStepUpSmsCode",
    ["SendSmsMfaCode"],
    [
      [401, "ignored"],
      [429, "ignored"],
    ],
  ),
  { operationId: "sendStepUpSmsCode", fns: ["SendSmsMfaCode"], status: 400, body: "json", model: codedModel },
];
