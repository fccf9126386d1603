// Code samples printed from an operation's example request: curl, and the typed client
// `@propelauth-openapi/client`. The tests run every curl sample against the example server and
// type-check and run every TypeScript sample, so a sample that stops matching the API fails CI.
import { type ExampleRequest, queryString } from "./examples.js";

export const AUTH_URL_ENV = "PROPELAUTH_AUTH_URL";
export const API_KEY_ENV = "PROPELAUTH_API_KEY";
export const CLIENT_PACKAGE = "@propelauth-openapi/client";

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** Quotes text for a POSIX shell inside single quotes. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Escapes text for a POSIX shell inside double quotes (where `$VAR` still expands). */
export function shellDoubleQuoted(text: string): string {
  return text.replace(/["$`\\]/g, (c) => `\\${c}`);
}

function bodyText(body: NonNullable<ExampleRequest["body"]>): string {
  if (body.contentType.includes("json")) return JSON.stringify(body.value, null, 2);
  if (body.contentType === "application/x-www-form-urlencoded" && typeof body.value === "object" && body.value !== null) {
    return new URLSearchParams(Object.entries(body.value).map(([k, v]) => [k, String(v)])).toString();
  }
  return typeof body.value === "string" ? body.value : JSON.stringify(body.value);
}

/** `curl` with the Auth URL and the backend API key from the environment. */
export function curlSample(request: ExampleRequest): string {
  const url = `"$${AUTH_URL_ENV}${shellDoubleQuoted(request.urlPath + queryString(request.query))}"`;
  const first = request.method === "GET" ? `curl ${url}` : `curl -X ${request.method} ${url}`;
  const lines = [first, `-H "Authorization: Bearer $${API_KEY_ENV}"`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`-H "${shellDoubleQuoted(`${name}: ${String(value)}`)}"`);
  if (request.body) {
    lines.push(`-H "${shellDoubleQuoted(`Content-Type: ${request.body.contentType}`)}"`);
    lines.push(`--data-raw ${shellQuote(bodyText(request.body))}`);
  }
  return lines.join(" \\\n  ");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Width of the code in the samples panel: literals that would make a longer line are broken up. */
const WIDTH = 60;

/**
 * Prints a JSON value as a TypeScript literal: on one line when the line (`prefix`, the text
 * before it, plus the literal and a comma) fits in WIDTH, else one property or item per line.
 */
export function tsLiteral(value: unknown, indent = "", prefix = indent): string {
  const oneLine = inline(value);
  if (prefix.length + oneLine.length + 1 <= WIDTH) return oneLine;
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0) {
    return `[\n${value.map((v) => `${inner}${tsLiteral(v, inner)},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null && Object.keys(value).length > 0) {
    const entries = Object.entries(value).map(([k, v]) => `${inner}${key(k)}: ${tsLiteral(v, inner, `${inner}${key(k)}: `)},`);
    return `{\n${entries.join("\n")}\n${indent}}`;
  }
  return oneLine;
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${key(k)}: ${inline(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/** The lines every TypeScript sample starts with: the import and a client from the environment. */
function clientSetup(imports: string): string[] {
  return [
    `import { ${imports} } from "${CLIENT_PACKAGE}";`,
    "",
    "const client = createClient({",
    `  authUrl: process.env.${AUTH_URL_ENV}!,`,
    `  apiKey: process.env.${API_KEY_ENV}!,`,
    "});",
    "",
  ];
}

/** A call of the typed client, with the result checked and printed. */
export function clientSample(request: ExampleRequest): string {
  const params: Record<string, unknown> = {};
  if (Object.keys(request.pathParams).length > 0) params.path = request.pathParams;
  if (Object.keys(request.query).length > 0) params.query = request.query;
  if (Object.keys(request.headers).length > 0) params.header = request.headers;
  const init: string[] = [];
  if (Object.keys(params).length > 0) init.push(`  params: ${tsLiteral(params, "  ", "  params: ")},`);
  if (request.body) {
    init.push(`  body: ${tsLiteral(request.body.withDefaults, "  ", "  body: ")},`);
    const type = request.body.contentType;
    if (type === "application/x-www-form-urlencoded") {
      init.push("  bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),");
    } else if (!type.includes("json")) {
      init.push("  bodySerializer: (body) => String(body),");
    }
    if (!type.includes("json")) init.push(`  headers: { "Content-Type": ${JSON.stringify(type)} },`);
  }
  const answer = request.success.contentType;
  if (answer && !answer.includes("json")) init.push(`  parseAs: ${answer.startsWith("text/") ? '"text"' : '"blob"'},`);
  const args = init.length > 0 ? `${JSON.stringify(request.path)}, {\n${init.join("\n")}\n}` : JSON.stringify(request.path);
  return [
    ...clientSetup("createClient"),
    `const { data, error, response } = await client.${request.method}(${args});`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal of the sample, printed as is
    "if (!response.ok) throw new Error(`HTTP ${response.status}`, { cause: error });",
    "console.log(data);",
    "",
  ].join("\n");
}

/**
 * A call of the operation's named function: resolves to the answer's body and throws the
 * client's typed error (BadRequestError, NotFoundError, RateLimitError, …) otherwise.
 */
export function operationSample(request: ExampleRequest): string {
  const input: Record<string, unknown> = {};
  if (Object.keys(request.pathParams).length > 0) input.path = request.pathParams;
  if (Object.keys(request.query).length > 0) input.query = request.query;
  if (Object.keys(request.headers).length > 0) input.header = request.headers;
  if (request.body) input.body = request.body.value;
  const call = `const result = await ${request.operationId}(client`;
  const args = Object.keys(input).length > 0 ? `, ${tsLiteral(input, "", `${call}, `)}` : "";
  return [
    ...clientSetup(`createClient, ${request.operationId}`),
    "// Throws a typed error (BadRequestError, NotFoundError, RateLimitError, …) unless it succeeds.",
    `${call}${args});`,
    "console.log(result);",
    "",
  ].join("\n");
}

export function codeSamples(request: ExampleRequest): CodeSample[] {
  const samples = [
    { lang: "Shell", label: "curl", source: curlSample(request) },
    { lang: "TypeScript", label: "TypeScript client", source: clientSample(request) },
  ];
  // The named functions send JSON bodies only; another body type keeps the path-based sample alone.
  if (!request.body || request.body.contentType.includes("json")) {
    samples.push({ lang: "TypeScript", label: "TypeScript operation", source: operationSample(request) });
  }
  return samples;
}
