// What the emulator serves besides the API: the document, a summary at /, the docs site and the
// Postman files (the filled-in environment only to this machine).
import type { IncomingMessage, ServerResponse } from "node:http";
import { listOperations, type OpenApiDocument } from "@propelauth-openapi/spec";
import type { LocalOnlyGuard } from "./http/local-only.js";
import { send } from "./http/send.js";
import { decodePath, serveFile } from "./http/static.js";
import { filledEnvironment, isEnvironmentPath, servePostmanFile } from "./postman.js";

export interface SiteOptions {
  doc: OpenApiDocument;
  authUrl: () => string;
  docsDir: string | undefined;
  postmanDir: string | undefined;
  /** The Full Access key, for the filled-in Postman environment. */
  apiKey: string;
  localOnly: LocalOnlyGuard;
}

/** Answers a GET of the site; false when the path is not the site's (then it is the API's). */
export function createSite(o: SiteOptions) {
  let openapiText = "";

  const serveDocs = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const relative = decodePath(path.slice(6));
    if (relative === undefined) return send(res, 400, { error: `malformed escape in ${path}` });
    if (o.docsDir && serveFile(req, res, o.docsDir, relative || "index.html")) return;
    send(res, 404, { error: o.docsDir ? `no docs file ${path}` : "the docs are not installed (@propelauth-openapi/docs)" });
  };

  const servePostman = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const rest = path.slice(8);
    if (!isEnvironmentPath(rest)) return servePostmanFile(req, res, o.postmanDir, rest);
    if (o.localOnly(req, res, path, true)) return;
    send(res, 200, filledEnvironment(o.postmanDir, o.authUrl(), o.apiKey));
  };

  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    const authUrl = o.authUrl();
    if (path === "/openapi.json") {
      openapiText ||= JSON.stringify({ ...o.doc, servers: [{ url: authUrl, description: "This PropelAuth Backend API emulator" }] });
      send(res, 200, openapiText, "application/json");
    } else if (path === "/" || path === "") {
      send(res, 200, {
        name: "PropelAuth Backend API emulator",
        auth_url: authUrl,
        openapi: `${authUrl}/openapi.json`,
        docs: o.docsDir ? `${authUrl}/docs/` : null,
        postman: `${authUrl}/postman/`,
        operations: listOperations(o.doc).length,
      });
    } else if (path === "/docs") {
      send(res, 301, undefined, undefined, { location: "/docs/" });
    } else if (path.startsWith("/docs/")) {
      serveDocs(req, res, path);
    } else if (path === "/postman" || path.startsWith("/postman/")) {
      servePostman(req, res, path);
    } else {
      return false;
    }
    return true;
  };
}
