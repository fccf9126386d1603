import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

/** The package's folder, whether this runs from src/ (tests) or from the compiled .tmp/build/src/. */
export const packageDir = here.includes("/.tmp/build/") ? resolve(here, "../../..") : resolve(here, "..");

/** The repository's root (spec/, .changeset/). */
export const repoRoot = resolve(packageDir, "../..");
