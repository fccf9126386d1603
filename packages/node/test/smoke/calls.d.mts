// Types of calls.mjs for the runtime test.
export declare function smoke(
  lib: unknown,
  url: string,
  key: string,
): Promise<{ validated: boolean; role: string; refused: string; notHex: string }>;
