// The examples saved on each request: real answers, taken from the document's examples, one per
// documented status that has one (a status with only a schema saves nothing: an empty example
// would read as "this answers nothing"). A 400 whose example names fields the operation does not
// take (the shared field-error example) is replaced by the answer this operation gives when its
// first required input is left out, as the document's validator words it.
import { STATUS_CODES } from "node:http";
import {
  createValidator,
  deref,
  firstExample,
  type MediaTypeObject,
  type OpenApiDocument,
  type Operation,
  propertiesOf,
  requestBodyOf,
  requiredOf,
  sampleFromSchema,
  type Validator,
} from "@propelauth-openapi/spec";
import { stableId } from "./ids.js";
import type { Request, SavedResponse } from "./postman-types.js";
import { parameterExample, parameterStrings } from "./sample.js";

const isJson = (type: string) => /^application\/(.+\+)?json$/i.test(type);

const validators = new WeakMap<OpenApiDocument, Validator>();
const validatorFor = (doc: OpenApiDocument): Validator => {
  const known = validators.get(doc);
  if (known) return known;
  const made = createValidator(doc);
  validators.set(doc, made);
  return made;
};

export function firstSentence(text: string): string {
  const sentence = /^(.+?[.!?])(\s|$)/s.exec(text.trim())?.[1] ?? text.trim();
  return sentence.replace(/\s+/g, " ").replace(/\.$/, "");
}

/** The request body's media type and its media object, as the spec package chooses it (JSON first). */
export function requestMediaOf(doc: OpenApiDocument, op: Operation): [string, MediaTypeObject] | undefined {
  const body = requestBodyOf(doc, op);
  return body ? [body.contentType, body.media] : undefined;
}

/** Every name the operation takes: its parameters and its body's top-level fields. */
function inputNames(doc: OpenApiDocument, op: Operation): Set<string> {
  const media = requestMediaOf(doc, op)?.[1];
  return new Set([...op.parameters.map((p) => p.name), ...Object.keys(media ? propertiesOf(doc, media.schema) : {})]);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** `{field: [messages]}`: the shape of the shared 400 answer. */
const isFieldErrors = (value: unknown): value is Record<string, string[]> =>
  isObject(value) &&
  Object.keys(value).length > 0 &&
  Object.values(value).every((v) => Array.isArray(v) && v.every((m) => typeof m === "string"));

/** The 400 this operation answers when its first required input is missing, or undefined when none is required. */
export function missingInputAnswer(doc: OpenApiDocument, op: Operation): { field: string; body: unknown } | undefined {
  const pathParams = Object.fromEntries(
    op.parameters.filter((p) => p.in === "path").map((p) => [p.name, parameterStrings(parameterExample(doc, p))[0]!]),
  );
  const required = op.parameters.filter((p) => p.in === "query" && p.required);
  const query = (omit?: string) =>
    new URLSearchParams(
      required.filter((p) => p.name !== omit).flatMap((p) => parameterStrings(parameterExample(doc, p)).map((v) => [p.name, v])),
    );
  const media = requestMediaOf(doc, op)?.[1];
  const example = firstExample(doc, media);
  const body = example.found ? example.value : media ? sampleFromSchema(doc, media.schema) : undefined;
  const field = (media ? requiredOf(doc, media.schema) : []).find((f) => isObject(body) && f in body);
  let input: { pathParams: Record<string, string>; query: URLSearchParams; body: unknown } | undefined;
  if (field && isObject(body)) {
    const { [field]: _left, ...rest } = body;
    input = { pathParams, query: query(), body: rest };
  } else if (required[0]) input = { pathParams, query: query(required[0].name), body };
  if (!input) return undefined;
  const validator = validatorFor(doc);
  const result = validator.validateRequest(op, input);
  const name = field ?? required[0]!.name;
  // Only where the operation's 400 is this field-error map (some 400s carry one coded message).
  if (result.ok || !(name in result.errors) || validator.validateResponse(op, 400, result.errors).length) return undefined;
  return { field: name, body: result.errors };
}

interface Answer {
  name: string;
  value: unknown;
  /** False when the response has no body at all (a 204): the empty body is the answer. */
  hasBody: boolean;
}

/** The answers to save for one documented status. */
function answersFor(doc: OpenApiDocument, op: Operation, status: string): Answer[] {
  const response = deref(doc, op.operation.responses[status]!);
  const media = Object.values(response.content ?? {})[0];
  const title = firstSentence(response.description);
  if (!media) return /^2/.test(status) ? [{ name: title, value: undefined, hasBody: false }] : [];
  const answers: Answer[] = [];
  if (media.example !== undefined) answers.push({ name: title, value: media.example, hasBody: true });
  for (const [key, named] of Object.entries(media.examples ?? {})) {
    const example = deref<{ summary?: string; value?: unknown }>(doc, named);
    if (example.value !== undefined) answers.push({ name: example.summary ?? key, value: example.value, hasBody: true });
  }
  if (status !== "400") return answers;
  // The shared 400 example names another operation's field: answer this operation's own.
  const names = inputNames(doc, op);
  const fitting = answers.filter((a) => !isFieldErrors(a.value) || Object.keys(a.value).every((k) => names.has(k)));
  if (fitting.length) return fitting;
  const missing = missingInputAnswer(doc, op);
  return missing ? [{ name: `${title}: \`${missing.field}\` left out`, value: missing.body, hasBody: true }] : [];
}

/** The documented response headers that have an example (such as a 429's `Retry-After`), as saved headers. */
function headerExamples(response: object): { key: string; value: string }[] {
  const headers = (response as { headers?: Record<string, unknown> }).headers ?? {};
  return Object.entries(headers).flatMap(([key, header]) => {
    const example = (header as { example?: unknown }).example;
    return example === undefined ? [] : [{ key, value: String(example) }];
  });
}

/** The saved examples of a request: each documented status's real answers, in the document's order. */
export function savedResponses(doc: OpenApiDocument, op: Operation, request: Request): SavedResponse[] {
  const result: SavedResponse[] = [];
  for (const [status, declared] of Object.entries(op.operation.responses)) {
    const response = deref(doc, declared);
    const type = Object.keys(response.content ?? {})[0];
    const code = /^\d{3}$/.test(status) ? Number(status) : status.toUpperCase() === "DEFAULT" ? 500 : Number(status[0]) * 100;
    for (const answer of answersFor(doc, op, status)) {
      const json = type !== undefined && isJson(type);
      const body = !answer.hasBody
        ? ""
        : json
          ? JSON.stringify(answer.value, null, 2)
          : typeof answer.value === "string"
            ? answer.value
            : JSON.stringify(answer.value);
      result.push({
        id: stableId(`${op.operationId}/${status}/${answer.name}`),
        name: `${status} ${answer.name}`,
        originalRequest: structuredClone(request),
        status: STATUS_CODES[code] ?? "",
        code,
        _postman_previewlanguage: json ? "json" : "text",
        header: [...(type && body ? [{ key: "Content-Type", value: type }] : []), ...headerExamples(response)],
        cookie: [],
        body,
      });
    }
  }
  return result;
}
