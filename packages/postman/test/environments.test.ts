// The environment files: every variable the collection uses is defined in each, and no secret
// is ever written into them or into the collection.
import { describe, expect, it } from "vitest";
import { LIVE_VARIABLES } from "../src/index.js";
import { collection, doc, environments } from "./support.js";

const files = Object.keys(environments).sort();

/** Every `{{name}}` the collection uses, except Postman's dynamic variables (`{{$guid}}`). */
function usedVariables(value: unknown): Set<string> {
  const names = new Set<string>();
  for (const match of JSON.stringify(value).matchAll(/\{\{([^{}]+)\}\}/g)) if (!match[1]!.startsWith("$")) names.add(match[1]!);
  return names;
}

/** Every string inside a JSON value (keys included), looking into strings that hold JSON (bodies). */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") {
    let parsed: unknown;
    try {
      parsed = /^\s*[[{]/.test(value) ? JSON.parse(value) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined) into.push(value);
    else stringsOf(parsed, into);
  } else if (Array.isArray(value)) for (const v of value) stringsOf(v, into);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      into.push(k);
      stringsOf(v, into);
    }
  return into;
}

const TOKEN = /[A-Za-z0-9_\-+/=.]{24,}/g;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]{8,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Strings that look like credentials: long runs mixing letters and digits, JWTs, bearer values. */
function keyLikeStrings(value: unknown): string[] {
  const found = new Set<string>();
  for (const text of stringsOf(value)) {
    for (const [token] of text.matchAll(TOKEN)) {
      if (UUID.test(token)) continue;
      // A long part mixing letters and digits, as keys and tokens have (paths and field names do not).
      const looksLikeKey = token.split(/[_\-./]/).some((part) => part.length >= 16 && /\d/.test(part) && /[a-z]/i.test(part));
      if (looksLikeKey || /^eyJ/.test(token)) found.add(token);
    }
    for (const [bearer] of text.matchAll(BEARER)) found.add(bearer);
  }
  return [...found];
}

/** Every token in the document's text and examples: those are published, not secret. */
function documentedStrings(): Set<string> {
  const tokens = new Set<string>();
  for (const text of stringsOf(doc)) {
    for (const [token] of text.matchAll(TOKEN)) tokens.add(token);
    for (const [bearer] of text.matchAll(BEARER)) tokens.add(bearer);
  }
  return tokens;
}

describe("environment files", () => {
  it("exist for test, staging, prod and a local server", () => {
    expect(files).toEqual([
      "propelauth-local.postman_environment.json",
      "propelauth-prod.postman_environment.json",
      "propelauth-staging.postman_environment.json",
      "propelauth-test.postman_environment.json",
    ]);
  });

  it.each(files)("%s is a Postman environment with authUrl, a secret apiKey and the live-person values, each described", (file) => {
    const env = environments[file]!;
    expect(env._postman_variable_scope).toBe("environment");
    expect(env.name).toMatch(/^PropelAuth /);
    expect(env.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.values.map((v) => v.key).sort()).toEqual(["apiKey", "authUrl", ...Object.keys(LIVE_VARIABLES)].sort());
    for (const v of env.values) expect(v.description?.length ?? 0, v.key).toBeGreaterThan(20);
    for (const key of Object.keys(LIVE_VARIABLES)) expect(env.values.find((v) => v.key === key)!.value, key).toBe("");
    const authUrl = env.values.find((v) => v.key === "authUrl")!;
    expect(authUrl.value).toMatch(/^https?:\/\/[^/]+$/);
    const apiKey = env.values.find((v) => v.key === "apiKey")!;
    expect(apiKey.type).toBe("secret");
    expect(env.values.every((v) => v.enabled)).toBe(true);
  });

  it("point test, staging and prod at placeholders, local at the emulator's default, each with an empty key", () => {
    const value = (file: string, key: string) =>
      environments[`propelauth-${file}.postman_environment.json`]!.values.find((v) => v.key === key)!.value;
    expect(value("test", "authUrl")).toBe("https://YOUR_PROJECT.propelauthtest.com");
    for (const file of ["test", "staging", "prod"]) {
      expect(value(file, "authUrl"), file).toContain("YOUR_");
      expect(value(file, "apiKey"), file).toBe("");
    }
    expect(value("local", "authUrl")).toBe("http://127.0.0.1:4010");
    expect(value("local", "apiKey")).toBe("");
  });

  it.each(files)("%s, with the collection's own variables, declares every {{variable}} the collection uses", (file) => {
    const used = usedVariables(collection);
    const own = new Set((collection.variable ?? []).map((v) => v.key));
    const defined = new Set(environments[file]!.values.map((v) => v.key));
    for (const name of used) expect(defined.has(name) || own.has(name), `${file} lacks ${name}`).toBe(true);
    // The environment must not shadow what the run captures: Postman gives environment values precedence.
    for (const name of own) expect(defined.has(name), `${file} shadows ${name}`).toBe(false);
    for (const v of collection.variable ?? []) expect(v.description?.length ?? 0, v.key).toBeGreaterThan(10);
  });
});

describe("no secrets", () => {
  it("the environments hold no key-like value", () => {
    for (const [file, env] of Object.entries(environments)) expect(keyLikeStrings(env), file).toEqual([]);
  });

  it("the collection sends the key only as {{apiKey}} and its variables are empty", () => {
    expect(JSON.stringify(collection.auth)).not.toMatch(/"value":"(?!\{\{apiKey\}\})/);
    for (const v of collection.variable ?? []) expect(v.value, v.key).toBe("");
    expect(JSON.stringify(collection)).not.toMatch(/"key":"authorization"/i);
  });

  it("the collection holds no key-like string beyond the document's published examples", () => {
    const published = documentedStrings();
    expect(keyLikeStrings(collection).filter((s) => !published.has(s))).toEqual([]);
  });

  it("the detector finds planted secrets", () => {
    const planted = structuredClone(collection);
    planted.auth.bearer![0]!.value = "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f";
    const published = documentedStrings();
    expect(keyLikeStrings(planted).filter((s) => !published.has(s))).toEqual(["3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f"]);
    expect(keyLikeStrings({ header: "Authorization: Bearer abcdef123456" })).toEqual(["Bearer abcdef123456"]);
    expect(keyLikeStrings({ value: "sk_live_0123456789abcdefghijklmn" })).toHaveLength(1);
  });
});
