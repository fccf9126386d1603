// openapi-fetch is bundled into dist, so its types must be too. Its package.json has no `types`
// field, which tsup's d.ts resolver needs, so the d.ts bundler would leave
// `import … from "openapi-fetch"` in dist/index.d.ts, unresolvable for users (the package has no
// dependencies). This copies its declarations (and openapi-typescript-helpers', which they
// import) into src/generated/, where the sources import them from and the d.ts bundler inlines them.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
  `// Copied from openapi-fetch/dist/index.d.mts by scripts/copy-fetch-types.ts. Do not edit.\n${rewritten}`,
);
// TypeScript before 5.4 rejects `ResponseObjectMap<T>` where `Record<string | number, any>` is
// required, because its fallback branch is `unknown` (2 errors in a user's project without
// skipLibCheck). A fallback that satisfies the constraint changes nothing for the document's
// operations, which all have responses; test/typescript.test.ts checks 5.0 to 5.9.
const helpers = readFileSync(join(helpersDir, "dist/index.d.ts"), "utf8");
const fallback = /(type ResponseObjectMap<T> = T extends \{\s*responses: any;\s*\} \? T\["responses"\] : )unknown;/;
if (!fallback.test(helpers))
  throw new Error("copy-fetch-types: openapi-typescript-helpers' ResponseObjectMap changed; review the TypeScript < 5.4 fix");
writeFileSync(
  join(out, "openapi-typescript-helpers.d.ts"),
  `// Copied from openapi-typescript-helpers/dist/index.d.ts by scripts/copy-fetch-types.ts, with ResponseObjectMap's fallback fixed for TypeScript < 5.4. Do not edit.\n${helpers.replace(fallback, "$1Record<string | number, never>;")}`,
);
console.log("copy-fetch-types: openapi-fetch and openapi-typescript-helpers declarations -> src/generated/");
