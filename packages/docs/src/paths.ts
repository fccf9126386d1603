import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

/** The package's folder. */
export const packageDir = resolve(here, "..");

/** The repository's root (spec/, .changeset/). */
export const repoRoot = resolve(packageDir, "../..");
