import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { send } from "./http/send.js";
import { decodePath, serveFile } from "./http/static.js";

/** The local Postman environment, served filled in with the emulator's Auth URL and Full Access key. */
export const LOCAL_ENVIRONMENT = "environments/propelauth-local.postman_environment.json";

type Environment = { values?: { key: string; value: string }[] } & Record<string, unknown>;

/** The local environment with `authUrl` and `apiKey` filled in. */
export function filledEnvironment(postmanDir: string | undefined, authUrl: string, apiKey: string): Environment {
  const file = postmanDir ? join(postmanDir, LOCAL_ENVIRONMENT) : undefined;
  const base: Environment =
    file && existsSync(file)
      ? JSON.parse(readFileSync(file, "utf8"))
      : { id: "propelauth-emulator-local", name: "PropelAuth local (emulator)", _postman_variable_scope: "environment" };
  const filled: Record<string, string> = { authUrl, apiKey };
  const values = (
    base.values ?? [
      { key: "authUrl", value: "", type: "default", enabled: true },
      { key: "apiKey", value: "", type: "secret", enabled: true },
    ]
  ).map((v) => (v.key in filled ? { ...v, value: filled[v.key] ?? "" } : v));
  return { ...base, values };
}

/** Whether a path under /postman names the filled-in environment (which holds a key). */
export const isEnvironmentPath = (rest: string) => rest === "/environment.json" || rest === `/${LOCAL_ENVIRONMENT}`;

/** Serves /postman/: the list, the collection and environment files (the filled-in one is served by the caller). */
export function servePostmanFile(req: IncomingMessage, res: ServerResponse, postmanDir: string | undefined, rest: string) {
  if (rest === "" || rest === "/") {
    const collections = postmanDir ? readdirSync(postmanDir).filter((f) => f.endsWith(".postman_collection.json")) : [];
    return send(res, 200, { collections: collections.map((f) => `/postman/${f}`), environment: "/postman/environment.json" });
  }
  const relative = decodePath(rest.slice(1));
  if (relative === undefined) return send(res, 400, { error: `malformed escape in ${rest}` });
  if (postmanDir && serveFile(req, res, postmanDir, relative)) return;
  send(res, 404, {
    error: postmanDir ? `no Postman file ${rest}` : "the Postman collection is not installed (@propelauth-openapi/postman)",
  });
}
