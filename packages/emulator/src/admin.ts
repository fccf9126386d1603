import type { IncomingMessage, ServerResponse } from "node:http";
import { AdminError, fail, parse } from "./admin-error.js";
import { adminRoute } from "./admin-route.js";
import { KEY_KINDS } from "./config.js";
import { totp, uuid } from "./crypto.js";
import { json, stateDigest } from "./db.js";
import { followLink } from "./follow-link.js";
import type { Send } from "./http/send.js";
import type { Project } from "./project.js";
import { seedProject } from "./seed.js";

export interface AdminContext {
  project: Project;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  text: string;
  send: Send;
}

/** What a helper gets: the project, the request body's text and the path's segments after /__emulator. */
interface HelperCall {
  project: Project;
  text: string;
  parts: string[];
}

interface Helper {
  method: "GET" | "POST" | "PUT";
  /** As listed; `{name}` segments match any id. */
  path: string;
  /** The body it reads, as listed. */
  body?: string;
  what: string;
  run: (call: HelperCall) => unknown;
}

const HELPERS: Helper[] = [
  {
    method: "POST",
    path: "/reset",
    what: 'delete all users, organizations, keys\' data (backend keys are kept); with {"seed": "examples"}, then seed the document\'s examples',
    run: ({ project, text }) => {
      const body = parse(text) ?? {};
      if (body.seed !== undefined && body.seed !== "examples") throw fail(400, 'seed must be "examples"');
      project.reset();
      return body.seed ? { reset: true, seeded: seedProject(project, body.seed) } : { reset: true };
    },
  },
  { method: "GET", path: "/state", what: "a digest and row counts of the stored data", run: ({ project }) => stateDigest(project.db) },
  { method: "GET", path: "/keys", what: "the backend API keys", run: ({ project }) => ({ keys: project.store.backendKeys.list() }) },
  {
    method: "POST",
    path: "/keys",
    body: "{kind, permissions?, name?}",
    what: "create a backend API key",
    run: ({ project, text }) => {
      const body = parse(text);
      if (!KEY_KINDS.includes(body.kind)) throw fail(400, `kind must be one of ${KEY_KINDS.join(", ")}`);
      const permissions = Array.isArray(body.permissions) ? body.permissions.map(String) : [];
      const known = Object.keys(project.doc.info["x-propelauth-permissions"] ?? {});
      const unknown = permissions.filter((p: string) => !known.includes(p));
      if (unknown.length) throw fail(400, `unknown permissions: ${unknown.join(", ")}`);
      return project.store.backendKeys.create(body.kind, permissions, typeof body.name === "string" ? body.name : undefined, project.now());
    },
  },
  {
    method: "POST",
    path: "/clock",
    body: "{advance_seconds}",
    what: "move the emulator's clock forward (expiry tests)",
    run: ({ project, text }) => {
      const body = parse(text);
      if (typeof body.advance_seconds !== "number") throw fail(400, "advance_seconds must be a number");
      project.clockOffset += body.advance_seconds;
      return { now: project.now(), offset_seconds: project.clockOffset };
    },
  },
  {
    method: "POST",
    path: "/signing_key/rotate",
    what: "a new token-signing key: the metadata answers it, tokens signed before fail",
    run: ({ project }) => project.signingKey.rotate(),
  },
  {
    method: "GET",
    path: "/outbox",
    what: "emails and SMS the project would have sent, with their links and codes",
    run: ({ project }) => ({ messages: project.store.outbox.all() }),
  },
  {
    method: "GET",
    path: "/links/{token}",
    what: "follow a magic link (a login: answers the session's refresh_token), confirmation or invitation link",
    run: ({ project, parts }) => followLink(project, parts[1]!),
  },
  {
    method: "PUT",
    path: "/users/{user_id}/mfa_phones",
    body: "{phone_numbers: [...]}",
    what: "give a user SMS MFA",
    run: ({ project, text, parts }) => {
      project.store.users.require(parts[1]!);
      const body = parse(text);
      if (!Array.isArray(body.phone_numbers) || body.phone_numbers.some((p: unknown) => typeof p !== "string")) {
        throw fail(400, "phone_numbers must be an array of strings");
      }
      const phones = body.phone_numbers.map((phone_number: string) => ({ mfa_phone_id: uuid(), phone_number }));
      project.store.users.setMfaPhones(parts[1]!, JSON.stringify(phones));
      return { phone_numbers: phones };
    },
  },
  {
    method: "GET",
    path: "/users/{user_id}/totp",
    what: "the current TOTP code of a user with an authenticator app",
    run: ({ project, parts }) => {
      const user = project.store.users.require(parts[1]!);
      if (typeof user.mfa_totp_secret !== "string") throw fail(404, "the user has no authenticator app");
      return { code: totp(user.mfa_totp_secret, project.now()) };
    },
  },
  {
    method: "PUT",
    path: "/users/{user_id}/oauth_tokens/{provider}",
    body: "{access_token, refresh_token?, ...}",
    what: "store a social login token",
    run: ({ project, text, parts }) => {
      project.store.users.require(parts[1]!);
      const body = parse(text);
      if (typeof body.access_token !== "string") throw fail(400, "access_token must be a string");
      project.store.oauth.set({
        user_id: parts[1]!,
        provider: parts[3]!,
        access_token: body.access_token,
        refresh_token: body.refresh_token ?? null,
        token_expiration: body.token_expiration ?? null,
        authorized_scopes: json.text(body.authorized_scopes),
      });
      return { stored: true };
    },
  },
  {
    method: "POST",
    path: "/employees",
    body: "{email, employee_id?}",
    what: "add a PropelAuth employee",
    run: ({ project, text }) => {
      const body = parse(text);
      if (typeof body.email !== "string") throw fail(400, "email must be a string");
      const employeeId = typeof body.employee_id === "string" ? body.employee_id : uuid();
      project.store.oauth.setEmployee(employeeId, body.email);
      return { employee_id: employeeId, email: body.email };
    },
  },
  {
    method: "POST",
    path: "/orgs/{org_id}/scim_groups",
    body: "{display_name, external_id_from_idp?, user_ids?}",
    what: "push a SCIM group",
    run: ({ project, text, parts }) => {
      const org = project.store.orgs.require(parts[1]!);
      const body = parse(text);
      if (typeof body.display_name !== "string") throw fail(400, "display_name must be a string");
      const groupId = uuid();
      project.store.scim.insert(groupId, org.org_id, body.display_name, body.external_id_from_idp ?? null);
      const userIds: string[] = Array.isArray(body.user_ids) ? body.user_ids : [];
      userIds.forEach((userId, i) => {
        if (!project.store.orgs.membership(userId, String(org.org_id)))
          throw fail(400, `user ${userId} is not a member of the organization`);
        project.store.scim.addMember(groupId, userId, i);
      });
      return { group_id: groupId, display_name: body.display_name, members: userIds };
    },
  },
  {
    method: "PUT",
    path: "/api_keys/{api_key_id}/rate_limit",
    body: "{limit, window_seconds}",
    what: "set a key's own rate limit (null removes it)",
    run: ({ project, text, parts }) => {
      const body = parse(text);
      const limit = body === null || body.limit === null ? null : { limit: Number(body.limit), windowSeconds: Number(body.window_seconds) };
      if (limit && !(limit.limit >= 0 && limit.windowSeconds > 0)) throw fail(400, "limit must be >= 0 and window_seconds > 0");
      if (!project.store.apiKeys.setRateLimit(parts[1]!, json.text(limit))) throw fail(404, "unknown API key");
      return { api_key_id: parts[1], rate_limit: limit };
    },
  },
];

/** The helpers by route (`PUT /users/*\/mfa_phones`), as adminRoute resolves a request. */
const BY_ROUTE = new Map(HELPERS.map((h) => [`${h.method} ${h.path.replace(/\{[^}]+\}/g, "*")}`, h]));

/** What GET /__emulator/ answers: one line per helper, from the same table. */
export const ENDPOINTS = HELPERS.map((h) => `${h.method.padEnd(4)} /__emulator${h.path}${h.body ? ` ${h.body}` : ""} — ${h.what}`);

/** The helper a request reaches, by the same route the key gate decides on (see admin-route.ts). */
export function helperFor(method: string, pathname: string): { helper: Helper | undefined; route: string; parts: string[] } {
  const { route, parts } = adminRoute(method, pathname);
  return { helper: BY_ROUTE.get(route), route, parts };
}

export function handleAdmin(ctx: AdminContext): void {
  const { project, req, res, url, text, send } = ctx;
  const method = req.method ?? "GET";
  const { helper, route, parts } = helperFor(method, url.pathname);
  try {
    const result = project.write((): unknown => {
      if (route === "GET /") return { endpoints: ENDPOINTS };
      if (!helper) throw fail(404, `no emulator endpoint ${method} ${url.pathname}; GET /__emulator/ lists them`);
      return helper.run({ project, text, parts });
    });
    project.afterCommit(
      () => send(res, 200, result),
      (error) => send(res, 500, { error: error.message }),
    );
  } catch (error) {
    const status = error instanceof AdminError ? error.status : (error as { status?: number }).status;
    if (error instanceof AdminError) send(res, error.status, { error: error.message });
    else if (typeof status === "number") send(res, status, (error as { body?: unknown }).body ?? { error: String(error) });
    else send(res, 500, { error: (error as Error).message });
  }
}
