import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { deref, type Operation } from "./operations.js";
import { requestMedia } from "./read/media.js";
import type { JsonSchema, OpenApiDocument, ParameterObject } from "./types.js";

const require = createRequire(import.meta.url);

/**
 * Ajv and its formats (both CommonJS), loaded when the first schema is compiled rather than when
 * this module is imported: loading them is most of the package's import time, and a server that
 * imports this module can start listening before it needs them.
 */
function newAjv(): Ajv2020 {
  const { Ajv2020: AjvClass } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const formats = require("ajv-formats") as { default?: unknown };
  // ajv-formats has a default export; required from CommonJS it may arrive wrapped.
  const addFormats = (formats.default ?? formats) as (ajv: Ajv2020) => void;
  const ajv = new AjvClass({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
  addFormats(ajv);
  return ajv;
}

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

/** A parameter as the validator reads it, resolved once per operation. */
interface ParamPlan {
  param: ParameterObject;
  schema: JsonSchema;
  array: boolean;
  /** The schema of an array's items (query parameters given several times). */
  items: JsonSchema;
}

/** What an operation's requests are checked against, worked out on its first request. */
interface RequestPlan {
  /** The path and query parameters, in the document's order. */
  params: ParamPlan[];
  queryNames: Set<string>;
  /** Whether the operation takes a JSON body, and whether it must be sent. */
  media: boolean;
  bodyRequired: boolean;
  /** The schema of the body (worked out on the first body); a tagged `oneOf` is checked against the variant the body names. */
  body?: Variants;
}

/**
 * A body schema that is a `oneOf` whose variants each fix one property with `const` (such as
 * `idp_type`) is validated against the variant the body names, so errors speak of that variant
 * alone instead of every variant at once.
 */
type Variants =
  | { pointer: string; tag?: undefined }
  | { pointer: string; tag: string; variants: { value: unknown; pointer: string }[]; allowed: string };

function variantsOf(doc: OpenApiDocument, pointer: string): Variants {
  const schema = deref<JsonSchema>(doc, { $ref: pointer });
  const list = Array.isArray(schema.oneOf) ? (schema.oneOf as JsonSchema[]) : undefined;
  if (!list) return { pointer };
  const resolved = list.map((v, i) => ({
    pointer: typeof v.$ref === "string" ? v.$ref : `${pointer}/oneOf/${i}`,
    properties: (deref<JsonSchema>(doc, v).properties ?? {}) as Record<string, JsonSchema>,
  }));
  const tag = Object.keys(resolved[0]?.properties ?? {}).find((name) =>
    resolved.every((v) => v.properties[name] && deref<JsonSchema>(doc, v.properties[name]).const !== undefined),
  );
  if (!tag) return { pointer };
  const variants = resolved.map((v) => ({ value: deref<JsonSchema>(doc, v.properties[tag]!).const, pointer: v.pointer }));
  return { pointer, tag, variants, allowed: variants.map((v) => JSON.stringify(v.value)).join(", ") };
}

/** The variant a body names: its pointer, or the error about its tag. */
function pickVariant(body: unknown, v: Variants): { pointer: string } | { error: { field: string; message: string } } {
  if (v.tag === undefined || typeof body !== "object" || body === null || Array.isArray(body)) return { pointer: v.pointer };
  const value = (body as Record<string, unknown>)[v.tag];
  const chosen = v.variants.find((variant) => variant.value === value);
  if (chosen) return { pointer: chosen.pointer };
  return { error: { field: v.tag, message: value === undefined ? "is required" : `must be one of ${v.allowed}` } };
}

function planOf(doc: OpenApiDocument, op: Operation): RequestPlan {
  const params = op.parameters.map((param): ParamPlan => {
    const schema = deref<JsonSchema>(doc, param.schema ?? {});
    const array = typesOf(schema).includes("array");
    return { param, schema, array, items: array ? deref<JsonSchema>(doc, (schema.items as JsonSchema) ?? {}) : {} };
  });
  const body = op.operation.requestBody ? deref(doc, op.operation.requestBody) : undefined;
  return {
    params: params.filter((p) => p.param.in === "path" || p.param.in === "query"),
    queryNames: new Set(params.filter((p) => p.param.in === "query").map((p) => p.param.name)),
    media: requestMedia(doc, op) !== undefined,
    bodyRequired: body?.required === true,
  };
}

/**
 * Validates requests and responses against the document with JSON Schema 2020-12 (Ajv), so every
 * consumer (tests, mock servers, the emulator) applies the document's rules the same way. Each
 * schema is compiled on first use and kept; what an operation's requests are checked against is
 * worked out on its first request and kept too.
 */
export function createValidator(doc: OpenApiDocument) {
  let ajvInstance: Ajv2020 | undefined;
  const ajv = (): Ajv2020 => {
    if (!ajvInstance) {
      ajvInstance = newAjv();
      ajvInstance.addSchema(doc as unknown as JsonSchema, DOC_ID);
    }
    return ajvInstance;
  };
  const cache = new Map<string, ValidateFunction>();
  const compile = (pointer: string): ValidateFunction => {
    let fn = cache.get(pointer);
    if (!fn) {
      fn = ajv().compile({ $ref: `${DOC_ID}${pointer}` });
      cache.set(pointer, fn);
    }
    return fn;
  };
  const validateAt = (pointer: string, value: unknown): ErrorObject[] => {
    const fn = compile(pointer);
    return fn(value) ? [] : [...(fn.errors ?? [])];
  };
  const paramValidators = new Map<ParameterObject, ValidateFunction>();
  const paramErrors = (param: ParameterObject, value: unknown): ErrorObject[] | undefined => {
    let fn = paramValidators.get(param);
    if (!fn) {
      // Parameter schemas may $ref components: compile them with refs pointed at the document.
      fn = ajv().compile(rebase(param.schema ?? {}));
      paramValidators.set(param, fn);
    }
    return fn(value) ? undefined : (fn.errors ?? []);
  };
  const plans = new WeakMap<Operation, RequestPlan>();
  const planFor = (op: Operation): RequestPlan => {
    let plan = plans.get(op);
    if (!plan) {
      plan = planOf(doc, op);
      plans.set(op, plan);
    }
    return plan;
  };
  const responsePointers = new Map<string, string | null>();

  return {
    /** Loads Ajv and registers the document now (else on the first schema compiled). */
    prepare(): void {
      ajv();
    },

    /** Checks path, query and body; unknown query parameters and body fields are errors. */
    validateRequest(op: Operation, input: RequestInput): ValidatedRequest {
      const plan = planFor(op);
      const errors: FieldErrors = {};
      const query: Record<string, unknown> = {};
      for (const { param, schema, array, items } of plan.params) {
        if (param.in === "path") {
          const raw = input.pathParams[param.name];
          if (raw === undefined) add(errors, param.name, "is required");
          else for (const e of paramErrors(param, coerce(raw, schema)) ?? []) add(errors, param.name, message(e));
          continue;
        }
        const raws = input.query.getAll(param.name);
        if (raws.length === 0) {
          if (param.required) add(errors, param.name, "is required");
          continue;
        }
        const value = array ? raws.map((r) => coerce(r, items)) : coerce(raws[raws.length - 1]!, schema);
        if (!array && raws.length > 1) add(errors, param.name, "must be given once");
        for (const e of paramErrors(param, value) ?? []) add(errors, param.name, message(e));
        query[param.name] = value;
      }
      for (const name of input.query.keys()) {
        if (!plan.queryNames.has(name)) add(errors, name, "is not a known query parameter");
      }
      if (!plan.media) {
        if (input.body !== undefined && !(typeof input.body === "object" && input.body !== null && Object.keys(input.body).length === 0)) {
          add(errors, "body", "this operation takes no request body");
        }
      } else if (input.body === undefined) {
        if (plan.bodyRequired) add(errors, "body", "is required (a JSON object)");
      } else {
        plan.body ??= variantsOf(doc, `${op.pointer}/requestBody/content/application~1json/schema`);
        const variant = pickVariant(input.body, plan.body);
        if ("error" in variant) add(errors, variant.error.field, variant.error.message);
        else for (const e of validateAt(variant.pointer, input.body)) add(errors, fieldOf(e, "body"), message(e));
      }
      return { ok: Object.keys(errors).length === 0, errors, query };
    },

    /** Checks a response against the schema the document gives for its status; returns the problems. */
    validateResponse(op: Operation, status: number, body: unknown): string[] {
      const declared = op.operation.responses[String(status)];
      if (!declared) return [`${op.operationId}: status ${status} is not documented`];
      const key = `${op.pointer} ${status}`;
      let pointer = responsePointers.get(key);
      if (pointer === undefined) {
        const media = deref(doc, declared).content?.["application/json"];
        pointer = !media?.schema
          ? null
          : typeof declared.$ref === "string"
            ? `${declared.$ref}/content/application~1json/schema`
            : `${op.pointer}/responses/${status}/content/application~1json/schema`;
        responsePointers.set(key, pointer);
      }
      if (pointer === null) return [];
      return validateAt(pointer, body).map((e) => {
        const where = e.keyword === "required" ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath || "(body)";
        return `${op.operationId} ${status}: ${where} ${message(e)}`;
      });
    },
  };
}

// Inline schemas compiled outside the document need their local refs pointed at the document.
function rebase(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `${DOC_ID}${value}` : value,
  );
}

export type Validator = ReturnType<typeof createValidator>;
