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

type ParameterWithExamples = ParameterObject & { examples?: Record<string, { value?: unknown; $ref?: string }> };

/** The example of a parameter: `example`, its first named example, or a value made from its schema. */
export function parameterExample(doc: OpenApiDocument, param: ParameterObject): { value: unknown; explicit: boolean } {
  if (param.example !== undefined) return { value: param.example, explicit: true };
  const named = Object.values((param as ParameterWithExamples).examples ?? {})[0];
  if (named) return { value: deref<{ value?: unknown }>(doc, named).value, explicit: true };
  const schema = deref<JsonSchema>(doc, param.schema ?? {});
  if (schema.example !== undefined || Array.isArray(schema.examples)) return { value: schemaExample(doc, schema), explicit: true };
  return { value: schemaExample(doc, schema), explicit: false };
}

/** A value that conforms to a schema, preferring the schema's own example, default or first enum value. */
export function schemaExample(doc: OpenApiDocument, input: JsonSchema | undefined, depth = 0): unknown {
  const schema = deref<JsonSchema>(doc, input ?? {});
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (depth > 8) return null;
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const nonNull = options.find((o) => deref<JsonSchema>(doc, o as JsonSchema).type !== "null") ?? options[0];
      return schemaExample(doc, nonNull as JsonSchema, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) Object.assign(merged, schemaExample(doc, part as JsonSchema, depth + 1));
    return merged;
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  const type = types.find((t) => t !== "null") ?? (schema.properties ? "object" : types[0]);
  switch (type) {
    case "object": {
      const result: Record<string, unknown> = {};
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const name of (schema.required as string[] | undefined) ?? []) {
        result[name] = schemaExample(doc, properties[name], depth + 1);
      }
      return result;
    }
    case "array": {
      const min = typeof schema.minItems === "number" ? schema.minItems : 1;
      return Array.from({ length: Math.max(1, min) }, () => schemaExample(doc, schema.items as JsonSchema, depth + 1));
    }
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return stringExample(schema);
  }
}

function stringExample(schema: JsonSchema): string {
  switch (schema.format) {
    case "uuid":
      return "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
    case "email":
      return "ada@example.com";
    case "uri":
    case "url":
      return "https://example.com";
    case "date-time":
      return "2025-01-01T00:00:00Z";
    case "date":
      return "2025-01-01";
    default: {
      const min = typeof schema.minLength === "number" ? schema.minLength : 0;
      return "example".padEnd(min, "x");
    }
  }
}

/** The request body's media type: JSON when the operation takes JSON, else its first one. */
export function requestBodyMedia(
  doc: OpenApiDocument,
  op: Operation,
): { contentType: string; media: MediaTypeObject; required: boolean } | undefined {
  if (!op.operation.requestBody) return undefined;
  const body = deref(doc, op.operation.requestBody);
  const entries = Object.entries(body.content ?? {});
  const chosen = entries.find(([type]) => type === "application/json") ?? entries.find(([type]) => type.includes("json")) ?? entries[0];
  if (!chosen) return undefined;
  return { contentType: chosen[0], media: chosen[1], required: body.required === true };
}

/** The lowest 2xx status of an operation and the media type it answers with. */
export function successOf(doc: OpenApiDocument, op: Operation): { status: number; contentType?: string } {
  const status = Object.keys(op.operation.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0];
  if (!status) return { status: 200 };
  const response = deref(doc, op.operation.responses[status]!);
  const contentType = Object.keys(response.content ?? {})[0];
  return contentType ? { status: Number(status), contentType } : { status: Number(status) };
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
    success: successOf(doc, op),
  };
  const media = requestBodyMedia(doc, op);
  if (media) {
    const example = firstExample(doc, media.media);
    const value = example.found ? example.value : media.required ? schemaExample(doc, media.media.schema) : undefined;
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
