// The package as published: publint and @arethetypeswrong/cli clean on the packed tarball,
// `types` first in every `exports` condition, no runtime dependency, self-contained type
// declarations, and no Node built-in in the built files (so it runs on every fetch runtime).
// Run: pnpm --filter @propelauth-openapi/client build && npx vitest run --project client test/packaging.test.ts
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, pack, packageDir, run } from "./lib/pack.js";

const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const dist = join(packageDir, "dist");
const code = readdirSync(dist).filter((f) => /\.(c|m)?js$/.test(f));

describe("packaging", () => {
  let tarball: string;
  beforeAll(() => {
    tarball = pack();
  }, 60_000);
  afterAll(() => rmSync(dirname(tarball), { recursive: true, force: true }));

  it("publint --strict finds nothing", () => {
    const { stdout } = run(bin("publint"), ["run", "--strict", tarball]);
    console.log(stdout.trim());
    expect(stdout).toContain("All good!");
  });

  it("@arethetypeswrong/cli finds no problem for node10, node16 (CJS and ESM) and bundlers", () => {
    const { stdout } = run(bin("attw"), [tarball, "--format", "json"], { stdio: "pipe" });
    const report = JSON.parse(stdout) as {
      analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, unknown> }> };
    };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints["."]!.resolutions).sort()).toEqual(["bundler", "node10", "node16-cjs", "node16-esm"]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([".", "./package.json", "./verify"]);
    console.log(run(bin("attw"), [tarball, "--format", "table-flipped"], { stdio: "pipe" }).stdout.trim());
  }, 180_000);

  it("the tarball holds the built files, README and manifest only", () => {
    const files = run("tar", ["tzf", tarball]).stdout.trim().split("\n").sort();
    expect(files).toEqual(
      expect.arrayContaining([
        "package/README.md",
        "package/dist/index.cjs",
        "package/dist/index.d.cts",
        "package/dist/index.d.ts",
        "package/dist/index.js",
        "package/dist/verify.cjs",
        "package/dist/verify.d.cts",
        "package/dist/verify.d.ts",
        "package/dist/verify.js",
        "package/package.json",
      ]),
    );
    expect(files.filter((f) => !/^package\/(dist\/|README\.md$|package\.json$|LICENSE)/.test(f))).toEqual([]);
  });

  it("`types` comes first in every exports condition; ESM and CJS both exported", () => {
    const conditions = manifest.exports["."] as Record<string, Record<string, string>>;
    expect(Object.keys(conditions)).toEqual(["import", "require"]);
    for (const target of Object.values(conditions)) expect(Object.keys(target)[0]).toBe("types");
    expect(conditions.import).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(conditions.require).toEqual({ types: "./dist/index.d.cts", default: "./dist/index.cjs" });
    expect(manifest.sideEffects).toBe(false);
  });

  it("`./verify` is exported like the main entry: ESM and CJS, types first", () => {
    const conditions = manifest.exports["./verify"] as Record<string, Record<string, string>>;
    expect(conditions).toEqual({
      import: { types: "./dist/verify.d.ts", default: "./dist/verify.js" },
      require: { types: "./dist/verify.d.cts", default: "./dist/verify.cjs" },
    });
  });

  it("no runtime dependency of any kind", () => {
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"])
      expect(manifest[field], field).toBeUndefined();
  });

  it("the type declarations are self-contained: no import of another package", () => {
    for (const file of ["index.d.ts", "index.d.cts"]) {
      const text = readFileSync(join(dist, file), "utf8");
      const statements = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm)];
      const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)];
      const imports = [...statements, ...dynamic].map((m) => m[1]);
      expect(imports, file).toEqual([]);
    }
  });

  it("the verifier's declarations import the main entry's client type and nothing else", () => {
    for (const [file, main] of [
      ["verify.d.ts", "./index.js"],
      ["verify.d.cts", "./index.cjs"],
    ]) {
      const text = readFileSync(join(dist, file as string), "utf8");
      const imports = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(imports, file).toEqual([main]);
    }
  });

  // The verifier takes the client's code from the main entry's file of its own format, so an
  // application using both ships it once (and the ESM and CJS builds stay apart).
  it.each([
    ["verify.js", "./index.js"],
    ["verify.cjs", "./index.cjs"],
  ])("%s imports only %s at run time", (file, main) => {
    const text = readFileSync(join(dist, file), "utf8");
    const imports = [...text.matchAll(/\bfrom\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    expect(imports).toEqual([main]);
  });

  it.each(code)("%s uses no Node built-in (no node: specifier, no require or import of a built-in)", (file) => {
    const text = readFileSync(join(dist, file), "utf8");
    expect(text).not.toMatch(/["'`]node:/);
    const builtins = builtinModules.filter((m) => !m.startsWith("_")).map((m) => m.replace(/[/]/g, "\\/"));
    const pattern = new RegExp(`(require\\(|from\\s*|import\\(\\s*)["'](${builtins.join("|")})["']`);
    expect(text).not.toMatch(pattern);
    // openapi-fetch reads `process.versions` behind `typeof process === "object"`, which is safe everywhere.
    expect(text).not.toMatch(/\bBuffer\b|__dirname|__filename|import\.meta\.url/);
  });

  it("the grep above would catch a built-in", () => {
    const builtins = builtinModules.filter((m) => !m.startsWith("_"));
    const pattern = new RegExp(`(require\\(|from\\s*|import\\(\\s*)["'](${builtins.join("|")})["']`);
    expect('const fs = require("fs")').toMatch(pattern);
    expect('import { readFile } from "fs/promises"').toMatch(pattern);
  });
});
