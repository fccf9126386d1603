// Code typed against @propelauth/node names the same types here: every name the official
// declarations export, value or type, is exported by this package's declarations, and a file
// that imports them all type-checks.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const official = readFileSync(new URL("../node_modules/@propelauth/node/dist/index.d.ts", import.meta.url), "utf8");
const names = [...official.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
  (m[1] as string)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(/\s+as\s+/).pop() as string),
);

describe("types", () => {
  it("every name @propelauth/node 2.1.36 exports is exported, and they all type-check", () => {
    expect(names.length).toBeGreaterThan(140);
    const dir = `${packageDir}.tmp/types/`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // An import of a name the package does not export fails with TS2305.
    writeFileSync(
      `${dir}all.ts`,
      `import type { ${names.join(", ")} } from "@propelauth-openapi/node";\nexport type { ${names.join(", ")} };\n`,
    );
    writeFileSync(
      `${dir}tsconfig.json`,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          skipLibCheck: false,
        },
        files: ["all.ts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url)), "-p", dir], {
      cwd: packageDir,
      encoding: "utf8",
    });
    rmSync(dir, { recursive: true, force: true });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
