// The parts of an OpenAPI 3.1 document these tools read. Loose on purpose: the linter, not
// these types, decides what a valid document is.
export type JsonSchema = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown; $ref?: string }>;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject>;
  $ref?: string;
}

export interface AccessExtension {
  "key-kinds": string[];
  permissions: string[];
  "field-permissions"?: { fields: string[]; permissions: string[] }[];
  /** Where a published source says something else about who may call the operation, and what the document decided. */
  disagreements?: AccessDisagreement[];
}

/** One published statement about access that the document does not follow, and why. */
export interface AccessDisagreement {
  /** URL of the page that says it. */
  source: string;
  /** What that page says. */
  says: string;
  /** What the document says instead. */
  decision: string;
  /** The evidence for the decision. */
  why: string;
}

/** Facts of an operation that one published PropelAuth page states. */
export interface PublishedFacts {
  page: string;
  facts: string[];
  /** An older page that the named current page contradicts; the document follows the current one. */
  "superseded-by"?: string;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  deprecated?: boolean;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, MediaTypeObject>; $ref?: string };
  responses: Record<string, ResponseObject>;
  "x-propelauth-access": AccessExtension;
  "x-propelauth-sdk"?: { node: string[] };
  "x-propelauth-sources"?: SourcesExtension;
  [extension: `x-${string}`]: unknown;
}

/** Where an operation's description comes from: PropelAuth's reference page and the official SDKs. */
export interface SourcesExtension {
  /** URL of PropelAuth's API reference page for the operation. */
  docs?: string;
  /** The official SDKs that call the operation (node, python, go, rust, ruby, nextjs, cloudflare-worker). */
  sdks: string[];
  /** Where one SDK sends something other than what the document describes, and why the document differs. */
  differences?: { sdk: string; what: string; why: string }[];
  /** Which facts come from which published page (reference pages, guides, posts). */
  published?: PublishedFacts[];
  /** Evidence and what is uncertain. */
  notes?: string[];
}

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch";

export interface PathItemObject {
  parameters?: (ParameterObject | { $ref: string })[];
  get?: OperationObject;
  put?: OperationObject;
  post?: OperationObject;
  delete?: OperationObject;
  patch?: OperationObject;
}

export interface PermissionInfo {
  name: string;
  confirmed: boolean;
  "granted-to": string[];
  description: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: {
    title: string;
    version: string;
    description: string;
    "x-propelauth-key-kinds": Record<string, { name: string; description: string }>;
    "x-propelauth-permissions": Record<string, PermissionInfo>;
    /** Requests official SDKs send with the backend key that the document leaves out, and why. */
    "x-propelauth-not-described"?: { method: string; path: string; sdks: string[]; docs?: string; why: string }[];
  };
  servers: { url: string; description?: string; variables?: Record<string, { default: string; description?: string }> }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItemObject>;
  components: Record<string, Record<string, unknown>>;
}
