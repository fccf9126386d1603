// `npm test`: builds, lints, type-checks and tests every package, and runs the repository's own tests
// (scripts/test: release rehearsal, README commands, breaking-change gate, packages), all as turbo
// tasks, so a task whose inputs did not change is replayed from turbo's cache. Then one closing line
// for CI, "N passed, N failed, N skipped", adding up every test run, replayed or not: each run leaves
// its counts in a .tmp/test-summary*.json (scripts/summary-reporter.ts), a cached output of its task.
// Arguments go to turbo: `npm test -- --force`, `npm test -- --filter=@propelauth-openapi/client`;
// `npm test -- --summarize` keeps turbo's run summary (.turbo/runs/*.json: each task's start and end).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { summaryFile } from "./test-summary.js";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const runs = join(root, ".turbo", "runs");
// biome-ignore lint/suspicious/noExplicitAny: a package.json, read by key
const manifest = (dir: string): Record<string, any> => JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));

/** The repository's own test tasks: the root's `test:*` scripts, each a vitest run of part of scripts/test. */
export const ROOT_TEST_TASKS = Object.keys(manifest(".").scripts).filter((name) => name.startsWith("test:"));
/** The tasks `npm test` runs (in every package that has them). */
export const TASKS = ["build", "lint", "typecheck", "test", "lint:scripts", "typecheck:scripts", ...ROOT_TEST_TASKS];

/** Every test run `npm test` makes: its task, its folder, and the file its counts land in. */
interface TestRun {
  task: string;
  dir: string;
  summary: string;
}

interface TaskSummary {
  task: string;
  taskId: string;
  directory: string;
  execution?: { exitCode: number };
}

type Counts = { passed: number; failed: number; skipped: number };

function testRuns(): TestRun[] {
  const dirs = ["spec", ...readdirSync(join(root, "packages")).map((name) => join("packages", name))];
  const packages = dirs
    .filter((dir) => existsSync(join(root, dir, "package.json")) && manifest(dir).scripts?.test)
    .map((dir) => ({ task: "test", dir, summary: join(root, dir, summaryFile("test")) }));
  // The root's tasks run vitest with --root scripts: their counts land under scripts/.
  const own = ROOT_TEST_TASKS.map((task) => ({ task, dir: "", summary: join(root, "scripts", summaryFile(task)) }));
  return [...packages, ...own];
}

/** Runs turbo; returns its exit status and the tasks of its run summary (exit code and folder of each). */
function turbo(args: string[], keepSummary: boolean): { status: number; tasks: TaskSummary[] } {
  mkdirSync(runs, { recursive: true });
  const before = new Set(readdirSync(runs));
  const run = spawnSync(join(root, "node_modules", ".bin", "turbo"), args, { cwd: root, stdio: "inherit" });
  const written = readdirSync(runs).find((f) => f.endsWith(".json") && !before.has(f));
  const tasks = written ? JSON.parse(readFileSync(join(runs, written), "utf8")).tasks : [];
  if (written && !keepSummary) rmSync(join(runs, written)); // one summary a run would pile up
  return { status: run.status ?? 1, tasks };
}

function main(): number {
  const planned = testRuns();
  // A count left by an earlier run must never stand in for a run that did not happen.
  for (const { summary } of planned) rmSync(summary, { force: true });

  const args = process.argv.slice(2);
  const filtered = args.some((a) => a.startsWith("--filter") || a.startsWith("-F"));
  // Three tasks at a time: each package's vitest runs its files one by one, and several of them
  // side by side keep two cores busy; more starve the tests that measure time (retries, deadlines).
  const concurrency = args.some((a) => a.startsWith("--concurrency")) ? [] : ["--concurrency=3"];
  const keepSummary = args.includes("--summarize");
  const { status, tasks } = turbo(
    [
      "run",
      ...TASKS,
      "--continue=dependencies-successful",
      ...(keepSummary ? [] : ["--summarize"]),
      "--output-logs=new-only",
      ...concurrency,
      ...args,
    ],
    keepSummary,
  );

  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const problems: string[] = [];
  const isTest = (t: TaskSummary) => planned.some((p) => p.task === t.task);
  for (const { task, dir, summary } of planned) {
    if (existsSync(summary)) {
      const counts = JSON.parse(readFileSync(summary, "utf8")) as Counts;
      for (const key of ["passed", "failed", "skipped"] as const) totals[key] += counts[key];
    } else if (!filtered || tasks.some((t) => t.task === task && t.directory === dir)) {
      problems.push(`${dir || "//"}#${task}: its tests did not run or did not finish`);
      totals.failed++;
    }
  }
  // A failed build, lint or type check is a failure too, though no test counts it.
  for (const task of tasks) {
    if (isTest(task) || !task.execution || task.execution.exitCode === 0) continue;
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
