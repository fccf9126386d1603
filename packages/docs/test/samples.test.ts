// Every code sample of the site, for every operation of the document: the TypeScript samples are
// type-checked against the built client and run against the loopback example server, and the
// curl samples are run (real curl when there is one) against the same server. The server
// validates each request against the document, so a sample that sends a wrong request fails.
// Run: pnpm --filter @propelauth-openapi/client build && pnpm --filter @propelauth-openapi/docs build && npx vitest run --project docs
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import {
  type ExampleServer,
  listOperations,
  loadBundledDocument,
  type Operation,
  startExampleServer,
  successExample,
} from "@propelauth-openapi/spec";
import ts from "typescript";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { packageDir } from "../src/paths.js";
import { API_KEY_ENV, AUTH_URL_ENV, shellDoubleQuoted, shellQuote } from "../src/samples.js";
import { parseCurl, shellWords } from "./curl.js";
import { loadSiteDocument, samplesOf } from "./support.js";

const run = promisify(execFile);
const site = loadSiteDocument();
const spec = loadBundledDocument();
const ops = listOperations(site);
const cases = ops.map((op) => [op.operationId, op] as const);
const API_KEY = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";
const samplesDir = join(packageDir, ".tmp", "samples");
const hasCurl = spawnSync("curl", ["--version"]).status === 0;

let server: ExampleServer;
beforeAll(async () => {
  server = await startExampleServer(spec);
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

/** The operation of the spec (not the enriched copy) and the answer the example server gives. */
function expected(op: Operation): { status: number; body: unknown; json: boolean } {
  const specOp = listOperations(spec).find((o) => o.operationId === op.operationId);
  if (!specOp) throw new Error(`${op.operationId} is on the site but not in spec/dist/openapi.json: rebuild the docs`);
  const answer = successExample(spec, specOp);
  return { status: answer.status, body: answer.body, json: answer.contentType === undefined || answer.contentType.includes("json") };
}

function received(op: Operation) {
  expect(server.requests.map((r) => r.operationId ?? `${r.method} ${r.path} (no operation)`)).toEqual([op.operationId]);
  const request = server.requests[0]!;
  expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
  return request;
}

// The path-based sample (client.GET(…)) and the named-operation sample (fetchUserById(client, …)).
describe.each(["ts", "operation"] as const)("TypeScript samples (%s)", (kind) => {
  const withSample = cases.filter(([, op]) => samplesOf(op)[kind] !== undefined);
  const dir = join(samplesDir, kind);
  const files = new Map<string, string>();
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [, op] of withSample) {
      const file = join(dir, `${op.operationId}.ts`);
      writeFileSync(file, samplesOf(op)[kind]!.source);
      files.set(op.operationId, file);
    }
  });

  it(`all ${withSample.length} type-check (strict) against the built @propelauth-openapi/client`, () => {
    expect(withSample.length).toBe(ops.length);
    const program = ts.createProgram([...files.values()], {
      strict: true,
      noEmit: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.replace(`${dir}/`, "")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(diagnostics).toEqual([]);
  });

  it.each(withSample)("%s runs against the example server", async (_id, op) => {
    const file = files.get(op.operationId)!;
    process.env[AUTH_URL_ENV] = server.url;
    process.env[API_KEY_ENV] = API_KEY;
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await import(/* @vite-ignore */ pathToFileURL(file).href);
      received(op);
      const answer = expected(op);
      expect(log).toHaveBeenCalledTimes(1);
      const logged = log.mock.calls[0]![0];
      if (answer.json) expect(logged).toEqual(answer.body);
      else if (typeof answer.body === "string") expect(String(logged)).toContain(answer.body);
    } finally {
      log.mockRestore();
      delete process.env[AUTH_URL_ENV];
      delete process.env[API_KEY_ENV];
    }
  });
});

describe(`curl samples (${hasCurl ? "run with curl" : "no curl here: parsed and sent with fetch"})`, () => {
  it.each(cases)("%s sends the documented request and gets the example", async (_id, op) => {
    const env = { [AUTH_URL_ENV]: server.url, [API_KEY_ENV]: API_KEY };
    const source = samplesOf(op).curl.source;
    const parsed = parseCurl(source, env);
    let status: number;
    let text: string;
    if (hasCurl) {
      // The sample exactly as shown, with curl told to print the status after the body.
      const script = `curl() { command curl --silent --show-error --write-out '\\n%{http_code}' "$@"; }\n${source}\n`;
      const { stdout } = await run("bash", ["-c", script], { env: { ...process.env, ...env }, encoding: "utf8" });
      const cut = stdout.lastIndexOf("\n");
      status = Number(stdout.slice(cut + 1));
      text = stdout.slice(0, cut);
    } else {
      const response = await fetch(parsed.url, {
        method: parsed.method,
        headers: parsed.headers,
        ...(parsed.body !== undefined ? { body: parsed.body } : {}),
      });
      status = response.status;
      text = await response.text();
    }
    const request = received(op);
    // What was sent is what the sample reads as.
    const url = new URL(parsed.url);
    expect([request.method, request.path, request.query.toString()]).toEqual([parsed.method, url.pathname, url.searchParams.toString()]);
    if (parsed.body !== undefined && parsed.headers["content-type"]?.includes("json"))
      expect(request.body).toEqual(JSON.parse(parsed.body));
    const answer = expected(op);
    expect({ status, body: text }).toMatchObject({ status: answer.status });
    if (answer.json && answer.body !== undefined) expect(JSON.parse(text)).toEqual(answer.body);
    else if (typeof answer.body === "string") expect(text).toContain(answer.body);
    else if (answer.body === undefined) expect(text).toBe("");
  });
});

describe("shell quoting of sample values", () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text that must not expand
  const tricky = ["it's", 'say "hi"', "$HOME and ${PATH}", "back\\slash `cmd`", "multi\nline", "ünïcödé ✓", ""];
  it.each(tricky.map((t) => [JSON.stringify(t), t] as const))(
    "%s survives single and double quotes in bash and in the parser",
    async (_name, text) => {
      const script = `printf '%s|' ${shellQuote(text)} "${shellDoubleQuoted(text)}"`;
      const { stdout } = await run("bash", ["-c", script], { encoding: "utf8" });
      expect(stdout).toBe(`${text}|${text}|`);
      expect(shellWords(`x ${shellQuote(text)} "${shellDoubleQuoted(text)}"`, {})).toEqual(["x", text, text]);
    },
  );
});
