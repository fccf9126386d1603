// `pnpm release`: the one way packages leave this repository.
//   1. gate     the bundled document breaks no client of the last release, or a pending changeset says so
//               (before `changeset version`, which consumes the changesets that declare a break)
//   2. version  `changeset version`: one version for all the packages, CHANGELOG.md from the changesets
//   3. build    every package from empty dist folders, so the document and everything built from it carry that version
//   4. check    each tarball holds exactly what it should
//   5. publish  `changeset publish` (pnpm publish; each package's prepack builds it again if needed)
//   6. record   released/openapi.json becomes the baseline of the next gate; commit it with the versions
// The registry is the one in npm_config_registry (changesets ignores .npmrc's registry: set it explicitly).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { BASELINE, gate, root } from "./breaking-changes.js";
import { PACKAGES, tarballProblems } from "./tarballs.js";

const bin = (name: string) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

/** Runs a command in the repository, failing the release with the step's name. */
function run(step: string, command: string, args: string[]): void {
  console.log(`release: ${step}: ${[command.replace(`${root}/`, ""), ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) fail(step, `${command} exited ${result.status ?? result.signal}`);
}

function fail(step: string, message: string): never {
  console.error(`release: ${step} failed: ${message}`);
  process.exit(1);
}

const registry = process.env.npm_config_registry ?? process.env.NPM_CONFIG_REGISTRY;
if (!registry) fail("setup", "set npm_config_registry to the registry to publish to (https://registry.npmjs.org/ for the real one)");

run("gate", bin("turbo"), ["run", "build", "--filter=@propelauth-openapi/spec", "--output-logs=errors-only"]);
const verdict = gate();
console.log(verdict.message);
if (!verdict.ok) fail("gate", "undeclared breaking change (see above)");

run("version", bin("changeset"), ["version"]);
const versions = PACKAGES.map((p) => JSON.parse(readFileSync(join(root, p.dir, "package.json"), "utf8")).version);
if (new Set(versions).size !== 1) fail("version", `the packages do not share one version: ${versions.join(", ")}`);
console.log(`release: version: ${versions[0]}`);

// From empty dist folders: a file left over from an earlier build must not ship.
for (const pkg of PACKAGES) rmSync(join(root, pkg.dir, "dist"), { recursive: true, force: true });
run("build", bin("turbo"), ["run", "build", "--force", "--output-logs=errors-only"]);
const doc = JSON.parse(readFileSync(join(root, "spec", "dist", "openapi.json"), "utf8"));
if (doc.info.version !== versions[0]) fail("build", `the document says ${doc.info.version}, the packages ${versions[0]}`);

const problems = PACKAGES.flatMap((pkg) => tarballProblems(pkg));
if (problems.length) fail("check", problems.join("\n"));
console.log("release: check: every tarball holds exactly what it should");

console.log(`release: publish: to ${registry}`);
run("publish", bin("changeset"), ["publish"]);

mkdirSync(join(root, "released"), { recursive: true });
copyFileSync(join(root, "spec", "dist", "openapi.json"), BASELINE);
console.log(`release: record: released/openapi.json is ${versions[0]}; commit it with the versions and CHANGELOGs`);
