// Shared set-up for the collection tests: the built files (what users import), the document
// they come from, and newman runs against a loopback server.
import { readdirSync, readFileSync } from "node:fs";
import { type ExampleServer, listOperations, loadBundledDocument, type Operation, startExampleServer } from "@propelauth-openapi/spec";
import newman, { type NewmanRunSummary } from "newman";
import { expect } from "vitest";
import {
  COLLECTION_FILE,
  type Collection,
  ENVIRONMENT_SUFFIX,
  ENVIRONMENTS_DIR,
  type Environment,
  type Item,
  STEPS,
  type Step,
  stepId,
} from "../src/index.js";

export const doc = loadBundledDocument();
export const operations: Operation[] = listOperations(doc);

const dist = new URL("../dist/", import.meta.url);

function readJson<T>(url: URL): T {
  try {
    return JSON.parse(readFileSync(url, "utf8")) as T;
  } catch (error) {
    throw new Error(`cannot read ${url.pathname}: run \`pnpm --filter @propelauth-openapi/postman build\` first (${String(error)})`);
  }
}

/** The built collection, dist/propelauth-backend-api.postman_collection.json. */
export const collection = readJson<Collection>(new URL(COLLECTION_FILE, dist));

/** The built environment files, by file name. */
export const environments: Record<string, Environment> = Object.fromEntries(
  readdirSync(new URL(`${ENVIRONMENTS_DIR}/`, dist))
    .filter((f) => f.endsWith(ENVIRONMENT_SUFFIX))
    .map((f) => [f, readJson<Environment>(new URL(`${ENVIRONMENTS_DIR}/${f}`, dist))]),
);

export const localEnvironment = (): Environment => {
  const env = environments[`propelauth-local${ENVIRONMENT_SUFFIX}`];
  if (!env) throw new Error("no local environment file");
  return env;
};

/** Every request of the collection, with the folder it is in. */
export const items: { folder: string; item: Item }[] = collection.item.flatMap((folder) =>
  folder.item.map((item) => ({ folder: folder.name, item })),
);

/** The request with this id (`operationId`, or `operationId#variant`). */
export function itemFor(id: string): Item {
  const found = items.find((i) => i.item.id === id);
  if (!found) throw new Error(`no request ${id}`);
  return found.item;
}

/** The operationId a request calls. */
export const operationOf = (item: Item): string => item.id.split("#")[0]!;

export function stepFor(item: Item): Step {
  const found = STEPS.find((s) => stepId(s) === item.id);
  if (!found) throw new Error(`no step ${item.id}`);
  return found;
}

/** The requests a run sends when no live-person variable is filled in (the others are skipped). */
export const unattendedItems = items.filter((i) => !stepFor(i.item).needs?.length);

/**
 * A server that answers the collection's requests. The example server of @propelauth-openapi/spec
 * by default; the emulator can take its place by passing its own `start` to the tests that use it.
 */
export interface TargetServer {
  url: string;
  respondOnce: ExampleServer["respondOnce"];
  close(): Promise<void>;
  /** The method and path of every request the server received, when it records them. */
  requests?: { method: string; path: string; operationId?: string; headers: Record<string, string | string[] | undefined> }[];
}

export type StartTarget = () => Promise<TargetServer>;

export const startExampleTarget: StartTarget = () => startExampleServer(doc);

/** Runs the collection with newman, the local environment pointed at `authUrl` (and `apiKey` when given). */
export function runNewman(options: {
  authUrl: string;
  apiKey?: string;
  collection?: Collection;
  folder?: string | string[];
  /** More environment values (live-person variables). */
  env?: Record<string, string>;
}): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: structuredClone(options.collection ?? collection) as never,
        environment: structuredClone(localEnvironment()) as never,
        envVar: [
          { key: "authUrl", value: options.authUrl },
          ...(options.apiKey ? [{ key: "apiKey", value: options.apiKey }] : []),
          ...Object.entries(options.env ?? {}).map(([key, value]) => ({ key, value })),
        ],
        ...(options.folder ? { folder: options.folder } : {}),
        reporters: [],
        timeoutRequest: 10_000,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

/** The failed assertions of a run, readable in a test failure message. */
export function failuresOf(summary: NewmanRunSummary): string[] {
  return summary.run.failures.map((f) => {
    const source = f.source as { name?: string; id?: string } | undefined;
    const test = (f.error as { test?: string }).test;
    return `${source?.id ?? "?"} (${source?.name ?? "?"}): ${test ? `[${test}] ` : ""}${f.error.name}: ${f.error.message}`;
  });
}

/** The assertions a request's test script makes when it passes: the status, the body, one per captured value. */
export const assertionsOf = (item: Item): number => 2 + Object.keys(stepFor(item).capture ?? {}).length;

/**
 * Asserts a whole-collection run was complete and green: every request that needs no live person
 * ran once, in collection order, and every assertion passed (status, body, captures).
 */
export function expectGreenRun(summary: NewmanRunSummary, sent: { item: Item }[] = unattendedItems) {
  expect(failuresOf(summary)).toEqual([]);
  expect(summary.run.executions.map((e) => e.item.id)).toEqual(sent.map((i) => i.item.id));
  expect(summary.run.stats.requests.total).toBe(sent.length);
  expect(summary.run.stats.requests.failed).toBe(0);
  expect(summary.run.stats.assertions.failed).toBe(0);
  expect(summary.run.stats.assertions.total).toBe(sent.reduce((n, i) => n + assertionsOf(i.item), 0));
  expect(summary.run.stats.testScripts.failed).toBe(0);
}
