// The example request of an operation, taken from the document: the examples of its parameters
// and request body, or values made from their schemas where the document gives none. The code
// samples are printed from it, so a sample and the document cannot disagree.
import {
  deref,
  firstExample,
  type JsonSchema,
  type MediaTypeObject,
  type OpenApiDocument,
  type Operation,
  type ParameterObject,
  requestBodyOf,
  sampleFromSchema,
  successOf,
} from "@propelauth-openapi/spec";

export interface ExampleRequest {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The templated path, as in the document. */
  path: string;
  /** The path with the example path parameters filled in (URL-encoded). */
  urlPath: string;
  pathParams: Record<string, unknown>;
  /** Query parameters in document order: required ones, and optional ones that have an example. */
  query: Record<string, unknown>;
  /** Required header parameters. */
  headers: Record<string, unknown>;
  body?: {
    contentType: string;
    value: unknown;
    /**
     * The value with every property that has a schema `default` filled in with it. Equivalent on
     * the wire; the typed client's generated types (openapi-typescript's defaultNonNullable)
     * require such properties, so its sample sends them.
     */
    withDefaults: unknown;
  };
  /** The lowest 2xx status and its media type (undefined for an empty answer). */
  success: { status: number; contentType?: string };
}

/** The example of a parameter: `example`, its first named example, or a value made from its schema. */
export function parameterExample(doc: OpenApiDocument, param: ParameterObject): { value: unknown; explicit: boolean } {
  const documented = firstExample(doc, param as Pick<MediaTypeObject, "example" | "examples">);
  if (documented.found) return { value: documented.value, explicit: true };
  const schema = deref<JsonSchema>(doc, param.schema ?? {});
  const explicit = schema.example !== undefined || Array.isArray(schema.examples);
  return { value: sampleFromSchema(doc, schema), explicit };
}

/** The lowest 2xx status of an operation and the media type it answers with. */
function successStatus(doc: OpenApiDocument, op: Operation): { status: number; contentType?: string } {
  const success = successOf(doc, op);
  if (!success) return { status: 200 };
  return success.contentType ? { status: success.status, contentType: success.contentType } : { status: success.status };
}

export function exampleRequest(doc: OpenApiDocument, op: Operation): ExampleRequest {
  const pathParams: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const headers: Record<string, unknown> = {};
  for (const param of op.parameters) {
    const { value, explicit } = parameterExample(doc, param);
    if (param.in === "path") pathParams[param.name] = value;
    else if (param.in === "query" && (param.required || explicit)) query[param.name] = value;
    else if (param.in === "header" && param.required) headers[param.name] = value;
  }
  const urlPath = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(pathParams[name] ?? name)));
  const request: ExampleRequest = {
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    urlPath,
    pathParams,
    query,
    headers,
    success: successStatus(doc, op),
  };
  const media = requestBodyOf(doc, op);
  if (media) {
    const example = firstExample(doc, media.media);
    const value = example.found ? example.value : media.required ? sampleFromSchema(doc, media.media.schema) : undefined;
    if (example.found || media.required) {
      request.body = { contentType: media.contentType, value, withDefaults: fillDefaults(doc, media.media.schema, value) };
    }
  }
  return request;
}

/** A copy of a value with the schema defaults of absent object properties filled in, at any depth. */
export function fillDefaults(doc: OpenApiDocument, input: JsonSchema | undefined, value: unknown, depth = 0): unknown {
  if (depth > 16 || input === undefined) return value;
  const schema = deref<JsonSchema>(doc, input);
  if (Array.isArray(value)) return value.map((item) => fillDefaults(doc, schema.items as JsonSchema | undefined, item, depth + 1));
  if (typeof value !== "object" || value === null) return value;
  let result: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) {
    result = fillDefaults(doc, part, result, depth + 1) as Record<string, unknown>;
  }
  // For oneOf/anyOf, the first branch the value fits (its required fields present, its consts equal).
  const branches = ((schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined) ?? [];
  const branch = branches.map((b) => deref<JsonSchema>(doc, b)).find((b) => fits(doc, b, result));
  if (branch) result = fillDefaults(doc, branch, result, depth + 1) as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, propertyRef] of Object.entries(properties)) {
    const property = deref<JsonSchema>(doc, propertyRef);
    if (result[name] === undefined && property.default !== undefined) result[name] = property.default;
    else if (result[name] !== undefined) result[name] = fillDefaults(doc, property, result[name], depth + 1);
  }
  return result;
}

function fits(doc: OpenApiDocument, schema: JsonSchema, value: Record<string, unknown>): boolean {
  const required = (schema.required as string[] | undefined) ?? [];
  if (!required.every((name) => value[name] !== undefined)) return false;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).every(([name, p]) => {
    const property = deref<JsonSchema>(doc, p);
    return property.const === undefined || value[name] === undefined || property.const === value[name];
  });
}

/** The query string of an example request (arrays as repeated parameters), with a leading `?`. */
export function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(name, scalar(item));
    else params.append(name, scalar(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

function scalar(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}
