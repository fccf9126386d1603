export declare const RUNTIMES: Record<"node22" | "node24" | "bun" | "deno" | "workerd", { pkg: string; version: string; bin: string }>;
/** The absolute path of the runtime's executable, installed from npm into .tmp/runtimes/ on first use. */
export declare function runtimePath(name: keyof typeof RUNTIMES): string;
/** Installs `spec` (such as typescript@5.0.4) from npm into .tmp/runtimes/<folder> on first use; the absolute path of `file` in it. */
export declare function npmInstalled(folder: string, spec: string, file: string, what?: string): string;
