// Two fresh emulators, one per SDK: the official @propelauth/node on one, the drop-in on the
// other. Both SDKs send their API calls to https://propelauth-api.com; one global fetch wrapper
// routes them to the emulator of the side whose step is running (steps run one at a time).
import { type RunningEmulator, startEmulator } from "@propelauth-openapi/emulator";

export interface Side {
  name: "official" | "dropin";
  emu: RunningEmulator;
  /** Ids and tokens this side's scenario stored, by name. */
  // biome-ignore lint/suspicious/noExplicitAny: the scenario stores what it likes
  ctx: Record<string, any>;
}

let active: Side | undefined;
let original: typeof fetch | undefined;

/** Starts one emulator per side and routes propelauth-api.com to the active side's. */
export async function startSides(): Promise<[Side, Side]> {
  const options = { memory: true, port: 0, validateResponses: true } as const;
  const [a, b] = await Promise.all([startEmulator(options), startEmulator(options)]);
  original = globalThis.fetch;
  const previous = original;
  globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== "https://propelauth-api.com") return previous(request);
    if (!active) throw new Error("a request to propelauth-api.com outside a step");
    return previous(new Request(new URL(`${url.pathname}${url.search}`, active.emu.url), request));
  };
  return [
    { name: "official", emu: a, ctx: {} },
    { name: "dropin", emu: b, ctx: {} },
  ];
}

export async function stopSides(sides: Side[]): Promise<void> {
  if (original) globalThis.fetch = original;
  await Promise.all(sides.map((s) => s.emu.close()));
}

/** Runs `fn` with requests routed to this side's emulator. */
export async function onSide<T>(side: Side, fn: () => Promise<T>): Promise<T> {
  active = side;
  try {
    return await fn();
  } finally {
    active = undefined;
  }
}
