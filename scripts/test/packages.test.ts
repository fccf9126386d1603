// Every package as published: the tarball holds exactly its built files, README, LICENSE and
// CHANGELOG; the manifest says where it comes from; the five versions move together; the build
// order has no cycle and builds what a test or type check needs first.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedFiles, listTarball, PACKAGES, root, tarballProblems } from "../tarballs.js";
import { ROOT_TEST_TASKS, TASKS as TEST_TASKS } from "../test.js";

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
  interface Task {
    taskId: string;
    package: string;
    directory: string;
    dependencies: string[];
    inputs: Record<string, string>;
  }
  interface DryRun {
    globalCacheInputs: { hashOfInternalDependencies: string };
    tasks: Task[];
  }
  /** What `npm test` would run (scripts/test.ts), as turbo plans it, without running anything. */
  const dryRun = (): DryRun => {
    const out = execFileSync(join(root, "node_modules", ".bin", "turbo"), ["run", ...TEST_TASKS, "--dry=json"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 << 20,
    });
    return JSON.parse(out);
  };
  const short = (id: string) => id.replace("@propelauth-openapi/", "");
  const graph = () => Object.fromEntries(dryRun().tasks.map((t) => [short(t.taskId), t.dependencies.map(short)]));
  /** Every task a task waits for, directly or not: turbo's hash of a task includes theirs. */
  const upstream = (g: Record<string, string[]>, id: string): Set<string> => {
    const seen = new Set<string>();
    const walk = (t: string) => {
      for (const d of g[t] ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        walk(d);
      }
    };
    walk(id);
    return seen;
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

  it("keeps every package out of turbo's global hash, so a change to one reruns only its tasks and those that wait for them", () => {
    // A workspace package the root depends on puts all of its files into the hash of every task.
    const rootDeps = { ...rootManifest.dependencies, ...rootManifest.devDependencies } as Record<string, string>;
    expect(Object.entries(rootDeps).filter(([, range]) => range.startsWith("workspace:"))).toEqual([]);
    expect(dryRun().globalCacheInputs.hashOfInternalDependencies).toBe("");
  });

  it("runs every test and type check after the builds it reads (a package imported by name, or a path into its dist/)", () => {
    const run = dryRun();
    const g = Object.fromEntries(run.tasks.map((t) => [t.taskId, t.dependencies]));
    const names = PACKAGES.map((p) => p.name.split("/")[1]).join("|");
    const byName = new RegExp(`(?:\\bfrom|\\bimport|\\brequire(?:\\.resolve)?)\\s*\\(?\\s*["'\`]@propelauth-openapi/(${names})\\b`, "g");
    const byPath = new RegExp(`["'/](${names})["']?(?:/|,\\s*["'])dist\\b`, "g");
    const missing: string[] = [];
    // The rehearsal reads no build: it builds every package from source, in a copy of the repository.
    // Type checks read the same files (and what they import) as tests do.
    const reads = (name: string) => name.startsWith("test") || name.startsWith("typecheck");
    const tests = run.tasks.filter((t) => reads(t.taskId.split("#")[1] ?? "") && t.taskId !== "//#test:rehearsal");
    for (const task of tests) {
      const before = upstream(g, task.taskId);
      for (const file of Object.keys(task.inputs).filter((f) => /\.(ts|mts|mjs|js)$/.test(f))) {
        const text = readFileSync(join(root, task.directory, file), "utf8");
        for (const [, pkg] of [...text.matchAll(byName), ...text.matchAll(byPath)]) {
          const build = `@propelauth-openapi/${pkg}#build`;
          if (!before.has(build)) missing.push(`${task.taskId} reads ${pkg}'s build (${file}) but does not wait for ${build}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it("hashes the root settings a task reads: tsconfig.base.json for builds, type checks and tests, biome.json for lints", () => {
    const reads = (t: Task, file: string) => Object.keys(t.inputs).some((f) => join(root, t.directory, f) === join(root, file));
    const unhashed: string[] = [];
    for (const t of dryRun().tasks.filter((t) => t.package !== "//")) {
      const name = t.taskId.split("#")[1] ?? "";
      if (["build", "typecheck", "test"].includes(name) && !reads(t, "tsconfig.base.json"))
        unhashed.push(`${t.taskId}: tsconfig.base.json`);
      if (name === "lint" && !reads(t, "biome.json")) unhashed.push(`${t.taskId}: biome.json`);
    }
    expect(unhashed).toEqual([]);
  });

  it("runs each file of scripts/test in exactly one of the root's test tasks (none skipped, none twice)", () => {
    const files = readdirSync(join(root, "scripts", "test")).filter((f) => f.endsWith(".test.ts"));
    const runs = ROOT_TEST_TASKS.map((task) => {
      const args = (rootManifest.scripts[task] as string).split(/\s+/);
      const named = args.filter((a) => a.startsWith("test/"));
      const excluded = args.filter((a) => a.startsWith("--exclude=")).map((a) => a.replace("--exclude=**/", ""));
      return { task, runs: (f: string) => (named.length ? named.includes(`test/${f}`) : !excluded.includes(f)) };
    });
    expect(ROOT_TEST_TASKS.length).toBeGreaterThan(1);
    for (const f of files)
      expect(
        runs.filter((r) => r.runs(f)).map((r) => r.task),
        f,
      ).toHaveLength(1);
  });

  it("the installed emulator brings the docs and the Postman collection it serves", () => {
    expect(Object.keys(manifest("packages/emulator").dependencies)).toEqual(
      expect.arrayContaining(["@propelauth-openapi/docs", "@propelauth-openapi/postman", "@propelauth-openapi/spec"]),
    );
    // So none of them can depend on it (a cycle): their tests import its build by path
    // (packages/emulator/dist), and their tasks wait for it (above). The drop-in, built from none of
    // them, has it as a devDependency, as its README's users do.
    for (const dir of ["spec", "packages/client", "packages/postman", "packages/docs"]) {
      const m = manifest(dir);
      expect(Object.keys({ ...m.dependencies, ...m.devDependencies }), dir).not.toContain("@propelauth-openapi/emulator");
    }
    expect(manifest("packages/node").devDependencies["@propelauth-openapi/emulator"]).toBe("workspace:*");
  });
});

it("the LICENSE at the root is MIT", () => {
  expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
});
