// Where the docs site and the Postman files are found at run time: the installed packages
// (@propelauth-openapi/docs, @propelauth-openapi/postman), else the sibling folders of this
// package in the source repository.
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL("..", import.meta.url));

const isDir = (dir: string | undefined): dir is string => dir !== undefined && existsSync(dir) && statSync(dir).isDirectory();

function installedDist(name: string): string | undefined {
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), "dist");
  } catch {
    return undefined;
  }
}

/** The first folder that exists: the one given, the installed package's dist, the sibling folder. */
function locate(given: string | undefined, name: string, sibling: string): string | undefined {
  if (given !== undefined) return isDir(given) ? given : undefined;
  return [installedDist(name), resolve(packageDir, "..", sibling, "dist")].find(isDir);
}

export const locateDocs = (given?: string) => locate(given, "@propelauth-openapi/docs", "docs");
export const locatePostman = (given?: string) => locate(given, "@propelauth-openapi/postman", "postman");
