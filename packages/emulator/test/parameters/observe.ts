// Runs one operation on a fresh world with one parameter set to a chosen value, and records what
// it observably did: the answer, and every stored row, with the ids and times that differ from
// run to run replaced by stable names.
import type { Operation } from "@propelauth-openapi/spec";
import { vi } from "vitest";
import { exampleRequest, type Harness, substitute } from "../support.js";
import { buildWorld, type World } from "../world.js";
import type { Described } from "./described.js";

/** A value meaning "leave the parameter out". */
export const ABSENT = Symbol("absent");

export interface Observation {
  status: number;
  answer: unknown;
  state: unknown;
}

export interface Request {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

const TABLES =
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('meta', 'backend_keys') AND name NOT LIKE 'sqlite_%' ORDER BY name";

function dump(h: Harness): Record<string, unknown[]> {
  const { db } = h.emu.project;
  const out: Record<string, unknown[]> = {};
  for (const { name } of db.prepare(TABLES).all() as { name: string }[])
    out[name] = db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all();
  return out;
}

/** The world of test/world.ts, plus what tells filters apart: a second organization and more keys. */
export interface Rich extends World {
  /** Globex (globex.com, legacy id org_globex), with the other user as its Member. */
  org2Id: string;
  /** The first user's personal key (no organization). */
  personalKeyId: string;
  /** The other user's personal key, deleted (archived). */
  archivedKeyId: string;
  h: Harness;
  /** What a set-up leaves for a prepare. */
  stash: Record<string, unknown>;
}

async function enrich(h: Harness, world: World): Promise<Rich> {
  const body = async (answer: Promise<{ status: number; body: unknown; text: string }>) => {
    const a = await answer;
    if (a.status >= 300) throw new Error(`world: ${a.status} ${a.text}`);
    // biome-ignore lint/suspicious/noExplicitAny: set-up answers are read loosely
    return a.body as any;
  };
  const org2 = await body(h.op("createOrg", {}, { body: { name: "Globex", domain: "globex.com", legacy_org_id: "org_globex" } }));
  await body(h.op("addUserToOrg", {}, { body: { user_id: world.otherUserId, org_id: org2.org_id, role: "Member", additional_roles: [] } }));
  const personal = await body(h.op("createApiKey", {}, { body: { user_id: world.userId, display_name: "personal" } }));
  const archived = await body(h.op("createApiKey", {}, { body: { user_id: world.otherUserId } }));
  await body(h.op("deleteApiKey", { api_key_id: archived.api_key_id }));
  await body(h.op("validateApiKey", {}, { body: { api_key_token: world.apiKeyToken } }));
  return { ...world, org2Id: org2.org_id, personalKeyId: personal.api_key_id, archivedKeyId: archived.api_key_id, h, stash: {} };
}

const JWT = /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/;
const RANDOM = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,}|[A-Za-z0-9_-]{40,}/gi;

/** Replaces the world's ids by the document's example ids, and other random ids and codes by their order of appearance. */
function normalizer(world: World) {
  const seen = new Map<string, string>();
  const names = new Map(Object.entries(world.map).map(([example, real]) => [real, example]));
  names.set(world.apiKeyToken, "world-api-key-token");
  const text = (s: string) =>
    s
      .replace(/\b\d{6}\b/g, "code")
      .replace(/scrypt\$[A-Za-z0-9+/=$]+/g, "scrypt-hash")
      .replace(RANDOM, (m) => {
        const known = names.get(m) ?? names.get(m.toLowerCase());
        if (known) return known;
        if (!seen.has(m)) seen.set(m, `random-${seen.size}`);
        return seen.get(m)!;
      });
  const walk = (v: unknown): unknown => {
    // An access token is compared by what it says.
    if (typeof v === "string" && JWT.test(v)) return { jwt: walk(JSON.parse(Buffer.from(v.split(".")[1]!, "base64url").toString())) };
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]));
    return v;
  };
  return walk;
}

/** Makes the example request fit the world, or sets what the parameter's effect needs. */
export type Prepare = (request: Request, world: Rich, value: unknown) => void | Promise<void>;

export interface Variant {
  /** The parameter's value (ABSENT leaves it out); a function reads the world. */
  value: unknown;
  /** Runs before the value is set: makes the example request act on the world. */
  setup?: Prepare;
  /** Runs after: sets what the value's effect needs. */
  prepare?: Prepare;
}

/** The example request, acting on the world's entities. */
export function baseRequest(op: Operation, world: World): Request {
  const example = substitute(exampleRequest(op), world.map);
  return { params: example.params, query: example.query, body: example.body };
}

/** The instant every run starts at: the emulator runs in this process, so its clock is this Date. */
const START = Date.now();

export async function observe(h: Harness, op: Operation, param: Described, variant: Variant): Promise<Observation> {
  vi.useFakeTimers({ toFake: ["Date"], now: START });
  try {
    return await observeAt(h, op, param, variant);
  } finally {
    vi.useRealTimers();
  }
}

async function observeAt(h: Harness, op: Operation, param: Described, variant: Variant): Promise<Observation> {
  await h.admin("POST", "/reset");
  const world = await enrich(h, await buildWorld(h));
  const request = baseRequest(op, world);
  const value = typeof variant.value === "function" ? variant.value(world) : variant.value;
  await variant.setup?.(request, world, value);
  const target: Record<string, unknown> =
    param.in === "path" ? request.params : param.in === "query" ? request.query : (request.body as Record<string, unknown>);
  if (value === ABSENT) delete target[param.name];
  else target[param.name] = param.in === "path" ? String(value) : value;
  await variant.prepare?.(request, world, value);
  const answer = await h.op(op.operationId, request.params, {
    query: request.query as Record<string, string>,
    body: request.body,
  });
  const normalize = normalizer(world);
  return { status: answer.status, answer: normalize(answer.body), state: normalize(dump(h)) };
}
