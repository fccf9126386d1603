import { describe, expect, it } from "vitest";
import { coverage } from "../../replay/coverage.js";
import { successExamples } from "../../replay/parsed-examples.js";
import { replay } from "../../replay/replay.js";
import { cases, exempt } from "./cases.js";
import { inventory } from "./inventory.js";

describe("Next.js SDK (PropelAuth/nextjs) replay", () => {
  replay("nextjs", cases);
});

coverage("nextjs", inventory, cases, exempt);

describe("Next.js SDK reads the Refresh a session example", () => {
  // refreshTokenWithAccessAndRefreshToken reads data.refresh_token and data.access_token's
  // access_token and expires_at_seconds.
  it.each([...successExamples("refreshSession")])('"%s" has what it reads', (_name, value) => {
    const data = value as { refresh_token?: unknown; access_token?: { access_token?: unknown; expires_at_seconds?: unknown } };
    expect(typeof data.refresh_token).toBe("string");
    expect(typeof data.access_token?.access_token).toBe("string");
    expect(typeof data.access_token?.expires_at_seconds).toBe("number");
  });
});
