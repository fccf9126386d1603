#!/usr/bin/env node
// openapi-fetch is bundled into dist, so its types must be too. Its package.json has no `types`
// field, which tsup's d.ts resolver needs, so the d.ts bundler would leave
// `import … from "openapi-fetch"` in dist/index.d.ts, unresolvable for users (the package has no
// dependencies). This copies its declarations (and openapi-typescript-helpers', which they
// import) into src/generated/, where the sources import them from and the d.ts bundler inlines them.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, "../src/generated");
const require = createRequire(join(here, "../package.json"));
const fetchDir = dirname(require.resolve("openapi-fetch/package.json"));
const helpersDir = dirname(createRequire(join(fetchDir, "package.json")).resolve("openapi-typescript-helpers/package.json"));

mkdirSync(out, { recursive: true });
const fetchTypes = readFileSync(join(fetchDir, "dist/index.d.mts"), "utf8");
const rewritten = fetchTypes.replace(/from ['"]openapi-typescript-helpers['"]/, 'from "./openapi-typescript-helpers.js"');
if (rewritten === fetchTypes) throw new Error("copy-fetch-types: openapi-fetch's declarations no longer import openapi-typescript-helpers");
writeFileSync(
  join(out, "openapi-fetch.d.ts"),
  `// Copied from openapi-fetch/dist/index.d.mts by scripts/copy-fetch-types.mjs. Do not edit.\n${rewritten}`,
);
copyFileSync(join(helpersDir, "dist/index.d.ts"), join(out, "openapi-typescript-helpers.d.ts"));
console.log("copy-fetch-types: openapi-fetch and openapi-typescript-helpers declarations -> src/generated/");
