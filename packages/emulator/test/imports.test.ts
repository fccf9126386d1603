// An import circle is a defect: the package's modules form a graph without cycles (type-only
// imports included, since they tie the modules' meaning together as much as values do).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The package-relative modules a source file imports (static, type-only, re-exports, import()). */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")));
}

/** Every cycle in a graph, each as the list of its nodes (first repeated at the end). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "active" | "done">();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, "active");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "active") found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe("module structure", () => {
  it("has no import cycle", () => {
    const graph = new Map(sources(src).map((f) => [f, importsOf(f, readFileSync(f, "utf8"))]));
    expect(graph.size).toBeGreaterThan(20);
    const named = cycles(graph).map((c) => c.map((f) => relative(src, f)).join(" -> "));
    expect(named).toEqual([]);
  });

  it("finds a cycle when there is one (type-only and import() too)", () => {
    const a = "/p/a.ts";
    const b = "/p/b.ts";
    const c = "/p/c.ts";
    const graph = new Map([
      [a, importsOf(a, 'import type { B } from "./b.js";')],
      [b, importsOf(b, 'export const x = 1;\ntype C = import("./c.js").C;')],
      [c, importsOf(c, 'export { a } from "./a.js";')],
    ]);
    expect(cycles(graph)).toEqual([[a, b, c, a]]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, []],
        ]),
      ),
    ).toEqual([]);
  });
});
