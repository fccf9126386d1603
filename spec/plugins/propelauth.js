// Redocly plugin with the rules that keep every operation of this document to the project's
// conventions: declared key kinds and permissions, examples, and SDK function names.
// The key-kind rule lives once, in src/read/access.ts; redocly loads this plain JS, so it reads the
// compiled module (`pnpm build` compiles it before bundling, which loads this plugin).
import { kindsAllowed } from "../dist/tools/read/access.js";

const ACCESS_KEYS = new Set(["key-kinds", "permissions", "field-permissions"]);

function resolved(ctx, node) {
  return node && typeof node === "object" && "$ref" in node ? ctx.resolve(node).node : node;
}

function jsonMedia(ctx, container) {
  const content = resolved(ctx, container)?.content;
  return content?.["application/json"];
}

function hasExample(ctx, media) {
  if (!media) return true;
  if (media.example !== undefined) return true;
  const examples = resolved(ctx, media.examples);
  return examples && Object.keys(examples).length > 0;
}

function AccessDeclared() {
  let keyKinds = {};
  let permissions = {};
  return {
    Info: {
      enter(info, ctx) {
        keyKinds = resolved(ctx, info["x-propelauth-key-kinds"]) ?? {};
        permissions = resolved(ctx, info["x-propelauth-permissions"]) ?? {};
        if (Object.keys(keyKinds).length === 0) {
          ctx.report({ message: "info must declare x-propelauth-key-kinds.", location: ctx.location });
        }
        for (const [id, perm] of Object.entries(permissions)) {
          const where = ctx.location.child(["x-propelauth-permissions", id]);
          if (typeof perm?.name !== "string" || typeof perm?.confirmed !== "boolean" || !Array.isArray(perm?.["granted-to"])) {
            ctx.report({
              message: `Permission "${id}" needs a name, confirmed (true/false) and granted-to (a list of key kinds).`,
              location: where,
            });
            continue;
          }
          for (const kind of perm["granted-to"]) {
            if (!(kind in keyKinds))
              ctx.report({ message: `Permission "${id}" is granted to unknown key kind "${kind}".`, location: where });
          }
        }
      },
    },
    Operation: {
      enter(operation, ctx) {
        const access = operation["x-propelauth-access"];
        const here = ctx.location.child("x-propelauth-access");
        if (!access || typeof access !== "object") {
          ctx.report({
            message: `Operation ${operation.operationId ?? ""} must declare x-propelauth-access (key-kinds and permissions).`,
            location: ctx.location.key(),
          });
          return;
        }
        for (const key of Object.keys(access)) {
          if (!ACCESS_KEYS.has(key))
            ctx.report({
              message: `x-propelauth-access has unknown field "${key}" (allowed: ${[...ACCESS_KEYS].join(", ")}).`,
              location: here.child(key),
            });
        }
        const declaredKinds = access["key-kinds"];
        const needed = access.permissions;
        if (!Array.isArray(needed) || needed.length === 0) {
          ctx.report({
            message: "x-propelauth-access.permissions must list at least one permission a Custom key needs.",
            location: here.child("permissions"),
          });
          return;
        }
        for (const perm of needed) {
          if (!(perm in permissions))
            ctx.report({
              message: `Unknown permission "${perm}": add it to info/permissions.yaml or use a listed one.`,
              location: here.child("permissions"),
            });
        }
        if (!Array.isArray(declaredKinds)) {
          ctx.report({
            message: "x-propelauth-access.key-kinds must list the key kinds that may call the operation.",
            location: here.child("key-kinds"),
          });
          return;
        }
        for (const kind of declaredKinds) {
          if (!(kind in keyKinds)) ctx.report({ message: `Unknown key kind "${kind}".`, location: here.child("key-kinds") });
        }
        // The kinds are derived from the permissions, so the two can never disagree.
        const expected = kindsAllowed({ "x-propelauth-key-kinds": keyKinds, "x-propelauth-permissions": permissions }, needed);
        const declared = [...new Set(declaredKinds)];
        if (
          declared.length !== declaredKinds.length ||
          expected.length !== declared.length ||
          !expected.every((k) => declared.includes(k))
        ) {
          ctx.report({
            message: `key-kinds must be exactly [${expected.join(", ")}], the kinds that hold every permission in [${needed.join(", ")}].`,
            location: here.child("key-kinds"),
          });
        }
        const fieldPerms = access["field-permissions"];
        if (fieldPerms === undefined) return;
        const bodySchema = resolved(ctx, jsonMedia(ctx, operation.requestBody)?.schema);
        const bodyFields = new Set(Object.keys(resolved(ctx, bodySchema)?.properties ?? {}));
        if (!Array.isArray(fieldPerms) || fieldPerms.length === 0) {
          ctx.report({
            message: "field-permissions must be a non-empty list of { fields, permissions }.",
            location: here.child("field-permissions"),
          });
          return;
        }
        fieldPerms.forEach((entry, i) => {
          const at = here.child(["field-permissions", i]);
          if (
            !Array.isArray(entry?.fields) ||
            entry.fields.length === 0 ||
            !Array.isArray(entry?.permissions) ||
            entry.permissions.length === 0
          ) {
            ctx.report({ message: "Each field-permissions entry needs non-empty fields and permissions lists.", location: at });
            return;
          }
          for (const field of entry.fields) {
            if (!bodyFields.has(field))
              ctx.report({
                message: `field-permissions names "${field}", which is not a property of the request body.`,
                location: at.child("fields"),
              });
          }
          for (const perm of entry.permissions) {
            if (!(perm in permissions))
              ctx.report({ message: `Unknown permission "${perm}" in field-permissions.`, location: at.child("permissions") });
          }
        });
      },
    },
  };
}

function ExamplesPresent() {
  return {
    Operation: {
      enter(operation, ctx) {
        const body = jsonMedia(ctx, operation.requestBody);
        if (!hasExample(ctx, body)) {
          ctx.report({
            message: "The JSON request body needs a realistic example (example or examples).",
            location: ctx.location.child("requestBody"),
          });
        }
        const responses = resolved(ctx, operation.responses) ?? {};
        for (const [status, response] of Object.entries(responses)) {
          if (!/^2/.test(status)) continue;
          if (!hasExample(ctx, jsonMedia(ctx, response))) {
            ctx.report({
              message: `The ${status} JSON response needs a realistic example (example or examples).`,
              location: ctx.location.child(["responses", status]),
            });
          }
        }
      },
    },
  };
}

function SdkFunctionsNamed() {
  const seen = new Map();
  return {
    Operation: {
      enter(operation, ctx) {
        const sdk = operation["x-propelauth-sdk"];
        if (sdk === undefined) return;
        const at = ctx.location.child("x-propelauth-sdk");
        const names = sdk?.node;
        if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === "string" && /^[a-z][A-Za-z0-9]*$/.test(n))) {
          ctx.report({
            message: "x-propelauth-sdk.node must list the official Node SDK functions (getApis() names) that call this operation.",
            location: at,
          });
          return;
        }
        for (const name of names) {
          if (seen.has(name)) ctx.report({ message: `SDK function "${name}" is already mapped to ${seen.get(name)}.`, location: at });
          else seen.set(name, operation.operationId);
        }
      },
    },
  };
}

// Where each operation's description comes from, in one shape the docs render:
// { docs?: URL of PropelAuth's reference page, sdks: [official SDK names], differences?: [{sdk, what, why}], notes?: [text] }.
const SDK_NAMES = ["node", "python", "go", "rust", "ruby", "nextjs", "cloudflare-worker"];
const SOURCES_KEYS = new Set(["docs", "sdks", "differences", "notes"]);

function sourcesProblems(sources) {
  if (!sources || typeof sources !== "object" || Array.isArray(sources))
    return ["x-propelauth-sources is required: { docs?, sdks, differences?, notes? }."];
  const problems = [];
  for (const key of Object.keys(sources)) if (!SOURCES_KEYS.has(key)) problems.push(`x-propelauth-sources has an unknown key "${key}".`);
  if (sources.docs !== undefined && !(typeof sources.docs === "string" && sources.docs.startsWith("https://docs.propelauth.com/")))
    problems.push("x-propelauth-sources.docs must be the URL of a page of PropelAuth's reference (https://docs.propelauth.com/...).");
  const sdks = sources.sdks;
  if (!Array.isArray(sdks) || !sdks.every((s) => SDK_NAMES.includes(s)) || new Set(sdks).size !== sdks.length)
    problems.push(`x-propelauth-sources.sdks must list, once each, the official SDKs that call the operation (${SDK_NAMES.join(", ")}).`);
  const differences = sources.differences;
  if (differences !== undefined) {
    const ok =
      Array.isArray(differences) &&
      differences.every(
        (d) => d && SDK_NAMES.includes(d.sdk) && typeof d.what === "string" && typeof d.why === "string" && Object.keys(d).length === 3,
      );
    if (!ok) problems.push("x-propelauth-sources.differences must be a list of { sdk, what, why }, sdk one of the official SDKs.");
  }
  if (
    sources.notes !== undefined &&
    !(Array.isArray(sources.notes) && sources.notes.every((n) => typeof n === "string" && n.trim() !== ""))
  )
    problems.push("x-propelauth-sources.notes must be a list of texts.");
  return problems;
}

function SourcesDeclared() {
  return {
    Operation: {
      enter(operation, ctx) {
        const sources = operation["x-propelauth-sources"];
        const at = sources === undefined ? ctx.location.key() : ctx.location.child("x-propelauth-sources");
        for (const message of sourcesProblems(sources)) ctx.report({ message, location: at });
      },
    },
  };
}

// A templated segment can never equal a literal when its parameter is a UUID, has a pattern the
// literal fails, or an enum without it. Two paths are then told apart by that segment.
function excludes(schema, literal) {
  if (!schema) return false;
  if (schema.format === "uuid") return !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(literal);
  if (typeof schema.pattern === "string") return !new RegExp(schema.pattern).test(literal);
  if (Array.isArray(schema.enum)) return !schema.enum.includes(literal);
  if (schema.const !== undefined) return schema.const !== literal;
  return false;
}

function PathsDisambiguated() {
  return {
    Paths: {
      leave(paths, ctx) {
        // $refs resolve relative to the file that holds them, so carry that file along.
        const deref = (node, from) => {
          if (!node || typeof node !== "object" || !("$ref" in node)) return { node, from };
          const r = ctx.resolve(node, from);
          return deref(r.node, r.location?.source?.absoluteRef ?? from);
        };
        const root = ctx.location.source.absoluteRef;
        const entries = Object.entries(paths).map(([path, item]) => {
          const { node: pathItem = {}, from } = deref(item, root);
          const schemas = {};
          const params = [...(pathItem.parameters ?? [])];
          for (const method of ["get", "put", "post", "delete", "patch"]) params.push(...(pathItem[method]?.parameters ?? []));
          for (const raw of params) {
            const { node: p, from: pFrom } = deref(raw, from);
            if (p?.in === "path") schemas[p.name] = deref(p.schema, pFrom).node;
          }
          return { path, segments: path.split("/"), schemas };
        });
        const paramName = (seg) => /^\{(.+)\}$/.exec(seg)?.[1];
        for (let i = 0; i < entries.length; i++) {
          for (let j = i + 1; j < entries.length; j++) {
            const a = entries[i];
            const b = entries[j];
            if (a.segments.length !== b.segments.length) continue;
            let apart = false;
            for (let k = 0; k < a.segments.length && !apart; k++) {
              const [sa, sb] = [a.segments[k], b.segments[k]];
              const [pa, pb] = [paramName(sa), paramName(sb)];
              if (!pa && !pb) apart = sa !== sb;
              else if (pa && !pb) apart = excludes(a.schemas[pa], sb);
              else if (!pa && pb) apart = excludes(b.schemas[pb], sa);
            }
            if (!apart) {
              ctx.report({
                message: `Paths ${a.path} and ${b.path} can match the same URL: give the templated segment a format, pattern or enum that excludes the literal.`,
                location: ctx.location.child([b.path]).key(),
              });
            }
          }
        }
      },
    },
  };
}

export default function propelauthPlugin() {
  return {
    id: "propelauth",
    rules: {
      oas3: {
        "access-declared": AccessDeclared,
        "examples-present": ExamplesPresent,
        "sdk-functions-named": SdkFunctionsNamed,
        "sources-declared": SourcesDeclared,
        "paths-disambiguated": PathsDisambiguated,
      },
    },
  };
}
