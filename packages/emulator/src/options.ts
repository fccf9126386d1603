import type { PermissionId, RateLimit } from "./config.js";
import type { Handler } from "./handlers/types.js";
import type { SeedName } from "./seed.js";

export interface EmulatorOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SQLite file; ":memory:" (or `memory: true`) keeps nothing. Default ./.propelauth-emulator/emulator.sqlite (working directory). */
  dataFile?: string;
  memory?: boolean;
  /** Deletes the project's data at start (keys and the token-signing key pair are kept). */
  reset?: boolean;
  /**
   * `"examples"`: on an empty store (a new data file, memory, or after `reset`), creates the
   * entities the OpenAPI document's examples refer to, with their ids and values. A store that
   * already holds data is left as it is.
   */
  seed?: SeedName;
  /** The permissions of the printed Custom key; kept from the last run when not given. */
  customPermissions?: PermissionId[];
  /** Validates every answer against the document; a mismatch becomes a 500 that says why. */
  validateResponses?: boolean;
  /** Per-key rate limit applied to every end-user API key without its own (default: none). */
  apiKeyRateLimit?: RateLimit | null;
  /** Organizations (B2B) enabled: otherwise the operations that describe 426 answer it. Default true. */
  orgsEnabled?: boolean;
  /** Backend access-token creation enabled: otherwise Create Access Token answers 404. Default true. */
  accessTokensEnabled?: boolean;
  /** Step-up MFA on the project's plan: otherwise step-up operations answer `feature_gated`. Default true. */
  stepUpMfaEnabled?: boolean;
  /** The Auth URL to announce and put in tokens and links; default http://<host>:<port>. */
  authUrl?: string;
  /** `full` makes every commit fsync (synchronous=FULL); default `normal` (WAL, survives kill -9). */
  durability?: "normal" | "full";
  /**
   * Where the docs and Postman files are looked for, at run time (defaults: the dist folders of the
   * installed @propelauth-openapi/docs and @propelauth-openapi/postman packages).
   */
  docsDir?: string;
  postmanDir?: string;
  /** Replaces handlers by operationId (tests use it to check the response-validation mode). */
  handlerOverrides?: Record<string, Handler>;
  /** Largest request body accepted, in bytes (default 5 MiB); a larger one is answered 413 unread. */
  bodyLimit?: number;
  /**
   * Serve the backend keys over HTTP (GET/POST /__emulator/keys, /postman/environment.json) even
   * when bound to an interface other than loopback. Default false: off loopback no key is served.
   */
  exposeKeys?: boolean;
  /** Logs each request to stderr. */
  log?: boolean;
}
