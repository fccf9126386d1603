// Runs functions of the official Node SDK (@propelauth/node-apis) with `fetch` intercepted, and
// checks that what they send is an operation of the document, and that the document's success
// examples, served back, parse in the SDK.
import { getApis } from "@propelauth/node-apis";
import { afterEach, expect, it, vi } from "vitest";
import { createRouter, createValidator, deref, listOperations, loadBundledDocument, type Operation } from "../../src/index.js";

export type Apis = ReturnType<typeof getApis>;
export type SdkFunction = keyof Apis;

export interface ConformanceCase {
  /** The `getApis()` function under test. */
  fn: SdkFunction;
  /** Extra words for the test name when one function has several cases. */
  variant?: string;
  /** The operation the call must be an instance of. */
  operationId: string;
  call: (apis: Apis) => Promise<unknown>;
  /** Exact path the SDK must request (with its path parameters filled in). */
  path?: string;
  /** Exact query parameters the SDK must send (all of them). */
  query?: Record<string, string>;
  /** Exact JSON body the SDK must send. */
  body?: unknown;
  /** Checks on what the SDK returned for the served example. */
  check?: (result: unknown, served: unknown) => void;
  /**
   * Only these named examples of the success response are served to this case (all of them when
   * absent), for functions that accept only some answers, such as validatePersonalApiKey.
   */
  examples?: string[];
}

export const AUTH_URL = "https://1581439057.propelauthtest.com";
export const API_KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";
export const doc = loadBundledDocument();
const match = createRouter(doc);
const validator = createValidator(doc);
const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));

export interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  text: string | undefined;
}

/** Every example of the operation's success response; `undefined` stands for an empty body. */
export function successBodies(op: Operation): { status: number; name: string; body: unknown }[] {
  const status = Object.keys(op.operation.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0]!;
  const response = deref(doc, op.operation.responses[status]!);
  const media = Object.values(response.content ?? {})[0];
  if (!media) return [{ status: Number(status), name: "empty", body: undefined }];
  if (media.example !== undefined) return [{ status: Number(status), name: "example", body: media.example }];
  return Object.entries(media.examples ?? {}).map(([name, ex]) => ({
    status: Number(status),
    name,
    body: deref<{ value?: unknown }>(doc, ex).value,
  }));
}

/** Calls the SDK once with `fetch` answering `status`/`body`, and returns what it sent and returned. */
export async function callSdk(c: ConformanceCase, status: number, body: unknown): Promise<{ sent: Sent[]; result: unknown }> {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({
      url: new URL(request.url),
      method: request.method,
      headers: request.headers,
      text: init?.body === undefined || init.body === null ? undefined : String(init.body),
    });
    const text = body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers: text === null ? {} : { "content-type": "application/json" } });
  });
  const result = await c.call(getApis(new URL(AUTH_URL), API_KEY));
  return { sent, result };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The success examples served to a case: all of them, or those its `examples` names. */
function servedBodies(c: ConformanceCase, op: Operation) {
  return successBodies(op).filter((b) => !c.examples || c.examples.includes(b.name));
}

/** Declares one test per case and served example. */
export function conformance(cases: ConformanceCase[]) {
  for (const c of cases) {
    const op = operations.get(c.operationId);
    const name = `${c.fn}${c.variant ? ` (${c.variant})` : ""} -> ${c.operationId}`;
    it(`${name}: sends a request the document describes`, async () => {
      expect(op, `operation ${c.operationId} is in the document`).toBeDefined();
      expect(op!.operation["x-propelauth-sdk"]?.node ?? [], `x-propelauth-sdk.node of ${c.operationId} names ${c.fn}`).toContain(c.fn);
      if (c.examples)
        expect(
          successBodies(op!).map((b) => b.name),
          "the examples the case names exist",
        ).toEqual(expect.arrayContaining(c.examples));
      const [first] = servedBodies(c, op!);
      const { sent } = await callSdk(c, first!.status, first!.body);
      expect(sent, "the SDK sends exactly one request").toHaveLength(1);
      const request = sent[0]!;
      expect(request.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
      expect(request.headers.get("x-propelauth-url")).toBe(new URL(AUTH_URL).hostname);

      const found = match(request.method, request.url.pathname);
      expect(found.kind === "match" ? `${found.op.operationId}` : `${found.kind}: ${request.method} ${request.url.pathname}`).toBe(
        c.operationId,
      );
      if (found.kind !== "match") return;
      const parsedBody = request.text === undefined || request.text === "" ? undefined : JSON.parse(request.text);
      const checked = validator.validateRequest(found.op, {
        pathParams: found.pathParams,
        query: request.url.searchParams,
        body: parsedBody,
      });
      expect(checked.errors, "request conforms to the document").toEqual({});
      if (c.path) expect(request.url.pathname).toBe(c.path);
      if (c.query) expect(Object.fromEntries(request.url.searchParams)).toEqual(c.query);
      if (c.body !== undefined) expect(parsedBody).toEqual(c.body);
    });
    for (const served of op ? servedBodies(c, op) : []) {
      it(`${name}: parses the ${served.status} example "${served.name}"`, async () => {
        const { result } = await callSdk(c, served.status, served.body);
        c.check?.(result, served.body);
      });
    }
  }
}
