import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { deref, type Operation } from "./operations.js";
import { requestMedia } from "./read/media.js";
import type { JsonSchema, OpenApiDocument, ParameterObject } from "./types.js";

// ajv-formats ships CJS with a default export; under NodeNext it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

/** The API's 400 body: each request field with what is wrong with it. */
export type FieldErrors = Record<string, string[]>;

export interface RequestInput {
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, or undefined when the request had none. */
  body: unknown;
}

export interface ValidatedRequest {
  ok: boolean;
  errors: FieldErrors;
  /** Query parameters converted to their schema types (numbers, booleans, arrays). */
  query: Record<string, unknown>;
}

const DOC_ID = "https://propelauth-openapi.local/openapi.json";

function typesOf(schema: JsonSchema | undefined): string[] {
  const t = schema?.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === "string" ? [t] : [];
}

/** Converts a query-string value to the type its schema wants; leaves it as text when it cannot. */
function coerce(raw: string, schema: JsonSchema | undefined): unknown {
  const types = typesOf(schema);
  if ((types.includes("integer") || types.includes("number")) && raw.trim() !== "" && !Number.isNaN(Number(raw))) return Number(raw);
  if (types.includes("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

function message(error: ErrorObject): string {
  switch (error.keyword) {
    case "required":
      return "is required";
    case "additionalProperties":
    case "unevaluatedProperties":
      return "is not a known field";
    case "type":
      return `must be of type ${String(error.params.type).replace(",", " or ")}`;
    case "enum":
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "format":
      return `must be a valid ${error.params.format}`;
    default:
      return error.message ?? "is invalid";
  }
}

/** The request field an Ajv error is about: the first path segment, or the missing/unknown property. */
function fieldOf(error: ErrorObject, fallback: string): string {
  const first = error.instancePath.split("/")[1];
  if (first) return first.replaceAll("~1", "/").replaceAll("~0", "~");
  if (error.keyword === "required") return String(error.params.missingProperty);
  if (error.keyword === "additionalProperties") return String(error.params.additionalProperty);
  if (error.keyword === "unevaluatedProperties") return String(error.params.unevaluatedProperty);
  return fallback;
}

function add(errors: FieldErrors, field: string, text: string) {
  // Own fields only: a field named like Object's own properties ("constructor", "toString") is a field too.
  const list = Object.hasOwn(errors, field) ? errors[field]! : [];
  if (!list.includes(text)) list.push(text);
  errors[field] = list;
}

/**
 * Validates requests and responses against the document with JSON Schema 2020-12 (Ajv), so every
 * consumer (tests, mock servers, the emulator) applies the document's rules the same way.
 */
export function createValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc as unknown as JsonSchema, DOC_ID);
  const cache = new Map<string, ValidateFunction>();
  const compile = (pointer: string): ValidateFunction => {
    let fn = cache.get(pointer);
    if (!fn) {
      fn = ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      cache.set(pointer, fn);
    }
    return fn;
  };
  const validateAt = (pointer: string, value: unknown): ErrorObject[] => {
    const fn = compile(pointer);
    return fn(value) ? [] : [...(fn.errors ?? [])];
  };
  const paramValidators = new Map<ParameterObject, ValidateFunction>();
  const paramErrors = (param: ParameterObject, value: unknown): ErrorObject[] => {
    let fn = paramValidators.get(param);
    if (!fn) {
      // Parameter schemas may $ref components: compile them with refs pointed at the document.
      fn = ajv.compile(rebase(param.schema ?? {}));
      paramValidators.set(param, fn);
    }
    return fn(value) ? [] : [...(fn.errors ?? [])];
  };

  return {
    /** Checks path, query and body; unknown query parameters and body fields are errors. */
    validateRequest(op: Operation, input: RequestInput): ValidatedRequest {
      const errors: FieldErrors = {};
      const query: Record<string, unknown> = {};
      const known = new Set<string>();
      for (const param of op.parameters) {
        if (param.in === "path") {
          const raw = input.pathParams[param.name];
          if (raw === undefined) add(errors, param.name, "is required");
          else for (const e of paramErrors(param, coerce(raw, deref(doc, param.schema ?? {})))) add(errors, param.name, message(e));
        } else if (param.in === "query") {
          known.add(param.name);
          const schema = deref<JsonSchema>(doc, param.schema ?? {});
          const raws = input.query.getAll(param.name);
          if (raws.length === 0) {
            if (param.required) add(errors, param.name, "is required");
            continue;
          }
          const value = typesOf(schema).includes("array")
            ? raws.map((r) => coerce(r, deref<JsonSchema>(doc, (schema.items as JsonSchema) ?? {})))
            : coerce(raws[raws.length - 1]!, schema);
          if (!typesOf(schema).includes("array") && raws.length > 1) add(errors, param.name, "must be given once");
          for (const e of paramErrors(param, value)) add(errors, param.name, message(e));
          query[param.name] = value;
        }
      }
      for (const name of new Set(input.query.keys())) {
        if (!known.has(name)) add(errors, name, "is not a known query parameter");
      }
      const media = requestMedia(doc, op);
      const body = op.operation.requestBody ? deref(doc, op.operation.requestBody) : undefined;
      if (!media) {
        if (input.body !== undefined && !(typeof input.body === "object" && input.body !== null && Object.keys(input.body).length === 0)) {
          add(errors, "body", "this operation takes no request body");
        }
      } else if (input.body === undefined) {
        if (body?.required) add(errors, "body", "is required (a JSON object)");
      } else {
        const variant = pickVariant(doc, `${op.pointer}/requestBody/content/application~1json/schema`, input.body);
        if ("error" in variant) add(errors, variant.error.field, variant.error.message);
        else for (const e of validateAt(variant.pointer, input.body)) add(errors, fieldOf(e, "body"), message(e));
      }
      return { ok: Object.keys(errors).length === 0, errors, query };
    },

    /** Checks a response against the schema the document gives for its status; returns the problems. */
    validateResponse(op: Operation, status: number, body: unknown): string[] {
      const declared = op.operation.responses[String(status)];
      if (!declared) return [`${op.operationId}: status ${status} is not documented`];
      const response = deref(doc, declared);
      const media = response.content?.["application/json"];
      if (!media?.schema) return [];
      const pointer =
        typeof declared.$ref === "string"
          ? `${declared.$ref}/content/application~1json/schema`
          : `${op.pointer}/responses/${status}/content/application~1json/schema`;
      return validateAt(pointer, body).map((e) => {
        const where = e.keyword === "required" ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath || "(body)";
        return `${op.operationId} ${status}: ${where} ${message(e)}`;
      });
    },
  };
}

/**
 * A body schema that is a `oneOf` whose variants each fix one property with `const` (such as
 * `idp_type`) is validated against the variant the body names, so errors speak of that variant
 * alone instead of every variant at once.
 */
function pickVariant(
  doc: OpenApiDocument,
  pointer: string,
  body: unknown,
): { pointer: string } | { error: { field: string; message: string } } {
  const schema = deref<JsonSchema>(doc, { $ref: pointer });
  const variants = Array.isArray(schema.oneOf) ? (schema.oneOf as JsonSchema[]) : undefined;
  if (!variants || typeof body !== "object" || body === null || Array.isArray(body)) return { pointer };
  const resolved = variants.map((v, i) => ({
    pointer: typeof v.$ref === "string" ? v.$ref : `${pointer}/oneOf/${i}`,
    properties: (deref<JsonSchema>(doc, v).properties ?? {}) as Record<string, JsonSchema>,
  }));
  const tag = Object.keys(resolved[0]?.properties ?? {}).find((name) =>
    resolved.every((v) => v.properties[name] && deref<JsonSchema>(doc, v.properties[name]).const !== undefined),
  );
  if (!tag) return { pointer };
  const value = (body as Record<string, unknown>)[tag];
  const chosen = resolved.find((v) => deref<JsonSchema>(doc, v.properties[tag]!).const === value);
  if (chosen) return { pointer: chosen.pointer };
  const allowed = resolved.map((v) => JSON.stringify(deref<JsonSchema>(doc, v.properties[tag]!).const)).join(", ");
  return { error: { field: tag, message: value === undefined ? "is required" : `must be one of ${allowed}` } };
}

// Inline schemas compiled outside the document need their local refs pointed at the document.
function rebase(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `${DOC_ID}${value}` : value,
  );
}

export type Validator = ReturnType<typeof createValidator>;
