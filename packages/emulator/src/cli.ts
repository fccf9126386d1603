#!/usr/bin/env node
// The command's entry. On Node 22.1 and later, V8's compile cache keeps the compiled code of the
// modules loaded next on disk (in the system's temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns
// it off), so later starts skip most of the compiling; elsewhere this does nothing.
import module from "node:module";

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import("./cli-main.js");
