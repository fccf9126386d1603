// The API: one request from route to answer. The key and what its kind allows first, then the
// request against the document, then the operation's handler in one transaction.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { createRouter, createValidator, FieldErrors, OpenApiDocument, Operation } from "@propelauth-openapi/spec";
import { decideAccess, denialOf } from "./access.js";
import { ApiError } from "./errors.js";
import type { Handler, Reply } from "./handlers/types.js";
import { isJsonContentType } from "./http/local-only.js";
import { send } from "./http/send.js";
import type { BackendKey, Project } from "./project.js";
import { newAnswer } from "./views.js";

/** Operations whose only writes are usage counters (they keep the read caches). */
const COUNTERS_ONLY = new Set(["validateApiKey", "validateImportedApiKey"]);

/** Deeper JSON than this is refused before any validation walks it (PropelAuth's bodies nest a few levels). */
export const MAX_DEPTH = 32;

/** The same 401 whatever the bearer was (no key, an unknown one, an end-user key or token): no oracle. */
export const UNAUTHORIZED = {
  error: "Unauthorized: send a backend API key as Authorization: Bearer <key> (end-user API keys and access tokens are not accepted)",
};

/**
 * What is wrong with a parsed JSON body that no schema says: nesting deeper than `max`, a key
 * named `__proto__` (at any depth), which JavaScript objects cannot hold as data, or a number
 * too large for a double (parsed as Infinity). Iterative, so a
 * deep value cannot overflow the stack here.
 */
export function jsonProblem(value: unknown, max: number): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === "number" && !Number.isFinite(v)) return "must not hold numbers beyond JSON's range (such as 1e999)";
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return `must not nest deeper than ${max} levels`;
    if (Object.hasOwn(v, "__proto__")) return 'must not hold a field named "__proto__"';
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return undefined;
}

export interface ApiDeps {
  doc: OpenApiDocument;
  project: Project;
  match: ReturnType<typeof createRouter>;
  validator: ReturnType<typeof createValidator>;
  handlers: Record<string, Handler>;
  validateResponses: boolean;
  orgsEnabled: () => boolean;
}

/** A request whose route and key passed, waiting for its body. */
export interface Admitted {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  method: string;
  op: Operation;
  pathParams: Record<string, string>;
  key: BackendKey;
}

/** A request body, parsed; `error` says why it cannot be used. */
type ParsedBody = { value: unknown; error?: string };

const BODY_ERRORS = {
  utf8: "must be valid UTF-8",
  contentType: "must be sent as Content-Type: application/json",
  json: "must be valid JSON",
};

function parseBody(req: IncomingMessage, text: string | undefined): ParsedBody {
  if (text === undefined) return { value: undefined, error: BODY_ERRORS.utf8 };
  if (text.trim() === "") return { value: undefined };
  if (req.headers["content-type"] !== undefined && !isJsonContentType(req)) return { value: undefined, error: BODY_ERRORS.contentType };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { value: undefined, error: BODY_ERRORS.json };
  }
  const problem = jsonProblem(value, MAX_DEPTH);
  return problem ? { value: undefined, error: problem } : { value };
}

// What the one operation that documents neither 400 nor 404 ignores (it takes no input).
const LENIENT = new Set(["is not a known query parameter", "this operation takes no request body", ...Object.values(BODY_ERRORS)]);
const LENIENT_PREFIXES = ["must not nest deeper", "must not hold"];
const lenient = (message: string) => LENIENT.has(message) || LENIENT_PREFIXES.some((p) => message.startsWith(p));

export function createApi(deps: ApiDeps) {
  const { doc, project, match, validator, handlers, validateResponses } = deps;

  const reply = (
    res: ServerResponse,
    op: Operation | undefined,
    status: number,
    body: unknown,
    contentType: string | undefined,
    requestId: string,
  ) => {
    const headers = { "x-request-id": requestId };
    if (validateResponses && op) {
      const problems =
        contentType && contentType !== "application/json"
          ? op.operation.responses[String(status)]
            ? []
            : [`${op.operationId}: status ${status} is not documented`]
          : validator.validateResponse(op, status, body);
      if (problems.length > 0) {
        const message = { error: "emulator response does not match the OpenAPI document", operationId: op.operationId, status, problems };
        process.stderr.write(`[propelauth-emulator] ${JSON.stringify(message)}\n`);
        return send(res, 500, message, undefined, headers);
      }
    }
    // The answer leaves once the writes made so far are committed.
    project.afterCommit(
      () => send(res, status, body, contentType, headers),
      (error) => send(res, 500, { error: `the emulator could not commit: ${error.message}` }, undefined, headers),
    );
  };

  /**
   * The body that carries request-validation errors, in the shape the operation documents for the
   * status: the field-error map, one `user_facing_error` message, or a coded step-up MFA error.
   */
  const validationBody = (op: Operation, status: number, errors: FieldErrors): unknown => {
    const summary = Object.entries(errors)
      .map(([field, messages]) => `${field} ${messages.join(", ")}`)
      .join("; ");
    const single = Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.join("; ")]));
    const shapes = [
      errors,
      { user_facing_error: `Invalid request: ${summary}` },
      {
        error_code: "invalid_request_fields",
        user_facing_error: `Invalid request: ${summary}`,
        field_errors: single,
        user_facing_errors: single,
      },
    ];
    return shapes.find((shape) => validator.validateResponse(op, status, shape).length === 0) ?? errors;
  };

  /** Answers request-validation errors with the status and shape the operation documents. */
  const refuse = (res: ServerResponse, op: Operation, errors: FieldErrors, requestId: string) => {
    // The field-error map goes with 400 where the operation documents it; else with 404 (a
    // malformed id names nothing that exists). An operation that documents neither takes no input
    // at all, and ignores what it was sent but does not read.
    if (op.operation.responses["400"]) {
      reply(res, op, 400, validationBody(op, 400, errors), undefined, requestId);
      return true;
    }
    if (op.operation.responses["404"]) {
      reply(res, op, 404, validationBody(op, 404, errors), undefined, requestId);
      return true;
    }
    const strict = Object.fromEntries(Object.entries(errors).filter(([, messages]) => !messages.every(lenient)));
    if (Object.keys(strict).length > 0) {
      reply(res, op, 400, strict, undefined, requestId);
      return true;
    }
    return false;
  };

  /**
   * The route and the backend key, from the request line and headers alone: answers 404, 405 or
   * 401 before any body is read (undefined then), else what `run` needs once the body is in.
   */
  const admit = (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Admitted | undefined => {
    const method = req.method ?? "GET";
    const found = match(method, url.pathname);
    if (found.kind === "not-found") {
      send(res, 404, { error: `no operation at ${url.pathname}` }, undefined, { "x-request-id": requestId });
      return undefined;
    }
    if (found.kind === "method-not-allowed") {
      send(res, 405, { error: `allowed: ${found.allowed.join(", ")}` }, undefined, {
        allow: found.allowed.join(", "),
        "x-request-id": requestId,
      });
      return undefined;
    }
    // 1. The backend key. Nothing about the data is revealed, and no body read, before this.
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    const key = auth ? project.store.backendKeys.get(auth[1]!) : undefined;
    if (!key) {
      reply(res, found.op, 401, UNAUTHORIZED, undefined, requestId);
      return undefined;
    }
    return { req, res, url, requestId, method, op: found.op, pathParams: found.pathParams, key };
  };

  /** `text` is undefined when the body was not valid UTF-8. */
  const run = (a: Admitted, text: string | undefined) => {
    const { req, res, url, requestId, method, op, key, pathParams } = a;
    const body = parseBody(req, text);

    // What the key's kind allows (a Custom key's field permissions depend on the body).
    const decision = decideAccess(doc, op, key, body.value);
    if (!decision.allowed) {
      const denial = denialOf(op, decision.reason);
      return reply(res, op, denial.status, denial.body, undefined, requestId);
    }
    if (!deps.orgsEnabled() && op.operation.responses["426"]) {
      return reply(res, op, 426, { error: "Organizations are not enabled for this project" }, undefined, requestId);
    }

    // 2. The request against the document, before any handler runs.
    const checked = validator.validateRequest(op, { pathParams, query: url.searchParams, body: body.value });
    const errors: FieldErrors = { ...checked.errors };
    if (body.error) errors.body = [body.error];
    // A query parameter named __proto__ cannot be held as data (the validator would drop it): refuse it.
    if (url.searchParams.has("__proto__"))
      Object.defineProperty(errors, "__proto__", { value: ["is not a known query parameter"], enumerable: true });
    if (Object.keys(errors).length > 0 && refuse(res, op, errors, requestId)) return;

    // 3. The handler, in one transaction.
    const handler = handlers[op.operationId];
    if (!handler) return reply(res, op, 501, { error: `the emulator has no handler for ${op.operationId}` }, undefined, requestId);
    let result: Reply;
    try {
      newAnswer();
      const ctx = { project, op, path: pathParams, query: checked.query, body: op.operation.requestBody ? body.value : undefined };
      // Reads need no transaction (each statement sees a consistent snapshot); writes run in one.
      result = method === "GET" ? handler(ctx) : project.write(() => handler(ctx), COUNTERS_ONLY.has(op.operationId));
    } catch (error) {
      if (error instanceof ApiError) return reply(res, op, error.status, error.body, undefined, requestId);
      process.stderr.write(`[propelauth-emulator] ${op.operationId} failed: ${(error as Error).stack ?? error}\n`);
      return send(res, 500, { error: `the emulator failed in ${op.operationId}: ${(error as Error).message}` }, undefined, {
        "x-request-id": requestId,
      });
    }
    reply(res, op, result.status, result.body, result.contentType, requestId);
  };

  return { admit, run };
}
