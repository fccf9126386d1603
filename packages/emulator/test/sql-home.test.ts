// SQL lives in the storage layer (src/store, one module per group of tables) and in the engine's
// plumbing (the schema in db.ts, the connection in sqlite.ts, transactions in group-commit.ts):
// a handler or any other module that writes SQL again fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));

/** Where SQL may be written, relative to src/. */
const SQL_HOMES = [/^store\//, /^db\.ts$/, /^sqlite\.ts$/, /^group-commit\.ts$/];

/** A statement's opening words (in SQL's capitals, as the code writes them), or a call that runs SQL text. */
const SQL =
  /\b(?:SELECT\s+[\w*(]|INSERT\s+(?:OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(?:TABLE|INDEX|TRIGGER)\s|ALTER\s+TABLE\s|PRAGMA\s|REPLACE\s+INTO\s)|\.(?:prepare|exec|pragma)\(\s*[`"']/;

/** The lines of `text` that hold SQL, as "line: text". */
export function sqlLines(text: string): string[] {
  return text
    .split("\n")
    .map((line, i) => [i + 1, line] as const)
    .filter(([, line]) => SQL.test(line))
    .map(([n, line]) => `${n}: ${line.trim()}`);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("where SQL lives", () => {
  it("no module outside src/store (and the engine's plumbing) writes SQL", () => {
    const files = sources(src)
      .map((f) => relative(src, f).split("\\").join("/"))
      .filter((f) => !SQL_HOMES.some((home) => home.test(f)));
    expect(files).toContain("handlers/index.ts");
    const found = files.flatMap((f) => sqlLines(readFileSync(join(src, f), "utf8")).map((line) => `${f}:${line}`));
    expect(found).toEqual([]);
  });

  it("the storage layer does hold the SQL (the pattern finds it)", () => {
    const users = sqlLines(readFileSync(join(src, "store/users.ts"), "utf8"));
    expect(users.length).toBeGreaterThan(20);
  });

  it("finds each kind of statement, and not prose or regular expressions", () => {
    const found = sqlLines(
      [
        'project.sql("SELECT * FROM users WHERE email = ?").get(email);',
        "const n = db.prepare(`SELECT count(*) AS n FROM orgs WHERE 1`);",
        "`INSERT INTO users (user_id) VALUES (?)`",
        '"INSERT OR IGNORE INTO scim_group_members (group_id) VALUES (?)"',
        'simpleUpdate("UPDATE users SET enabled = 1 WHERE user_id = ?"),',
        "db.exec('DELETE FROM links');",
        "`SELECT o.name FROM memberships m",
        "// Select the user's organizations, then update them.",
        "const auth = /^Bearer\\s+(\\S+)\\s*$/i.exec(header);",
      ].join("\n"),
    );
    expect(found.map((line) => Number(line.split(":")[0]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
