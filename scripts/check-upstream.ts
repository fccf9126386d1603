// `pnpm check:upstream` (a maintainer command, not part of `npm test`): are there newer releases of
// the official SDKs than the ones the conformance tests pin? For the SDKs installed from npm, it
// reruns their conformance tests against the newest release, in a copy of the repository. The
// others are replayed from captured requests; for those it says what to re-capture.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { copyRepository, gitEnv, run } from "./repo-copy.js";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : undefined);
const devDependency = (pkgDir: string, name: string): string | undefined =>
  JSON.parse(read(`${pkgDir}/package.json`) ?? "{}").devDependencies?.[name];
/** The version an inventory.ts pins: `version = "v2.1.3"` or `GO_VERSION = "v0.27.1"`. */
const inventoryPin = (sdk: string) =>
  /(?:^|_)?version\s*=\s*"v?([0-9][^" ]*)/im.exec(read(`spec/test/conformance/sdks/${sdk}/inventory.ts`) ?? "")?.[1];

/** A conformance test rerun against a newer release: the package to filter, the dependency, the vitest project and files. */
interface Rerun {
  filter: string;
  dep: string;
  project: string;
  files: string[];
}

/** An official SDK: the version our tests pin, the newest release, and how to check a newer one. */
interface Sdk {
  sdk: string;
  pinned: () => string | undefined;
  newest: () => string | Promise<string>;
  rerun?: Rerun;
  capture?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: each registry's own JSON, read for one field
type Json = any;

const SDKS: Sdk[] = [
  {
    sdk: "Node (@propelauth/node-apis)",
    pinned: () => devDependency("spec", "@propelauth/node-apis"),
    newest: () => npmLatest("@propelauth/node-apis"),
    rerun: { filter: "@propelauth-openapi/spec", dep: "@propelauth/node-apis", project: "spec", files: ["test/conformance"] },
  },
  {
    sdk: "Node (@propelauth/node)",
    pinned: () => devDependency("packages/emulator", "@propelauth/node"),
    newest: () => npmLatest("@propelauth/node"),
    rerun: { filter: "@propelauth-openapi/emulator", dep: "@propelauth/node", project: "emulator", files: ["test/sdk.test.ts"] },
  },
  {
    sdk: "Cloudflare Worker",
    pinned: () => inventoryPin("cloudflare-worker"),
    newest: () => npmLatest("@propelauth/cloudflare-worker"),
    capture: "cloudflare-worker",
  },
  { sdk: "Next.js", pinned: () => inventoryPin("nextjs"), newest: () => npmLatest("@propelauth/nextjs"), capture: "nextjs" },
  {
    sdk: "Python",
    pinned: () => inventoryPin("python"),
    newest: () => httpLatest("https://pypi.org/pypi/propelauth-py/json", (j: Json) => j.info.version),
    capture: "python",
  },
  {
    sdk: "Ruby",
    pinned: () => inventoryPin("ruby"),
    newest: () => httpLatest("https://rubygems.org/api/v1/gems/propelauth.json", (j: Json) => j.version),
    capture: "ruby",
  },
  {
    sdk: "Rust",
    pinned: () => inventoryPin("rust"),
    newest: () => httpLatest("https://crates.io/api/v1/crates/propelauth", (j: Json) => j.crate.max_stable_version),
    capture: "rust",
  },
  {
    sdk: "Go",
    pinned: () => inventoryPin("go"),
    newest: () =>
      httpLatest("https://proxy.golang.org/github.com/propelauth/propelauth-go/@latest", (j: Json) => j.Version.replace(/^v/, "")),
    capture: "go",
  },
];

function npmLatest(name: string): string {
  const r = spawnSync("npm", ["view", name, "version"], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`npm view ${name}: ${(r.stderr || r.error?.message || "").trim().split("\n")[0]}`);
  return r.stdout.trim();
}
async function httpLatest(url: string, pick: (json: Json) => string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000), headers: { "user-agent": "propelauth-openapi check:upstream" } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return pick(await res.json());
}
const newer = (a: string, b: string) => {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
};

/** In a copy of the repository: install the newest release and run the SDK's conformance tests. */
function rerun(base: string, { filter, dep, project, files }: Rerun, version: string): string | undefined {
  const repo = join(base, `repo-${dep.replace(/\W/g, "-")}`);
  copyRepository(repo);
  // turbo finds pnpm on PATH, as it is under `pnpm check:upstream`.
  const env = gitEnv({ PATH: `${join(root, "node_modules", ".bin")}${process.platform === "win32" ? ";" : ":"}${process.env.PATH}` });
  const pnpm = join(root, "node_modules", ".bin", "pnpm");
  run(dep, "install", pnpm, ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"], { cwd: repo, env });
  run(dep, `install ${version}`, pnpm, ["--filter", filter, "add", "-D", `${dep}@${version}`, "--reporter=append-only"], {
    cwd: repo,
    env,
  });
  run(dep, "build", join(repo, "node_modules", ".bin", "turbo"), ["run", "build", "--output-logs=errors-only"], { cwd: repo, env });
  const out = run(dep, "conformance tests", join(repo, "node_modules", ".bin", "vitest"), ["run", "--project", project, ...files], {
    cwd: repo,
    env,
  });
  return out.trim().split("\n").at(-1);
}

// --rerun-current: rerun the npm SDKs' conformance tests against the newest even when it is the pinned one.
const rerunCurrent = process.argv.includes("--rerun-current");
const rows: string[][] = [];
let failed = false;
const base = mkdtempSync(join(tmpdir(), "check-upstream-"));
try {
  for (const s of SDKS) {
    const pinned = s.pinned();
    let newest: string;
    try {
      newest = await s.newest();
    } catch (error) {
      const e = error as Error & { cause?: Error };
      rows.push([s.sdk, pinned ?? "?", "?", `could not ask the registry: ${e.cause?.message ?? e.message}`]);
      continue;
    }
    if (!pinned) {
      rows.push([s.sdk, "?", newest, `no pinned version found (spec/test/conformance/sdks/${s.capture}/inventory.ts)`]);
      continue;
    }
    if (!newer(newest, pinned) && !(rerunCurrent && s.rerun)) {
      rows.push([s.sdk, pinned, newest, "current"]);
      continue;
    }
    if (s.rerun) {
      console.log(`check:upstream: ${s.sdk}: pinned ${pinned}, newest ${newest}; rerunning its conformance tests against ${newest}`);
      try {
        const label = newer(newest, pinned) ? "NEWER" : "current";
        rows.push([s.sdk, pinned, newest, `${label}; conformance tests pass against ${newest} (${rerun(base, s.rerun, newest)})`]);
      } catch (error) {
        failed = true;
        rows.push([s.sdk, pinned, newest, `conformance tests FAIL against ${newest}:\n${(error as Error).message}`]);
      }
    } else {
      rows.push([
        s.sdk,
        pinned,
        newest,
        `NEWER; its tests replay captured requests: re-capture from the ${newest} source (spec/test/conformance/sdks/${s.capture}/, see extract-inventory/capture there), then npm test`,
      ]);
    }
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}
console.log("\nSDK | pinned | newest | status");
for (const r of rows) console.log(r.join(" | "));
process.exit(failed ? 1 : 0);
