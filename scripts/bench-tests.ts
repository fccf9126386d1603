// `pnpm bench:tests`: where a fresh clone's `npm test` spends its time, beside a baseline revision.
// For each revision (the baseline first, then HEAD): a fresh clone in a temporary folder,
// `npm run setup`, then `npm test -- --summarize`, timed, with the CPU the whole machine used
// meanwhile (from /proc/stat: everything the run starts, Chromium's renderers included, which a
// child's rusage misses; so run it on an otherwise idle machine, and see the load printed). Per task,
// the wall time inside that run (turbo's summary). With `--alone`, each task that ran is run again
// by itself (`turbo run <task> --only --force`) for its own CPU time: their sum over the cores is the
// shortest `npm test` that packing the same work could give.
// Run: pnpm bench:tests [--baseline <rev>] [--alone] [--keep]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const { values } = parseArgs({ options: { baseline: { type: "string" }, alone: { type: "boolean" }, keep: { type: "boolean" } } });

/** CPU seconds the machine has spent busy so far (every core, all processes), or NaN off Linux. */
function machineCpu(): number {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ
  } catch {
    return Number.NaN;
  }
}

interface Timed {
  wall: number;
  cpu: number;
  output: string;
  status: number;
}

function timed(command: string, args: string[], cwd: string): Timed {
  const cpu0 = machineCpu();
  const t0 = performance.now();
  const run = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, FORCE_COLOR: "0" } });
  return {
    wall: (performance.now() - t0) / 1000,
    cpu: machineCpu() - cpu0,
    output: `${run.stdout}${run.stderr}`,
    status: run.status ?? 1,
  };
}

interface TaskTime {
  taskId: string;
  wall: number;
  alone?: Timed;
}

interface Result {
  rev: string;
  setup: Timed;
  test: Timed;
  load: [number, number];
  closing: string;
  tasks: TaskTime[];
}

/** The tasks `npm test` ran (not replayed from the cache), with their wall time, from turbo's run summary. */
function ranTasks(dir: string): TaskTime[] {
  const runs = join(dir, ".turbo", "runs");
  const file = readdirSync(runs)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .at(-1)!;
  const summary = JSON.parse(readFileSync(join(runs, file), "utf8")) as {
    tasks: { taskId: string; cache: { status: string }; execution?: { startTime: number; endTime: number } }[];
  };
  return summary.tasks
    .filter((t) => t.cache.status !== "HIT" && t.execution)
    .map((t) => ({ taskId: t.taskId, wall: (t.execution!.endTime - t.execution!.startTime) / 1000 }));
}

function measure(rev: string): Result {
  const dir = mkdtempSync(join(tmpdir(), "bench-tests-"));
  const clone = join(dir, "repo");
  try {
    spawnSync("git", ["clone", "-q", root, clone], { stdio: "inherit" });
    spawnSync("git", ["checkout", "-q", rev], { cwd: clone, stdio: "inherit" });
    console.error(`bench:tests ${rev}: npm run setup`);
    const setup = timed("npm", ["run", "setup"], clone);
    if (setup.status !== 0) throw new Error(`${rev}: npm run setup failed:\n${setup.output.slice(-3000)}`);
    console.error(`bench:tests ${rev}: npm test`);
    const before = loadavg()[0]!;
    const test = timed("npm", ["test", "--", "--summarize"], clone);
    const closing = /^\d+ passed, \d+ failed, \d+ skipped$/m.exec(test.output)?.[0] ?? `exited ${test.status}`;
    const tasks = ranTasks(clone);
    if (values.alone) {
      for (const task of tasks) {
        console.error(`bench:tests ${rev}: ${task.taskId} alone`);
        task.alone = timed(
          join(clone, "node_modules", ".bin", "turbo"),
          ["run", task.taskId, "--only", "--force", "--output-logs=errors-only"],
          clone,
        );
      }
    }
    return { rev, setup, test, load: [before, loadavg()[0]!], closing, tasks };
  } finally {
    if (values.keep) console.error(`bench:tests: kept ${clone}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const s = (x: number) => `${x.toFixed(0)} s`;
const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
const results = [...(values.baseline ? [values.baseline] : []), head].map(measure);
const cores = availableParallelism();

console.log(`\nfresh clone, ${cores} cores; CPU is the whole machine's while the step ran (so includes any other job)`);
console.log("| revision | setup | npm test | CPU during npm test | CPU / cores | load before → after | closing line |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const r of results)
  console.log(
    `| ${r.rev} | ${s(r.setup.wall)} | ${s(r.test.wall)} | ${s(r.test.cpu)} | ${s(r.test.cpu / cores)} | ${r.load.map((l) => l.toFixed(1)).join(" → ")} | ${r.closing} |`,
  );

const ids = [...new Set(results.flatMap((r) => r.tasks.map((t) => t.taskId)))];
const cell = (r: Result, id: string) => {
  const t = r.tasks.find((x) => x.taskId === id);
  if (!t) return "–";
  return t.alone ? `${s(t.wall)} (alone ${s(t.alone.wall)}, CPU ${s(t.alone.cpu)})` : s(t.wall);
};
/** A task's weight in HEAD's run, to sort by: its CPU alone, else its wall time. */
const weight = (id: string) => {
  const task = results.at(-1)!.tasks.find((t) => t.taskId === id);
  return task?.alone?.cpu ?? task?.wall ?? 0;
};
console.log(`\nper task: wall time inside npm test${values.alone ? "; run alone: wall and CPU" : ""}`);
console.log(`| task | ${results.map((r) => r.rev).join(" | ")} |`);
console.log(`| --- | ${results.map(() => "---").join(" | ")} |`);
for (const id of ids.sort((a, b) => weight(b) - weight(a))) console.log(`| ${id} | ${results.map((r) => cell(r, id)).join(" | ")} |`);
if (values.alone) {
  for (const r of results) {
    const cpu = r.tasks.reduce((sum, t) => sum + (t.alone?.cpu ?? 0), 0);
    console.log(`${r.rev}: the tasks alone used ${s(cpu)} of CPU: at least ${s(cpu / cores)} on ${cores} cores, however they are packed`);
  }
}
if (results.length === 2)
  console.log(`\nnpm test: ${head}/${results[0]!.rev} = ${(results[1]!.test.wall / results[0]!.test.wall).toFixed(2)}x`);
if (results.some((r) => !r.closing.includes(" 0 failed"))) process.exitCode = 1;
