import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { doc, request, useEmulator } from "./support.js";

const docsBuilt = existsSync(fileURLToPath(new URL("../../docs/dist/index.html", import.meta.url)));
const postmanBuilt = existsSync(fileURLToPath(new URL("../../postman/dist", import.meta.url)));

describe("what the emulator serves besides the API", () => {
  const h = useEmulator();

  it("serves the bundled document with servers set to its own URL", async () => {
    const answer = await request(h().emu.url, "GET", "/openapi.json");
    expect(answer.status).toBe(200);
    expect(answer.body.servers).toEqual([{ url: h().emu.authUrl, description: expect.any(String) }]);
    expect(Object.keys(answer.body.paths)).toEqual(Object.keys(doc.paths));
    const root = await request(h().emu.url, "GET", "/");
    expect(root.body).toMatchObject({ auth_url: h().emu.authUrl, operations: expect.any(Number) });
  });

  it.runIf(docsBuilt)("serves the docs page at /docs/", async () => {
    const answer = await request(h().emu.url, "GET", "/docs/");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/text\/html/);
    expect((await request(h().emu.url, "GET", "/docs")).status).toBe(301);
    expect((await request(h().emu.url, "GET", "/docs/../../package.json")).status).toBe(404);
  });

  it("serves a Postman environment filled in with its URL and Full Access key", async () => {
    const env = await request(h().emu.url, "GET", "/postman/environment.json");
    const values = Object.fromEntries(env.body.values.map((v: { key: string; value: string }) => [v.key, v.value]));
    expect(values).toMatchObject({ authUrl: h().emu.authUrl, apiKey: h().key });
  });

  it.runIf(postmanBuilt)("serves the Postman collection", async () => {
    const index = await request(h().emu.url, "GET", "/postman/");
    expect(index.body.collections.length).toBeGreaterThan(0);
    const collection = await request(h().emu.url, "GET", index.body.collections[0]);
    expect(collection.status).toBe(200);
    expect(collection.body.info.schema).toMatch(/collection/);
  });

  it("lists its test helpers", async () => {
    const answer = await request(h().emu.url, "GET", "/__emulator/");
    expect(answer.body.endpoints.length).toBeGreaterThan(5);
    expect((await request(h().emu.url, "GET", "/__emulator/nope")).status).toBe(404);
  });
});
