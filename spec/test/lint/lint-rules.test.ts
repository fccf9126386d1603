// Proves the linter enforces the conventions: each case copies the document, breaks one thing,
// and expects `redocly lint` (the same command `pnpm lint` runs) to report the named rule.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";

const run = promisify(execFile);
const specDir = fileURLToPath(new URL("../..", import.meta.url));
const redocly = join(specDir, "node_modules", ".bin", "redocly");
const copies: string[] = [];

interface Problem {
  ruleId: string;
  message: string;
  severity: string;
}

/** Copies the split document, lets `mutate` edit the copy, and lints it. */
async function lintCopy(mutate: (dir: string) => void): Promise<Problem[]> {
  const dir = mkdtempSync(join(tmpdir(), "propelauth-lint-"));
  copies.push(dir);
  // The plugin reads the key-kind rule from the compiled readers (dist/tools), so they come along.
  for (const entry of ["openapi.yaml", "redocly.yaml", "info", "paths", "components", "plugins", "dist/tools"]) {
    cpSync(join(specDir, entry), join(dir, entry), { recursive: true });
  }
  mutate(dir);
  const result = await run(redocly, ["lint", "openapi.yaml", "--config", "redocly.yaml", "--format", "json"], {
    cwd: dir,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  }).catch((error: { stdout: string }) => error);
  return (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
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
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe.concurrent("lint rules", () => {
  it("the document itself has no problems", async () => {
    expect(await lintCopy(() => {})).toEqual([]);
  });

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

  it.each(cases)("reports %s (%s)", async (_what, ruleId, mutate) => {
    const problems = await lintCopy(mutate);
    expect(problems.map((p) => p.ruleId)).toContain(ruleId);
    expect(problems.filter((p) => p.ruleId === ruleId).every((p) => p.severity === "error")).toBe(true);
  });
});
