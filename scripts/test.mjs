// `npm test`: builds, lints, type-checks and tests every package, and runs the repository's own tests
// (scripts/test: release rehearsal, breaking-change gate, packages), all as turbo tasks, so a task
// whose inputs did not change is replayed from turbo's cache. Then one closing line for CI,
// "N passed, N failed, N skipped", adding up every test run, replayed or not: each run leaves its
// counts in <dir>/.tmp/test-summary.json (scripts/summary-reporter.ts), a cached output of its task.
// Arguments go to turbo: `npm test -- --force`, `npm test -- --filter=@propelauth-openapi/client`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");
/** The tasks `npm test` runs (in every package that has them). */
export const TASKS = ["build", "lint", "typecheck", "test", "lint:scripts", "test:scripts"];
const TEST_TASKS = new Set(["test", "test:scripts"]);
const runs = join(root, ".turbo", "runs");
const summaryOf = (dir) => join(root, dir, ".tmp", "test-summary.json");

/** Every folder whose tests `npm test` runs: each workspace package with a test script, and scripts/. */
function testDirs() {
  const dirs = ["spec", ...readdirSync(join(root, "packages")).map((name) => join("packages", name))];
  const hasTests = (dir) => {
    const manifest = join(root, dir, "package.json");
    return existsSync(manifest) && Boolean(JSON.parse(readFileSync(manifest, "utf8")).scripts?.test);
  };
  return [...dirs.filter(hasTests), "scripts"];
}

/** Runs turbo; returns its exit status and the tasks of its run summary (exit code and folder of each). */
function turbo(args) {
  mkdirSync(runs, { recursive: true });
  const before = new Set(readdirSync(runs));
  const run = spawnSync(join(root, "node_modules", ".bin", "turbo"), args, { cwd: root, stdio: "inherit" });
  const written = readdirSync(runs).find((f) => f.endsWith(".json") && !before.has(f));
  const tasks = written ? JSON.parse(readFileSync(join(runs, written), "utf8")).tasks : [];
  if (written) rmSync(join(runs, written)); // one summary a run would pile up
  return { status: run.status ?? 1, tasks };
}

function main() {
  const dirs = testDirs();
  // A count left by an earlier run must never stand in for a run that did not happen.
  for (const dir of dirs) rmSync(summaryOf(dir), { force: true });

  const args = process.argv.slice(2);
  const filtered = args.some((a) => a.startsWith("--filter") || a.startsWith("-F"));
  // Three tasks at a time: each package's vitest runs its files one by one, and several of them
  // side by side keep two cores busy; more starve the tests that measure time (retries, deadlines).
  const concurrency = args.some((a) => a.startsWith("--concurrency")) ? [] : ["--concurrency=3"];
  const { status, tasks } = turbo([
    "run",
    ...TASKS,
    "--continue=dependencies-successful",
    "--summarize",
    "--output-logs=new-only",
    ...concurrency,
    ...args,
  ]);

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const problems = [];
  for (const dir of dirs) {
    const file = summaryOf(dir);
    if (existsSync(file)) {
      const counts = JSON.parse(readFileSync(file, "utf8"));
      for (const key of Object.keys(totals)) totals[key] += counts[key];
    } else if (!filtered || tasks.some((t) => TEST_TASKS.has(t.task) && t.directory === dir)) {
      problems.push(`${dir}: its tests did not run or did not finish`);
      totals.failed++;
    }
  }
  // A failed build, lint or type check is a failure too, though no test counts it.
  for (const task of tasks) {
    if (TEST_TASKS.has(task.task) || !task.execution || task.execution.exitCode === 0) continue;
    problems.push(`${task.taskId}: exited ${task.execution.exitCode}`);
    totals.failed++;
  }
  if (status !== 0 && totals.failed === 0) {
    problems.push(`turbo exited ${status}`);
    totals.failed++;
  }
  for (const problem of problems) console.log(`npm test: ${problem}`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return status !== 0 || totals.failed > 0 ? 1 : 0;
}

if (process.argv[1] === import.meta.filename) process.exitCode = main();
