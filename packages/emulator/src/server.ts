// The HTTP server: it reads each request (body limit first), sends the local-only endpoints
// through their checks, serves the document, docs and Postman files, and hands the rest to the API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createRouter, createValidator, listOperations, loadBundledDocument, type OpenApiDocument } from "@propelauth-openapi/spec";
import { handleAdmin } from "./admin.js";
import { createApi } from "./api.js";
import { locateDocs, locatePostman } from "./assets.js";
import type { KeyKind, RateLimit } from "./config.js";
import { openDatabase } from "./db.js";
import { handlers as builtInHandlers } from "./handlers/index.js";
import { DEFAULT_BODY_LIMIT, readBody } from "./http/body.js";
import { isJsonContentType, isLoopback, ownHostNames, refuseForeign } from "./http/local-only.js";
import { send } from "./http/send.js";
import { decodePath, serveFile } from "./http/static.js";
import { parseTarget } from "./http/target.js";
import type { EmulatorOptions } from "./options.js";
import { filledEnvironment, isEnvironmentPath, servePostmanFile } from "./postman.js";
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
  /** Whether keys are served over HTTP (on loopback, or when asked with `exposeKeys`). */
  servesKeys: boolean;
  project: Project;
  close(): Promise<void>;
}

/** Where the data lives unless told otherwise: a folder of the working directory, never node_modules. */
export const defaultDataFile = (cwd = process.cwd()): string => join(cwd, ".propelauth-emulator", "emulator.sqlite");

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

  const handleApi = createApi({
    doc,
    project,
    match: createRouter(doc),
    validator: createValidator(doc),
    handlers: { ...builtInHandlers, ...options.handlerOverrides },
    validateResponses: options.validateResponses ?? false,
    orgsEnabled: () => settings.orgsEnabled,
  });
  const docsDir = locateDocs(options.docsDir);
  const postmanDir = locatePostman(options.postmanDir);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const servesKeys = isLoopback(host) || options.exposeKeys === true;
  let ownHosts = new Set<string>();
  let requestCount = 0;
  let openapiText = "";

  /** The checks of the local-only endpoints; true when the request was refused (and answered). */
  const refusedLocalOnly = (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    const foreign = refuseForeign(req, ownHosts);
    if (foreign) {
      send(res, 403, { error: `Forbidden: ${path} answers only this machine: ${foreign}` });
      return true;
    }
    const holdsKeys = path.startsWith("/__emulator/keys") || path.startsWith("/postman/");
    if (holdsKeys && !servesKeys) {
      send(res, 403, { error: `Forbidden: not on loopback (${host}), keys are not served; start with --expose-keys to serve them` });
      return true;
    }
    const changesState = req.method !== "GET" && req.method !== "HEAD";
    if (changesState && !isJsonContentType(req)) {
      send(res, 415, { error: "the test helpers take Content-Type: application/json (even with an empty body)" });
      return true;
    }
    return false;
  };

  const serveDocs = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const relative = decodePath(path.slice(6));
    if (relative === undefined) return send(res, 400, { error: `malformed escape in ${path}` });
    if (docsDir && serveFile(req, res, docsDir, relative || "index.html")) return;
    send(res, 404, { error: docsDir ? `no docs file ${path}` : "the docs are not installed (@propelauth-openapi/docs)" });
  };

  const serveGet = (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    if (path === "/openapi.json") {
      openapiText ||= JSON.stringify({ ...doc, servers: [{ url: settings.authUrl, description: "This PropelAuth Backend API emulator" }] });
      send(res, 200, openapiText, "application/json");
      return true;
    }
    if (path === "/" || path === "") {
      send(res, 200, {
        name: "PropelAuth Backend API emulator",
        auth_url: settings.authUrl,
        openapi: `${settings.authUrl}/openapi.json`,
        docs: docsDir ? `${settings.authUrl}/docs/` : null,
        postman: `${settings.authUrl}/postman/`,
        operations: listOperations(doc).length,
      });
      return true;
    }
    if (path === "/docs") {
      send(res, 301, undefined, undefined, { location: "/docs/" });
      return true;
    }
    if (path.startsWith("/docs/")) {
      serveDocs(req, res, path);
      return true;
    }
    if (path === "/postman" || path.startsWith("/postman/")) {
      const rest = path.slice(8);
      if (!isEnvironmentPath(rest)) {
        servePostmanFile(req, res, postmanDir, rest);
        return true;
      }
      if (refusedLocalOnly(req, res, path)) return true;
      send(res, 200, filledEnvironment(postmanDir, settings.authUrl, keys["full-access"].token));
      return true;
    }
    return false;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = `req_${(++requestCount).toString(36)}_${process.pid.toString(36)}`;
    const url = parseTarget(req.url ?? "/");
    const pending = readBody(req, bodyLimit);
    const body = "then" in pending ? await pending : pending;
    if (body.kind === "too-large") {
      return send(res, 413, { body: [`must be at most ${body.limit} bytes`] }, undefined, {
        connection: "close",
        "x-request-id": requestId,
      });
    }
    const text = body.kind === "text" ? body.text : undefined;
    if (options.log) process.stderr.write(`[propelauth-emulator] ${req.method} ${url.pathname}${url.search}\n`);
    const path = url.pathname;
    if (path.startsWith("/__emulator/") || path === "/__emulator") {
      if (refusedLocalOnly(req, res, path)) return;
      if (text === undefined) return send(res, 400, { error: "the body must be valid UTF-8" });
      return handleAdmin({ project, req, res, url, text, send });
    }
    if (req.method === "GET" && serveGet(req, res, path)) return;
    handleApi(req, res, url, text, requestId);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      process.stderr.write(`[propelauth-emulator] ${error.stack ?? error}\n`);
      send(res, 500, { error: `the emulator failed: ${error.message}` });
    });
  });
  server.keepAliveTimeout = 65_000;
  // A slow client may not hold a connection forever: the headers within 10 s, the whole request within 30 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  settings.authUrl = (options.authUrl ?? url).replace(/\/+$/, "");
  ownHosts = ownHostNames(host, settings.authUrl);

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
    servesKeys,
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
