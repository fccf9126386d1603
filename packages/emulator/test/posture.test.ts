// Safe on a developer's machine: the test helpers, the keys and the filled-in Postman environment
// answer only this machine (Host, Origin, Sec-Fetch-Site; JSON only for state changes), no key is
// served off loopback unless asked, static files stay in their folder, and the data file is its
// owner's alone.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../dist/index.js";
import { raw } from "./raw.js";
import { useEmulator } from "./support.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "propelauth-emulator-posture-"));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

const LOCAL_ONLY: [string, string][] = [
  ["GET", "/__emulator/keys"],
  ["POST", "/__emulator/keys"],
  ["GET", "/__emulator/state"],
  ["POST", "/__emulator/reset"],
  ["POST", "/__emulator/clock"],
  ["POST", "/__emulator/signing_key/rotate"],
  ["GET", "/postman/environment.json"],
  ["GET", "/postman/environments/propelauth-local.postman_environment.json"],
];

const tokensOf = (emu: RunningEmulator) => Object.values(emu.keys).map((k) => k.token);
const json = { "content-type": "application/json" };

describe("local-only endpoints", () => {
  const h = useEmulator();
  const digest = async () => (await h().admin("GET", "/state")).body.digest as string;
  const seedSome = async () => {
    for (let i = 0; i < 3; i++) await h().op("createUser", {}, { body: { email: `posture${i}-${Date.now()}@example.com` } });
  };

  it("refuse a foreign Host (DNS rebinding) with 403, no key, and no change", async () => {
    await seedSome();
    const before = await digest();
    for (const host of [
      "evil.example",
      "evil.example:4010",
      "127.0.0.1.evil.example",
      "localhost.evil.example",
      "127.0.0.1@evil.example",
    ]) {
      for (const [method, path] of LOCAL_ONLY) {
        const answer = await raw(h().emu.url, method, path, {
          headers: { host, ...json },
          body: method === "POST" ? '{"kind":"full-access"}' : undefined,
        });
        expect(answer.status, `${method} ${path} Host ${host}: ${answer.text}`).toBe(403);
        for (const token of tokensOf(h().emu)) expect(answer.text).not.toContain(token);
      }
    }
    expect(await digest()).toBe(before);
    expect((await h().admin("GET", "/keys")).body.keys).toHaveLength(4);
  });

  it("refuse cross-site requests (Origin, Sec-Fetch-Site) with 403 and no key", async () => {
    await seedSome();
    const before = await digest();
    const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of foreign) {
      for (const [method, path] of LOCAL_ONLY) {
        const answer = await raw(h().emu.url, method, path, {
          headers: { ...headers, ...json },
          body: method === "POST" ? "{}" : undefined,
        });
        expect(answer.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        for (const token of tokensOf(h().emu)) expect(answer.text).not.toContain(token);
      }
    }
    expect(await digest()).toBe(before);
  });

  it("refuse a state change without a JSON content type (a cross-site text/plain or form POST) with 415", async () => {
    await seedSome();
    const before = await digest();
    for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const headers: Record<string, string> = type ? { "content-type": type } : {};
      const reset = await raw(h().emu.url, "POST", "/__emulator/reset", { headers, body: '{"seed":"examples"}' });
      expect(reset.status, `reset with ${type}`).toBe(415);
      const key = await raw(h().emu.url, "POST", "/__emulator/keys", { headers, body: '{"kind":"full-access"}' });
      expect(key.status).toBe(415);
    }
    expect(await digest()).toBe(before);
    expect((await h().admin("GET", "/keys")).body.keys).toHaveLength(4);
  });

  it("answer this machine: loopback names, a same-machine Origin, and JSON", async () => {
    for (const host of ["127.0.0.1", "localhost", `localhost:${h().emu.port}`, `[::1]:${h().emu.port}`]) {
      expect((await raw(h().emu.url, "GET", "/__emulator/keys", { headers: { host } })).status, host).toBe(200);
    }
    const fromLocalApp = await raw(h().emu.url, "GET", "/__emulator/keys", {
      headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-site" },
    });
    expect(fromLocalApp.status).toBe(200);
    expect((await raw(h().emu.url, "POST", "/__emulator/clock", { headers: json, body: '{"advance_seconds":0}' })).status).toBe(200);
  });
});

describe("the announced Auth URL's host", () => {
  const h = useEmulator({ authUrl: "http://auth.emulator.test:4010" });
  it("is the emulator's own name too", async () => {
    expect((await raw(h().emu.url, "GET", "/__emulator/keys", { headers: { host: "auth.emulator.test:4010" } })).status).toBe(200);
    expect((await raw(h().emu.url, "GET", "/__emulator/keys", { headers: { host: "other.emulator.test" } })).status).toBe(403);
  });
});

describe("bound off loopback", () => {
  it("serves no key unless started with exposeKeys", async () => {
    const emu = await startEmulator({ memory: true, port: 0, host: "0.0.0.0" });
    try {
      expect(emu.servesKeys).toBe(false);
      const base = `http://127.0.0.1:${emu.port}`;
      for (const [method, path] of LOCAL_ONLY.filter(([, p]) => p.includes("keys") || p.startsWith("/postman"))) {
        const answer = await raw(base, method, path, { headers: json, body: method === "POST" ? '{"kind":"full-access"}' : undefined });
        expect(answer.status, `${method} ${path}`).toBe(403);
        for (const token of tokensOf(emu)) expect(answer.text).not.toContain(token);
      }
      // The gate is decided on the route the helpers' router resolves, not on the path's text.
      for (const path of ["/__emulator//keys", "/__emulator///keys/", "/__emulator/keys/", "/__emulator//keys//", "/__emulator/./keys"]) {
        for (const method of ["GET", "POST"]) {
          const answer = await raw(base, method, path, { headers: json, body: method === "POST" ? '{"kind":"full-access"}' : undefined });
          expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(403);
          for (const token of tokensOf(emu)) expect(answer.text).not.toContain(token);
        }
      }
      expect(emu.project.store.backendKeys.list()).toHaveLength(4);
      expect((await raw(base, "GET", "/__emulator/state")).status).toBe(200);
    } finally {
      await emu.close();
    }
    const exposed = await startEmulator({ memory: true, port: 0, host: "0.0.0.0", exposeKeys: true });
    try {
      const answer = await raw(`http://127.0.0.1:${exposed.port}`, "GET", "/__emulator/keys");
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(exposed.keys["full-access"].token);
    } finally {
      await exposed.close();
    }
  });

  it("prints a warning from the CLI", async () => {
    const child = spawn(process.execPath, [cli, "--memory", "--port", "0", "--host", "0.0.0.0"], { stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    const warning = await new Promise<string>((resolve) => {
      createInterface({ input: child.stderr! }).on("line", (line) => {
        if (line.includes("WARNING")) resolve(line);
      });
    });
    child.kill("SIGKILL");
    expect(warning).toMatch(/not loopback/);
    expect(warning).toMatch(/keys are not served/);
  });
});

describe("static files", () => {
  const root = join(dir, "site");
  const docs = join(root, "docs");
  mkdirSync(join(root, "docs-secret"), { recursive: true });
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(root, "docs-secret", "secret.txt"), "SECRET");
  writeFileSync(join(root, "outside.txt"), "OUTSIDE");
  const page = `<!doctype html><title>docs</title>${"<p>operation</p>".repeat(2000)}`;
  writeFileSync(join(docs, "index.html"), page);
  writeFileSync(join(docs, "index.html.gz"), gzipSync(`${page}<!--gz-->`));
  writeFileSync(join(docs, "index.html.br"), brotliCompressSync(`${page}<!--br-->`));
  writeFileSync(join(docs, "app.js"), `console.log(${JSON.stringify("x".repeat(5000))});`);
  const h = useEmulator({ docsDir: docs });

  it("never leave their folder, not even for a sibling whose name starts the same", async () => {
    for (const path of [
      "/docs/..%2fdocs-secret/secret.txt",
      "/docs/..%2f..%2fsite%2fdocs-secret%2fsecret.txt",
      "/docs/%2e%2e/outside.txt",
      "/docs/..%5coutside.txt",
      `/docs/${encodeURIComponent(join(root, "outside.txt"))}`,
      "/docs/%00index.html",
    ]) {
      const answer = await raw(h().emu.url, "GET", path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toMatch(/SECRET|OUTSIDE/);
    }
  });

  it("answer a malformed escape with 400", async () => {
    for (const path of ["/docs/%E0%A4%A", "/docs/%zz", "/postman/%", "/postman/%E0%A4%A"]) {
      expect((await raw(h().emu.url, "GET", path)).status, path).toBe(400);
    }
  });

  it("serve the precompressed sibling the request accepts, else gzip on the fly, with Vary", async () => {
    const br = await raw(h().emu.url, "GET", "/docs/", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.body.equals(readFileSync(join(docs, "index.html.br")))).toBe(true);
    const gz = await raw(h().emu.url, "GET", "/docs/", { headers: { "accept-encoding": "gzip, br;q=0" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(`${page}<!--gz-->`);
    const plain = await raw(h().emu.url, "GET", "/docs/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");
    expect(plain.text).toBe(page);
    const js = await raw(h().emu.url, "GET", "/docs/app.js", { headers: { "accept-encoding": "gzip" } });
    expect(js.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(js.body).toString()).toBe(readFileSync(join(docs, "app.js"), "utf8"));
    expect(js.body.length).toBeLessThan(500);
  });
});

describe("the data file", () => {
  it("lives in ./.propelauth-emulator/ of the working directory, readable by its owner only, and holds no end-user token", async () => {
    const cwd = join(dir, "project");
    mkdirSync(cwd);
    const child = spawn(process.execPath, [cli, "--port", "0", "--json"], { cwd, stdio: ["ignore", "pipe", "inherit"] });
    children.add(child);
    const info = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once("line", resolve)));
    const folder = join(cwd, ".propelauth-emulator");
    const file = join(folder, "emulator.sqlite");
    expect(info.data_file).toBe(file);
    const created = await raw(info.url, "POST", "/api/backend/v1/user/", {
      headers: { ...json, authorization: `Bearer ${info.keys["full-access"]}` },
      body: '{"email":"at-rest@example.com"}',
    });
    const key = await raw(info.url, "POST", "/api/backend/v1/end_user_api_keys", {
      headers: { ...json, authorization: `Bearer ${info.keys["full-access"]}` },
      body: JSON.stringify({ user_id: created.json.user_id }),
    });
    expect(key.status).toBe(200);
    const token: string = key.json.api_key_token;
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const f of [file, `${file}-wal`]) expect(statSync(f).mode & 0o777, f).toBe(0o600);
    const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]).toString("latin1");
    expect(bytes).toContain("at-rest@example.com");
    expect(bytes).not.toContain(token);
    expect(bytes).not.toContain(token.slice(32));

    // A second emulator on the same file is refused with the process that holds it.
    const second = spawnSync(process.execPath, [cli, "--port", "0", "--json"], { cwd, encoding: "utf8", timeout: 30_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`in use by process ${child.pid}`);
    child.kill("SIGKILL");
  });

  it("help names no monorepo path", () => {
    const help = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(".propelauth-emulator");
    expect(help.stdout).not.toMatch(/packages\//);
  });
});
