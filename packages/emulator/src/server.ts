import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createRouter,
  createValidator,
  type FieldErrors,
  listOperations,
  loadBundledDocument,
  type OpenApiDocument,
  type Operation,
} from "@propelauth-openapi/spec";
import { decideAccess, denialOf } from "./access.js";
import { handleAdmin } from "./admin.js";
import type { EmulatorOptions, KeyKind, RateLimit } from "./config.js";
import { openDatabase } from "./db.js";
import { ApiError } from "./errors.js";
import { handlers as builtInHandlers } from "./handlers/index.js";
import type { Handler, Reply } from "./handlers/types.js";
import { type BackendKey, Project } from "./project.js";
import { type SeedSummary, seedProject } from "./seed.js";

export interface RunningEmulator {
  /** Base URL of the server, such as http://127.0.0.1:4010. */
  url: string;
  /** The Auth URL it announces (the same as `url` unless `authUrl` was given). */
  authUrl: string;
  port: number;
  host: string;
  /** The printed backend keys, one of each kind. */
  keys: Record<KeyKind, BackendKey>;
  /** Where the data lives (":memory:" for none). */
  dataFile: string;
  /** What `seed` wrote (rows per table), or null when not asked to seed or the store held data already. */
  seeded: SeedSummary | null;
  /** Whether the docs and Postman files were found. */
  docsDir: string | undefined;
  postmanDir: string | undefined;
  project: Project;
  close(): Promise<void>;
}

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** Where the data lives unless told otherwise: a folder of the working directory, never node_modules. */
export const defaultDataFile = (cwd = process.cwd()): string => join(cwd, ".propelauth-emulator", "emulator.sqlite");

function firstDir(...candidates: (string | undefined)[]): string | undefined {
  for (const dir of candidates) if (dir && existsSync(dir) && statSync(dir).isDirectory()) return dir;
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> | string {
  // Most GETs have no body: answer them without waiting a turn of the event loop.
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return "";
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolveBody(chunks.length === 0 ? "" : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Splits a request target into path and query without the cost of a full URL parse. */
function parseTarget(target: string): URL {
  const q = target.indexOf("?");
  const pathname = q === -1 ? target : target.slice(0, q);
  if (pathname.startsWith("/") && !pathname.startsWith("//") && !pathname.includes("/.") && !pathname.includes("%2")) {
    return {
      pathname,
      search: q === -1 ? "" : target.slice(q),
      searchParams: new URLSearchParams(q === -1 ? "" : target.slice(q + 1)),
    } as URL;
  }
  return new URL(target, "http://emulator.local");
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".yaml": "application/yaml",
  ".map": "application/json",
};

/** Operations whose only writes are usage counters (they keep the read caches). */
const COUNTERS_ONLY = new Set(["validateApiKey", "validateImportedApiKey"]);

const LENIENT = new Set(["is not a known query parameter", "this operation takes no request body", "must be valid JSON"]);

/** Starts the emulator. Resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const doc: OpenApiDocument = loadBundledDocument();
  const host = options.host ?? "127.0.0.1";
  const dataFile = options.memory ? ":memory:" : (options.dataFile ?? defaultDataFile());
  const store = openDatabase(dataFile, options.durability);
  const settings = {
    authUrl: "",
    orgsEnabled: options.orgsEnabled ?? true,
    accessTokensEnabled: options.accessTokensEnabled ?? true,
    stepUpMfaEnabled: options.stepUpMfaEnabled ?? true,
    apiKeyRateLimit: options.apiKeyRateLimit ?? (null as RateLimit | null),
  };
  const project = new Project(store.db, doc, settings, store.committed);
  if (options.reset) project.reset();
  const keys = project.ensurePrintedKeys(options.customPermissions);
  const seeded = options.seed ? seedProject(project, options.seed) : null;

  const table: Record<string, Handler> = { ...builtInHandlers, ...options.handlerOverrides };
  const match = createRouter(doc);
  const validator = createValidator(doc);
  const validateResponses = options.validateResponses ?? false;
  const docsDir = firstDir(options.docsDir, resolve(packageDir, "..", "docs", "dist"));
  const postmanDir = firstDir(options.postmanDir, resolve(packageDir, "..", "postman", "dist"));
  let requestCount = 0;
  let openapiText = "";

  const send = (res: ServerResponse, status: number, body: unknown, contentType?: string, headers: Record<string, string> = {}) => {
    if (body === undefined) {
      res.writeHead(status, headers).end();
    } else if (typeof body === "string" && contentType) {
      res.writeHead(status, { "content-type": contentType, ...headers }).end(body);
    } else if (Buffer.isBuffer(body)) {
      res.writeHead(status, { "content-type": contentType ?? "application/octet-stream", ...headers }).end(body);
    } else {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    }
  };

  const serveFile = (res: ServerResponse, root: string, relative: string): boolean => {
    const file = resolve(root, `.${sep}${relative}`);
    if (!file.startsWith(root)) return false;
    let target = file;
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, "index.html");
    if (!existsSync(target) || !statSync(target).isFile()) return false;
    send(res, 200, readFileSync(target), CONTENT_TYPES[extname(target)] ?? "application/octet-stream");
    return true;
  };

  /** The local Postman environment, filled in with this emulator's Auth URL and Full Access key. */
  const LOCAL_ENVIRONMENT = "environments/propelauth-local.postman_environment.json";
  const postmanEnvironment = () => {
    const file = postmanDir ? join(postmanDir, LOCAL_ENVIRONMENT) : undefined;
    const base: { values?: { key: string; value: string }[] } & Record<string, unknown> =
      file && existsSync(file)
        ? JSON.parse(readFileSync(file, "utf8"))
        : { id: "propelauth-emulator-local", name: "PropelAuth local (emulator)", _postman_variable_scope: "environment" };
    const filled: Record<string, string> = { authUrl: settings.authUrl, apiKey: keys["full-access"].token };
    const values = (
      base.values ?? [
        { key: "authUrl", value: "", type: "default", enabled: true },
        { key: "apiKey", value: "", type: "secret", enabled: true },
      ]
    ).map((v) => (v.key in filled ? { ...v, value: filled[v.key] } : v));
    return { ...base, values };
  };

  const servePostman = (res: ServerResponse, rest: string) => {
    if (rest === "" || rest === "/") {
      const collections = postmanDir ? readdirSync(postmanDir).filter((f) => f.endsWith(".postman_collection.json")) : [];
      return send(res, 200, { collections: collections.map((f) => `/postman/${f}`), environment: "/postman/environment.json" });
    }
    if (rest === "/environment.json" || rest === `/${LOCAL_ENVIRONMENT}`) return send(res, 200, postmanEnvironment());
    if (postmanDir && serveFile(res, postmanDir, decodeURIComponent(rest.slice(1)))) return;
    send(res, 404, { error: postmanDir ? `no Postman file ${rest}` : "the Postman collection is not built (packages/postman/dist)" });
  };

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

  const handleApi = (req: IncomingMessage, res: ServerResponse, url: URL, text: string, requestId: string) => {
    const method = req.method ?? "GET";
    const found = match(method, url.pathname);
    if (found.kind === "not-found")
      return send(res, 404, { error: `no operation at ${url.pathname}` }, undefined, { "x-request-id": requestId });
    if (found.kind === "method-not-allowed") {
      return send(res, 405, { error: `allowed: ${found.allowed.join(", ")}` }, undefined, {
        allow: found.allowed.join(", "),
        "x-request-id": requestId,
      });
    }
    const op = found.op;
    let body: unknown;
    let badJson = false;
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        badJson = true;
      }
    }

    // 1. The backend key, and what its kind allows. Nothing about the data is revealed before this.
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    if (!auth)
      return reply(res, op, 401, { error: "Missing or malformed header Authorization: Bearer <backend API key>" }, undefined, requestId);
    const key = project.backendKey(auth[1]!);
    if (!key) {
      const isEndUserKey = project.sql("SELECT 1 FROM api_keys WHERE token_hash = ?").get(project.hashToken(auth[1]!)) !== undefined;
      const error = isEndUserKey
        ? "End-user API keys are not accepted here: use a backend API key (validate end-user keys with Validate API Key)"
        : "Unknown backend API key";
      return reply(res, op, 401, { error }, undefined, requestId);
    }
    const decision = decideAccess(doc, op, key, body);
    if (!decision.allowed) {
      const denial = denialOf(op, decision.reason);
      return reply(res, op, denial.status, denial.body, undefined, requestId);
    }
    if (!settings.orgsEnabled && op.operation.responses["426"]) {
      return reply(res, op, 426, { error: "Organizations are not enabled for this project" }, undefined, requestId);
    }

    // 2. The request against the document, before any handler runs.
    const checked = validator.validateRequest(op, {
      pathParams: found.pathParams,
      query: url.searchParams,
      body: badJson ? undefined : body,
    });
    let errors: FieldErrors = checked.errors;
    if (badJson) errors = { ...errors, body: ["must be valid JSON"] };
    if (Object.keys(errors).length > 0) {
      // The field-error map goes with 400 where the operation documents it; else with 404 (a
      // malformed id names nothing that exists). An operation that documents neither takes no input
      // at all, and ignores what it was sent but does not read.
      if (op.operation.responses["400"]) return reply(res, op, 400, validationBody(op, 400, errors), undefined, requestId);
      if (op.operation.responses["404"]) return reply(res, op, 404, validationBody(op, 404, errors), undefined, requestId);
      errors = Object.fromEntries(Object.entries(errors).filter(([, messages]) => !messages.every((m) => LENIENT.has(m))));
      if (Object.keys(errors).length > 0) return reply(res, op, 400, errors, undefined, requestId);
    }

    // 3. The handler, in one transaction.
    const handler = table[op.operationId];
    if (!handler) return reply(res, op, 501, { error: `the emulator has no handler for ${op.operationId}` }, undefined, requestId);
    let result: Reply;
    try {
      const ctx = {
        project,
        op,
        path: found.pathParams,
        query: checked.query,
        body: op.operation.requestBody ? (badJson ? undefined : body) : undefined,
      };
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

  const server: Server = createServer(async (req, res) => {
    const requestId = `req_${(++requestCount).toString(36)}_${process.pid.toString(36)}`;
    try {
      const url = parseTarget(req.url ?? "/");
      const pending = readBody(req);
      const text = typeof pending === "string" ? pending : await pending;
      if (options.log) process.stderr.write(`[propelauth-emulator] ${req.method} ${url.pathname}${url.search}\n`);
      const path = url.pathname;
      if (path.startsWith("/__emulator/") || path === "/__emulator") {
        return handleAdmin({ project, req, res, url, text, send });
      }
      if (req.method === "GET") {
        if (path === "/openapi.json") {
          openapiText ||= JSON.stringify({
            ...doc,
            servers: [{ url: settings.authUrl, description: "This PropelAuth Backend API emulator" }],
          });
          return send(res, 200, openapiText, "application/json");
        }
        if (path === "/" || path === "") {
          return send(res, 200, {
            name: "PropelAuth Backend API emulator",
            auth_url: settings.authUrl,
            openapi: `${settings.authUrl}/openapi.json`,
            docs: docsDir ? `${settings.authUrl}/docs/` : null,
            postman: `${settings.authUrl}/postman/`,
            operations: listOperations(doc).length,
          });
        }
        if (path === "/docs") return send(res, 301, undefined, undefined, { location: "/docs/" });
        if (path.startsWith("/docs/")) {
          if (docsDir && serveFile(res, docsDir, decodeURIComponent(path.slice(6)) || "index.html")) return;
          return send(res, 404, { error: docsDir ? `no docs file ${path}` : "the docs are not built (packages/docs/dist)" });
        }
        if (path === "/postman" || path.startsWith("/postman/")) return servePostman(res, path.slice(8));
      }
      handleApi(req, res, url, text, requestId);
    } catch (error) {
      process.stderr.write(`[propelauth-emulator] ${(error as Error).stack ?? error}\n`);
      if (!res.headersSent) send(res, 500, { error: `the emulator failed: ${(error as Error).message}` });
    }
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  settings.authUrl = (options.authUrl ?? url).replace(/\/+$/, "");

  return {
    url,
    authUrl: settings.authUrl,
    port,
    host,
    keys,
    dataFile,
    seeded,
    docsDir,
    postmanDir,
    project,
    close: () =>
      new Promise((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((err) => {
          project.commit();
          store.close();
          if (err) reject(err);
          else resolveClose();
        });
      }),
  };
}
