// The HTTP server: it reads each request (body limit first), sends the local-only endpoints
// through their checks, serves the document, docs and Postman files, and hands the rest to the API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createRouter, createValidator, loadBundledDocument, type OpenApiDocument } from "@propelauth-openapi/spec";
import { adminRoute, routeHoldsKeys } from "./admin-route.js";
import { createApi } from "./api.js";
import { locateDocs, locatePostman } from "./assets.js";
import type { KeyKind, RateLimit } from "./config.js";
import { openDatabase } from "./db.js";
import { handlers as builtInHandlers } from "./handlers/index.js";
import { type Body, DEFAULT_BODY_LIMIT, declaredTooLarge, discardBody, readBody } from "./http/body.js";
import { createLocalOnlyGuard, isLoopback, ownHostNames } from "./http/local-only.js";
import { send } from "./http/send.js";
import { parseTarget } from "./http/target.js";
import type { EmulatorOptions } from "./options.js";
import { type BackendKey, Project } from "./project.js";
import type { SeedSummary } from "./seed.js";
import { createSite } from "./site.js";

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
  const keys = project.tx(() => project.store.backendKeys.ensurePrinted(options.customPermissions, project.now()));
  // The seed and the test helpers (with their own modules) load when first needed, not at start-up.
  const seeded = options.seed ? (await import("./seed.js")).seedProject(project, options.seed) : null;
  let admin: Promise<typeof import("./admin.js")> | undefined;

  const validator = createValidator(doc);
  const api = createApi({
    doc,
    project,
    match: createRouter(doc),
    validator,
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
  const pid36 = process.pid.toString(36);

  const localOnly = createLocalOnlyGuard({ host, servesKeys, ownHosts: () => ownHosts });
  const serveGet = createSite({ doc, authUrl: () => settings.authUrl, docsDir, postmanDir, apiKey: keys["full-access"].token, localOnly });

  const tooLarge = (res: ServerResponse, body: Body & { kind: "too-large" }, requestId: string) =>
    send(res, 413, { body: [`must be at most ${body.limit} bytes`] }, undefined, {
      ...(body.close ? { connection: "close" } : {}),
      "x-request-id": requestId,
    });

  /** The body, read only once the request may use it; undefined when an answer was sent (413). */
  const bodyOf = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<string | null | undefined> => {
    const pending = readBody(req, bodyLimit);
    const body = "then" in pending ? await pending : pending;
    if (body.kind === "too-large") return void tooLarge(res, body, requestId);
    return body.kind === "text" ? body.text : null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = `req_${(++requestCount).toString(36)}_${pid36}`;
    const url = parseTarget(req.url ?? "/");
    // A Content-Length past the limit is refused from the headers, before anything else.
    if (declaredTooLarge(req, bodyLimit)) return void (await bodyOf(req, res, requestId));
    if (options.log) process.stderr.write(`[propelauth-emulator] ${req.method} ${url.pathname}${url.search}\n`);
    const path = url.pathname;
    if (path.startsWith("/__emulator/") || path === "/__emulator") {
      // The key gate is decided on the route the helpers' dispatcher will take.
      const route = adminRoute(req.method ?? "GET", path);
      if (localOnly(req, res, path, routeHoldsKeys(route))) return discardBody(req);
      const text = await bodyOf(req, res, requestId);
      if (text === undefined) return;
      if (text === null) return send(res, 400, { error: "the body must be valid UTF-8" });
      admin ??= import("./admin.js");
      return (await admin).handleAdmin({ project, req, res, url, text, send });
    }
    if (req.method === "GET" && serveGet(req, res, path)) return discardBody(req);
    // The route and the backend key come first: a request without a key is answered 401 unread.
    const admitted = api.admit(req, res, url, requestId);
    if (!admitted) return discardBody(req);
    const text = await bodyOf(req, res, requestId);
    if (text === undefined) return;
    api.run(admitted, text ?? undefined);
  };

  // A slow client may not hold a connection forever: the headers within 10 s, the whole request
  // within 30 s. Node checks these deadlines every connectionsCheckingInterval (30 s by default,
  // which let clients run to 40 s and 60 s): every second here.
  const server: Server = createServer(
    { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      handle(req, res).catch((error: Error) => {
        process.stderr.write(`[propelauth-emulator] ${error.stack ?? error}\n`);
        send(res, 500, { error: `the emulator failed: ${error.message}` });
      });
    },
  );
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  settings.authUrl = (options.authUrl ?? url).replace(/\/+$/, "");
  ownHosts = ownHostNames(host, settings.authUrl);
  // The schema validator (Ajv and the document) loads once listening, while the client that
  // started us prepares its first request (a request that comes first loads it itself); a new
  // store's signing key is generated then too, off the main thread.
  setImmediate(() => {
    validator.prepare();
    project.signingKey.prepare();
  }).unref();

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
