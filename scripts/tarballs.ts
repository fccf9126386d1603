// What each package's tarball must hold, exactly: used by the tarball test and by `pnpm release`
// before it publishes. Lists a tarball with `npm pack --dry-run --json` (the same file rules that
// pnpm publish applies), after the package was built.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(fileURLToPath(import.meta.url), "../..");

/** A published package and its folder in the repository. */
export interface Package {
  name: string;
  dir: string;
}

/** A file of a tarball, and its size in bytes. */
export interface PackedFile {
  path: string;
  size: number;
}

/** The published packages and their folders, in build order. */
export const PACKAGES: Package[] = [
  { name: "@propelauth-openapi/spec", dir: "spec" },
  { name: "@propelauth-openapi/client", dir: "packages/client" },
  { name: "@propelauth-openapi/postman", dir: "packages/postman" },
  { name: "@propelauth-openapi/docs", dir: "packages/docs" },
  { name: "@propelauth-openapi/emulator", dir: "packages/emulator" },
  { name: "@propelauth-openapi/node", dir: "packages/node" },
];

/** `src/a/b.ts` -> `${out}/a/b.js`, `.d.ts` (and `.js.map`): what tsc emits for each source file. */
function compiled(pkgDir: string, src: string, out: string, maps = false): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        const rel = relative(join(pkgDir, src), path).split("\\").join("/").replace(/\.ts$/, "");
        files.push(`${out}/${rel}.js`, `${out}/${rel}.d.ts`, ...(maps ? [`${out}/${rel}.js.map`] : []));
      }
    }
  };
  walk(join(pkgDir, src));
  return files;
}

/** The built files each package ships, besides package.json, README.md, LICENSE and CHANGELOG.md. */
const BUILT: Record<string, (dir: string) => string[]> = {
  "@propelauth-openapi/spec": (dir) => [
    "dist/openapi.json",
    "dist/openapi.yaml",
    "dist/propelauth.arazzo.yaml",
    ...compiled(dir, "src", "dist/tools", true),
  ],
  // No source maps: the client is small and readable as built (they counted against its size).
  // Two entry points: the API client (index) and the token verifier (verify).
  "@propelauth-openapi/client": () =>
    ["index", "verify"].flatMap((entry) => ["js", "cjs", "d.ts", "d.cts"].map((ext) => `dist/${entry}.${ext}`)),
  // The site, with precompressed copies that the emulator serves as they are.
  "@propelauth-openapi/docs": () => ["dist/index.html", "dist/index.html.br", "dist/index.html.gz", "dist/openapi.json"],
  "@propelauth-openapi/postman": () => [
    "dist/propelauth-backend-api.postman_collection.json",
    ...["local", "test", "staging", "prod"].map((env) => `dist/environments/propelauth-${env}.postman_environment.json`),
  ],
  "@propelauth-openapi/emulator": (dir) => compiled(dir, "src", "dist", true),
  // One bundle per format, like the client's (no source maps).
  "@propelauth-openapi/node": () => ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"],
};

/** The exact file list a package's tarball must have; `repo` is the repository root (a copy during the rehearsal). */
export function expectedFiles(pkg: Package, repo = root): string[] {
  const dir = join(repo, pkg.dir);
  const always = ["package.json", "README.md", "LICENSE"];
  // CHANGELOG.md appears with the first `changeset version`; from then on it must ship.
  if (existsSync(join(dir, "CHANGELOG.md"))) always.push("CHANGELOG.md");
  const built = BUILT[pkg.name];
  if (!built) throw new Error(`tarballs: no list of built files for ${pkg.name}`);
  return [...always, ...built(dir)].sort();
}

/** The files `npm pack` would put in the tarball (lifecycle scripts skipped: build first). */
export function listTarball(pkg: Package, repo = root): PackedFile[] {
  const out = execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: join(repo, pkg.dir),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [report] = JSON.parse(out) as { files: PackedFile[] }[];
  return report!.files.map((f) => ({ path: f.path, size: f.size }));
}

/**
 * Every problem with a package's tarball: a missing or unexpected file, an empty file, a source map
 * whose sources are neither shipped nor embedded, a LICENSE that is not the repository's. `files`:
 * the listing, if already made.
 */
export function tarballProblems(pkg: Package, repo = root, files = listTarball(pkg, repo)): string[] {
  const dir = join(repo, pkg.dir);
  const paths = files.map((f) => f.path).sort();
  const expected = expectedFiles(pkg, repo);
  const problems: string[] = [];
  for (const f of expected) if (!paths.includes(f)) problems.push(`${pkg.name}: missing ${f} (build it first?)`);
  for (const f of paths) if (!expected.includes(f)) problems.push(`${pkg.name}: unexpected file ${f}`);
  for (const f of files) if (f.size === 0) problems.push(`${pkg.name}: empty file ${f.path}`);
  for (const map of paths.filter((p) => p.endsWith(".map"))) {
    const { sources = [], sourcesContent = [] }: { sources?: string[]; sourcesContent?: unknown[] } = JSON.parse(
      readFileSync(join(dir, map), "utf8"),
    );
    sources.forEach((source, i) => {
      const target = posix.normalize(posix.join(posix.dirname(map), source));
      if (!paths.includes(target) && typeof sourcesContent[i] !== "string")
        problems.push(`${pkg.name}: ${map} points at ${source}, which is neither shipped nor embedded`);
    });
  }
  for (const code of paths.filter((p) => /\.(c|m)?js$/.test(p))) {
    const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(dir, code), "utf8"))?.[1];
    if (url && !url.startsWith("data:") && !paths.includes(posix.normalize(posix.join(posix.dirname(code), url))))
      problems.push(`${pkg.name}: ${code} points at the source map ${url}, which is not shipped`);
  }
  if (existsSync(join(dir, "LICENSE")) && readFileSync(join(dir, "LICENSE"), "utf8") !== readFileSync(join(repo, "LICENSE"), "utf8"))
    problems.push(`${pkg.name}: LICENSE differs from the repository's LICENSE`);
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = PACKAGES.flatMap((pkg) => tarballProblems(pkg));
  for (const p of problems) console.error(p);
  if (problems.length === 0) console.log(`tarballs: ${PACKAGES.length} packages hold exactly what they should`);
  process.exit(problems.length ? 1 : 0);
}
