import type { Operation } from "@propelauth-openapi/spec";
import type { Project } from "../project.js";

/** What a handler gets: the validated request and the project it acts on. */
export interface HandlerContext {
  project: Project;
  op: Operation;
  path: Record<string, string>;
  /** Query parameters converted to their schema types. */
  query: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: the body was validated against the operation's schema
  body: any;
}

export interface Reply {
  status: number;
  /** JSON value, or a string sent as text/plain; undefined for an empty body. */
  body?: unknown;
  contentType?: string;
}

export type Handler = (ctx: HandlerContext) => Reply;

export const ok = (body: unknown = {}): Reply => ({ status: 200, body });
