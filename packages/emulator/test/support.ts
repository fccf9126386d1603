// Shared set-up: the built emulator (dist, not the sources), started in memory on a free port with
// response validation on, and a small client for its API and test helpers.
import { Agent, request as httpRequest } from "node:http";
import { firstExample, listOperations, loadBundledDocument, type Operation, requestMedia } from "@propelauth-openapi/spec";
import { afterAll, beforeAll } from "vitest";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../dist/index.js";

export const doc = loadBundledDocument();
export const operations = listOperations(doc);
export const operationById = new Map(operations.map((op) => [op.operationId, op]));

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
  body: any;
  text: string;
  headers: Headers;
}

export interface Call {
  query?: Record<string, string | number | boolean | string[]>;
  body?: unknown;
  /** Raw body text, sent as is (for malformed JSON). */
  raw?: string;
  key?: string | null;
  headers?: Record<string, string>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Sends one request to the emulator (node:http, so that a GET may carry a body, as bad clients do). */
export function request(base: string, method: string, path: string, call: Call = {}): Promise<Answer> {
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(call.query ?? {})) {
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
    else url.searchParams.set(k, String(v));
  }
  const headers: Record<string, string> = { ...call.headers };
  if (call.key) headers.authorization = `Bearer ${call.key}`;
  let body: string | undefined;
  if (call.raw !== undefined) body = call.raw;
  else if (call.body !== undefined) body = JSON.stringify(call.body);
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown = text;
        try {
          parsed = text === "" ? undefined : JSON.parse(text);
        } catch {
          // plain text answers stay text
        }
        const out = new Headers();
        for (const [k, value] of Object.entries(res.headers)) if (typeof value === "string") out.set(k, value);
        resolve({ status: res.statusCode ?? 0, body: parsed, text, headers: out });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

export interface Harness {
  emu: RunningEmulator;
  /** Full Access key. */
  key: string;
  /** Calls the API with the Full Access key unless `call.key` says otherwise. */
  api(method: string, path: string, call?: Call): Promise<Answer>;
  /** Calls a /__emulator/ helper. */
  admin(method: string, path: string, body?: unknown): Promise<Answer>;
  /** Calls an operation by operationId with path parameters filled in. */
  op(operationId: string, params?: Record<string, string>, call?: Call): Promise<Answer>;
}

export const PREFIX = "/api/backend/v1";

/** The path of an operation with its parameters filled in (encoded). */
export function pathOf(op: Operation, params: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
}

export function harness(emu: RunningEmulator): Harness {
  const key = emu.keys["full-access"].token;
  const api = (method: string, path: string, call: Call = {}) =>
    request(emu.url, method, path.startsWith("/api/") ? path : `${PREFIX}${path}`, { key, ...call });
  return {
    emu,
    key,
    api,
    // State-changing helpers take JSON only (the body may be empty).
    admin: (method, path, body) =>
      request(emu.url, method, `/__emulator${path}`, body === undefined ? { headers: { "content-type": "application/json" } } : { body }),
    op: (operationId, params = {}, call = {}) => {
      const op = operationById.get(operationId);
      if (!op) throw new Error(`no operation ${operationId} in the document`);
      return request(emu.url, op.method.toUpperCase(), pathOf(op, params), { key, ...call });
    },
  };
}

/** Starts an in-memory emulator for the file's tests, with response validation on. */
export function useEmulator(options: EmulatorOptions = {}): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = harness(await startEmulator({ memory: true, port: 0, validateResponses: true, ...options }));
  });
  afterAll(async () => {
    await h?.emu.close();
  });
  return () => {
    if (!h) throw new Error("emulator not started");
    return h;
  };
}

/** The example request of an operation: path parameters, query parameters and body from the document. */
export function exampleRequest(op: Operation): { params: Record<string, string>; query: Record<string, string>; body: unknown } {
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in === "path") params[p.name] = String(p.example ?? "");
    else if (p.in === "query" && p.required) query[p.name] = String(p.example ?? "");
  }
  const example = firstExample(doc, requestMedia(doc, op));
  return { params, query, body: example.found ? structuredClone(example.value) : op.operation.requestBody ? {} : undefined };
}

/** Replaces every occurrence of the example ids and emails in a value. */
export function substitute<T>(value: T, map: Record<string, string>): T {
  let text = JSON.stringify(value);
  if (text === undefined) return value;
  for (const [from, to] of Object.entries(map)) text = text.split(from).join(to);
  return JSON.parse(text) as T;
}

/** Whether an answer is a refusal of the backend key itself (not of the request). */
export function isKeyRefusal(answer: Answer): boolean {
  if (answer.status === 401) return true;
  if (answer.status !== 403) return false;
  return answer.body?.error_code === "unauthorized";
}

export const uniqueEmail = (() => {
  let n = 0;
  return (prefix = "user") => `${prefix}${++n}.${Date.now().toString(36)}@example.com`;
})();
