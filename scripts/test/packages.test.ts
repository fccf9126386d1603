// Every package as published: the tarball holds exactly its built files, README, LICENSE and
// CHANGELOG; the manifest says where it comes from; the five versions move together; the build
// order has no cycle and builds what a test or type check needs first.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedFiles, listTarball, PACKAGES, root, tarballProblems } from "../tarballs.js";

// biome-ignore lint/suspicious/noExplicitAny: a package.json, read by key
type Manifest = Record<string, any>;
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
const rootManifest = manifest(".");

describe.each(PACKAGES)("$name", (pkg) => {
  const m = manifest(pkg.dir);

  it("its tarball holds exactly the built files, package.json, README.md, LICENSE (and CHANGELOG.md once released)", () => {
    const listing = listTarball(pkg);
    const files = listing.map((f) => f.path).sort();
    console.log(`${pkg.name}: ${files.length} files: ${files.join(" ")}`);
    expect(files).toEqual(expectedFiles(pkg));
    expect(tarballProblems(pkg, root, listing)).toEqual([]);
  });

  it("is public, MIT, and says where its source, home page and issues are", () => {
    expect(m.private).toBeUndefined();
    expect(m.license).toBe("MIT");
    expect(m.publishConfig).toEqual({ access: "public" });
    expect(m.repository).toEqual({ ...rootManifest.repository, directory: pkg.dir });
    expect(m.homepage).toBe(`${rootManifest.repository.url.replace(/^git\+/, "").replace(/\.git$/, "")}/tree/main/${pkg.dir}#readme`);
    expect(m.bugs).toEqual(rootManifest.bugs);
    expect(m.keywords).toContain("propelauth");
    expect(m.files).toContain("CHANGELOG.md");
  });

  it("builds itself and what it depends on before it is packed", () => {
    expect(m.scripts.prepack).toBe(`turbo run build --filter=${pkg.name}... --output-logs=errors-only`);
  });

  it("asks for workspace siblings and runtime dependencies by caret range, so users can dedupe", () => {
    for (const [dep, range] of Object.entries((m.dependencies ?? {}) as Record<string, string>)) {
      if (dep.startsWith("@propelauth-openapi/")) expect(range, dep).toBe("workspace:^");
      else expect(range, dep).toMatch(/^\^\d/);
    }
  });
});

describe("one version identity", () => {
  const config = JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8"));

  it("changesets versions the five packages as one fixed group", () => {
    expect(config.fixed).toHaveLength(1);
    expect([...config.fixed[0]].sort()).toEqual(PACKAGES.map((p) => p.name).sort());
  });

  it("the five packages have the same version, and the bundled document says it", () => {
    const versions = new Set(PACKAGES.map((p) => manifest(p.dir).version));
    expect([...versions]).toHaveLength(1);
    const doc = JSON.parse(readFileSync(join(root, "spec", "dist", "openapi.json"), "utf8"));
    expect(doc.info.version).toBe(manifest("spec").version);
  });
});

describe("the task graph", () => {
  const graph = () => {
    const out = execFileSync(join(root, "node_modules", ".bin", "turbo"), ["run", "build", "typecheck", "--dry=json"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tasks = JSON.parse(out).tasks as { taskId: string; dependencies: string[] }[];
    return Object.fromEntries(
      tasks.map((t) => [t.taskId.replace("@propelauth-openapi/", ""), t.dependencies.map((d) => d.replace("@propelauth-openapi/", ""))]),
    );
  };

  it("has no cycle, and builds each package after what it is built from", () => {
    const g = graph(); // turbo refuses a cyclic workspace graph, so this throws on a cycle
    expect(g["spec#build"]).toEqual([]);
    expect(g["client#build"]).toEqual(["spec#build"]);
    expect(g["postman#build"]).toEqual(["spec#build"]);
    expect(g["docs#build"]).toEqual(expect.arrayContaining(["spec#build", "client#build"]));
    expect(g["emulator#build"]).toEqual(expect.arrayContaining(["spec#build", "docs#build", "postman#build"]));
    expect(g["node#build"]).toEqual(expect.arrayContaining(["client#build"]));
  });

  it("type-checks the client, Postman and node tests after the emulator they start is built", () => {
    const g = graph();
    expect(g["client#typecheck"]).toContain("emulator#build");
    expect(g["postman#typecheck"]).toContain("emulator#build");
    expect(g["node#typecheck"]).toContain("emulator#build");
  });

  it("the installed emulator brings the docs and the Postman collection it serves", () => {
    expect(Object.keys(manifest("packages/emulator").dependencies)).toEqual(
      expect.arrayContaining(["@propelauth-openapi/docs", "@propelauth-openapi/postman", "@propelauth-openapi/spec"]),
    );
    // The tests that start an emulator get it from the root, which keeps the package graph acyclic.
    for (const dir of ["packages/client", "packages/postman", "packages/docs", "packages/node"])
      expect(Object.keys(manifest(dir).devDependencies ?? {}), dir).not.toContain("@propelauth-openapi/emulator");
    expect(rootManifest.devDependencies["@propelauth-openapi/emulator"]).toBe("workspace:*");
  });
});

it("the LICENSE at the root is MIT", () => {
  expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
});
