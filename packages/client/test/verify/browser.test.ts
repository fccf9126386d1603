// The verifier in a browser: headless Chromium loads a page from a loopback server (127.0.0.1 is
// a secure context, so WebCrypto is there) that imports the built ESM client and verifier, fetches
// the key through the client from the same server, verifies a token signed in the test, refuses a
// tampered one, and posts what it saw back to the server. No browser automation library: the test
// starts Chromium by its path and stops it by process id.
// Run: apt-get install -y chromium; pnpm --filter @propelauth-openapi/client build &&
//      npx vitest run --project client test/verify/browser.test.ts   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startServer } from "../lib/helpers.js";
import { packageDir } from "../lib/pack.js";
import { claimsFor, rsaKey, signRs256 } from "./tokens.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let browser: ChildProcess | undefined;
let profile = "";
afterAll(() => {
  if (browser?.exitCode === null) process.kill(browser.pid!, "SIGKILL");
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
  const post = (body) => fetch("/result", { method: "POST", body: JSON.stringify(body) });
  try {
    const { createClient } = await import("/index.js");
    const { createTokenVerifier } = await import("/verify.js");
    const { token, tampered } = await (await fetch("/tokens")).json();
    const verifier = createTokenVerifier({ client: createClient({ authUrl: location.origin, apiKey: "k" }) });
    const claims = await verifier.verifyAuthorizationHeader("Bearer " + token);
    const refused = await verifier.verifyToken(tampered).then(() => "accepted", (e) => e.name + " " + e.reason);
    await post({ userAgent: navigator.userAgent, user: claims.user_id, refused });
  } catch (error) {
    await post({ error: String(error && error.stack || error) });
  }
</script>`;

it("verifies a token and refuses a tampered one in headless Chromium", async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  const key = await rsaKey();
  let result: (value: Record<string, string>) => void;
  const posted = new Promise<Record<string, string>>((resolve) => {
    result = resolve;
  });
  let tokens = "";
  const server = await startServer(async (req, res) => {
    const send = (type: string, body: string) => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
    };
    if (req.url === "/") return send("text/html", PAGE);
    if (req.url === "/index.js" || req.url === "/verify.js")
      return send("text/javascript", readFileSync(join(packageDir, "dist", req.url.slice(1)), "utf8"));
    if (req.url === "/tokens") return send("application/json", tokens);
    if (req.url === "/api/v1/token_verification_metadata")
      return send("application/json", JSON.stringify({ verifier_key_pem: key.publicKeyPem }));
    if (req.url === "/result") {
      let body = "";
      for await (const chunk of req) body += chunk;
      result(JSON.parse(body));
      return send("text/plain", "ok");
    }
    res.writeHead(404).end();
  });
  try {
    const token = await signRs256(key, claimsFor(server.url, { user_id: "browser-user" }));
    const at = token.lastIndexOf(".") + 10;
    tokens = JSON.stringify({ token, tampered: `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}` });
    profile = mkdtempSync(join(tmpdir(), "verify-chromium-"));
    browser = spawn(
      CHROMIUM,
      ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", `--user-data-dir=${profile}`, `${server.url}/`],
      {
        stdio: "ignore",
      },
    );
    const out = await Promise.race([
      posted,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no result from the page within 60 s")), 60_000)),
    ]);
    console.log(JSON.stringify(out));
    expect(out).toEqual({
      userAgent: expect.stringMatching(/Chrome\//),
      user: "browser-user",
      refused: "TokenVerificationError bad_signature",
    });
    expect(server.paths.filter((p) => p === "/api/v1/token_verification_metadata")).toHaveLength(1);
  } finally {
    if (browser?.exitCode === null) process.kill(browser.pid!, "SIGKILL");
    await server.close();
  }
}, 90_000);
