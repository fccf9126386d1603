// Proves the linter enforces the conventions: each case copies the document, breaks one thing,
// and expects `redocly lint` (the same command `pnpm lint` runs) to report the named rule. All the
// copies go to one `redocly lint` run (each its own API, told apart by the files its problems name):
// one process loads the CLI and the plugin once, where a process per copy cost 23 times that.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";

const run = promisify(execFile);
const specDir = fileURLToPath(new URL("../..", import.meta.url));
const redocly = join(specDir, "node_modules", ".bin", "redocly");
const work = mkdtempSync(join(tmpdir(), "propelauth-lint-"));

interface Problem {
  ruleId: string;
  message: string;
  severity: string;
  location: { source: { ref: string } }[];
}

/**
 * Copies the split document once per mutation (copy-0, copy-1, ...), lets each mutation edit its
 * copy, lints them all in one run, and gives each copy's problems.
 */
async function lintCopies(mutations: ((dir: string) => void)[]): Promise<Problem[][]> {
  const dirs = mutations.map((mutate, i) => {
    const dir = join(work, `copy-${i}`);
    mkdirSync(dir);
    // The plugin reads the key-kind rule from the compiled readers (dist/tools), so they come along.
    for (const entry of ["openapi.yaml", "redocly.yaml", "info", "paths", "components", "plugins", "dist/tools"]) {
      cpSync(join(specDir, entry), join(dir, entry), { recursive: true });
    }
    mutate(dir);
    return dir;
  });
  const apis = dirs.map((_, i) => `copy-${i}/openapi.yaml`);
  const result = await run(redocly, ["lint", ...apis, "--config", "copy-0/redocly.yaml", "--format", "json"], {
    cwd: work,
    maxBuffer: 64 << 20,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  }).catch((error: { stdout: string }) => error);
  // One JSON report per API, in the order they were given; each problem names its copy's files.
  const reports = result.stdout.split(/(?<=\})\s*(?=\{\s*"totals")/).map((r) => (JSON.parse(r) as { problems: Problem[] }).problems);
  if (reports.length !== dirs.length)
    throw new Error(`redocly lint gave ${reports.length} reports for ${dirs.length} copies:\n${result.stdout.slice(0, 2000)}`);
  reports.forEach((problems, i) => {
    const elsewhere = problems.filter((p) => p.location[0] && !p.location[0].source.ref.split(/[\\/]/).includes(`copy-${i}`));
    if (elsewhere.length > 0) throw new Error(`redocly lint's report ${i} names another copy's files: ${JSON.stringify(elsewhere[0])}`);
  });
  return reports;
}

// biome-ignore lint/suspicious/noExplicitAny: the YAML files are edited as free-form data.
type Yaml = Record<string, any>;

/** Edits one YAML file of the copy as data. */
function editYaml(dir: string, file: string, edit: (doc: Yaml) => void) {
  const path = join(dir, file);
  const doc = parse(readFileSync(path, "utf8"));
  edit(doc);
  writeFileSync(path, stringify(doc));
}

// Removing the copies can take a while on a loaded machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

describe("lint rules", () => {
  const cases: [string, string, (dir: string) => void][] = [
    [
      "an example that does not validate against its schema",
      "no-invalid-media-type-examples",
      (dir) =>
        editYaml(dir, "components/examples/User.yaml", (ex) => {
          ex.value.locked = "no";
        }),
    ],
    [
      "an example with a property the schema does not declare",
      "no-invalid-media-type-examples",
      (dir) =>
        editYaml(dir, "components/examples/User.yaml", (ex) => {
          ex.value.nickname = "ada";
        }),
    ],
    ["a missing operationId", "operation-operationId", (dir) => editYaml(dir, "paths/user@email.yaml", (p) => delete p.get.operationId)],
    [
      "an operationId that is not camelCase",
      "rule/operation-id-camel-case",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get.operationId = "fetch_user_by_email";
        }),
    ],
    [
      "a missing permission extension",
      "propelauth/access-declared",
      (dir) => editYaml(dir, "paths/user@email.yaml", (p) => delete p.get["x-propelauth-access"]),
    ],
    [
      "key kinds that do not follow from the permissions",
      "propelauth/access-declared",
      (dir) => editYaml(dir, "paths/user@email.yaml", (p) => p.get["x-propelauth-access"]["key-kinds"].push("validation-only")),
    ],
    [
      "a permission missing from the catalogue",
      "propelauth/access-declared",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get["x-propelauth-access"].permissions = ["read-everything"];
        }),
    ],
    [
      "field permissions naming a field the body does not have",
      "propelauth/access-declared",
      (dir) =>
        editYaml(dir, "paths/user@emails.yaml", (p) => {
          p.post["x-propelauth-access"]["field-permissions"] = [{ fields: ["no_such_field"], permissions: ["read-users"] }];
        }),
    ],
    [
      "a success response without an example",
      "propelauth/examples-present",
      (dir) => editYaml(dir, "paths/user@username.yaml", (p) => delete p.get.responses["200"].content["application/json"].examples),
    ],
    [
      "a request body without an example",
      "propelauth/examples-present",
      (dir) => editYaml(dir, "paths/user@emails.yaml", (p) => delete p.post.requestBody.content["application/json"].examples),
    ],
    [
      "an error response written inline instead of the shared one",
      "rule/error-responses-shared",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get.responses["404"] = { description: "Not found." };
        }),
    ],
    [
      "a templated segment that could match a literal path",
      "propelauth/paths-disambiguated",
      (dir) =>
        editYaml(dir, "components/parameters/UserId.yaml", (p) => {
          p.schema = { type: "string" };
        }),
    ],
    [
      "an SDK function mapped to two operations",
      "propelauth/sdk-functions-named",
      (dir) =>
        editYaml(dir, "paths/user@username.yaml", (p) => {
          p.get["x-propelauth-sdk"] = { node: ["fetchUserMetadataByEmail"] };
        }),
    ],
    [
      "an operation without x-propelauth-sources",
      "propelauth/sources-declared",
      (dir) => editYaml(dir, "paths/user@email.yaml", (p) => delete p.get["x-propelauth-sources"]),
    ],
    [
      "x-propelauth-sources naming an SDK that does not exist",
      "propelauth/sources-declared",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get["x-propelauth-sources"].sdks.push("java");
        }),
    ],
    [
      "a difference without its reason",
      "propelauth/sources-declared",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get["x-propelauth-sources"].differences = [{ sdk: "go", what: "sends something else" }];
        }),
    ],
    [
      "an emulator note naming a parameter the operation does not describe",
      "propelauth/emulator-notes",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get["x-propelauth-emulator"] = { "not-applied": [{ in: "query", name: "nickname", why: "not modelled" }] };
        }),
    ],
    [
      "an emulator note without its reason",
      "propelauth/emulator-notes",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get["x-propelauth-emulator"] = { "not-applied": [{ in: "query", name: "email" }] };
        }),
    ],
    [
      "an access disagreement without its decision",
      "propelauth/access-declared",
      (dir) =>
        editYaml(dir, "paths/employee@{employee_id}.yaml", (p) => {
          delete p.get["x-propelauth-access"].disagreements[0].decision;
        }),
    ],
    [
      "published facts from a page outside PropelAuth's sites",
      "propelauth/sources-declared",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get["x-propelauth-sources"].published = [{ page: "https://example.com/propelauth", facts: ["A fact."] }];
        }),
    ],
    [
      "an operation with two tags",
      "operation-singular-tag",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get.tags = ["Users", "Organizations"];
        }),
    ],
    [
      "an operation without a tag",
      "rule/operation-has-tag",
      (dir) =>
        editYaml(dir, "paths/user@email.yaml", (p) => {
          p.get.tags = [];
        }),
    ],
  ];

  // The unchanged document first, then one copy per case.
  let linted: Problem[][] = [];
  beforeAll(async () => {
    linted = await lintCopies([() => {}, ...cases.map(([, , mutate]) => mutate)]);
  }, 180_000);

  it("the document itself has no problems", () => {
    expect(linted[0]).toEqual([]);
  });

  it.each(cases.map((c, i) => [...c, i + 1] as const))("reports %s (%s)", (_what, ruleId, _mutate, copy) => {
    const problems = linted[copy]!;
    expect(problems.map((p) => p.ruleId)).toContain(ruleId);
    expect(problems.filter((p) => p.ruleId === ruleId).every((p) => p.severity === "error")).toBe(true);
  });
});
