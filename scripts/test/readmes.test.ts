// Every shipped README speaks to the user who installed the package: each shell block is marked
// (runnable, a server, a contributor's command, or a sketch), every link resolves from the
// installed package (a shipped file, a heading) or is absolute, and every runnable command runs
// in empty npm and pnpm 10 projects outside the repository (scripts/readme-commands.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { forPnpm } from "../readme-commands.js";
import { codeBlocks, linkProblems, markProblems, publicPackages, root, shippedFiles } from "../readmes.js";
import { runAsUser } from "./run-as-user.js";

const packages = publicPackages();

describe.each(packages)("$name README", (pkg) => {
  const readme = readFileSync(join(root, pkg.dir, "README.md"), "utf8");

  it("marks every shell block: <!-- run -->, <!-- run: serves -->, <!-- repository --> or <!-- illustrative -->", () => {
    expect(markProblems(readme)).toEqual([]);
  });

  it("links only to files the tarball holds, its own headings, or absolute https URLs (repository paths that exist)", () => {
    expect(linkProblems(readme, pkg.dir, shippedFiles(pkg.dir))).toEqual([]);
  });

  it("shows a runnable install command for itself", () => {
    const runnable = codeBlocks(readme).filter((b) => b.mark === "run");
    expect(runnable.some((b) => new RegExp(`^npm install (--save-dev )?${pkg.name}$`, "m").test(b.code))).toBe(true);
  });
});

describe("the checks themselves", () => {
  it("find unmarked and wrongly marked blocks", () => {
    const md = "# T\n\n```sh\nls\n```\n\n<!-- runs -->\n```sh\nls\n```\n\n<!-- illustrative -->\n```sh\nls\n```\n";
    expect(markProblems(md)).toHaveLength(3);
  });

  it("find relative links to unshipped files, missing headings, http and missing repository paths", () => {
    const md = [
      "# Title",
      "[a](test/README.md) [b](#title) [c](#nope) [d](http://example.com) [e](dist/x.js)",
      "[f](https://github.com/propelauth-openapi/propelauth-openapi/blob/main/nowhere.md) `[g](code.md)`",
    ].join("\n");
    expect(linkProblems(md, "packages/x", ["README.md", "dist/x.js"])).toEqual([
      expect.stringMatching(/^test\/README\.md: the package does not ship/),
      "#nope: no such heading in the README",
      "http://example.com: not https",
      expect.stringMatching(/nowhere\.md is not in the repository$/),
    ]);
  });

  it("turn npm install lines into pnpm add lines", () => {
    expect(forPnpm("npm install --save-dev @a/b\nnpx x\nnpm install c d")).toBe("pnpm add -D @a/b\nnpx x\npnpm add c d");
  });
});

it("every <!-- run --> command of every shipped README works in empty npm and pnpm 10 projects", async () => {
  const { code, output } = await runAsUser("readme-commands.ts");
  console.log(output.slice(-20000));
  const failure = /^readme commands failed: [\s\S]*$/m.exec(output)?.[0];
  expect(failure ?? (code === 0 ? undefined : `exited ${code}`), output.slice(-8000)).toBeUndefined();
  expect(output).toMatch(/readme commands \[\s*\d+ s\] passed/);
}, 900_000);
