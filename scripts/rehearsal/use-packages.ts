// Runs inside an empty project that installed the six packages from the rehearsal registry, under
// Node or Bun, and uses each one as a user would. Any failure names the package and the step.
// Env: REHEARSAL_VERSION (the version just published), REHEARSAL_EMULATOR (JSON argv that starts
// the installed emulator's bin, e.g. ["npx","propelauth-emulator"]). The rehearsal hands it to the
// runtime as plain JavaScript (its types stripped), as a user's project would run it.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(`${process.cwd()}/`);
const version = process.env.REHEARSAL_VERSION ?? "";
const emulatorArgv: string[] = JSON.parse(process.env.REHEARSAL_EMULATOR ?? "[]");
const { Bun } = globalThis as { Bun?: { version: string } };
const runtime = Bun === undefined ? `node ${process.version}` : `bun ${Bun.version}`;

/** The installed emulator, started: its start-up line (URL, keys) and how to stop it. */
interface Emulator {
  info: { url: string; keys: Record<"full-access" | "read-and-validate" | "validation-only", string> };
  stop: () => void;
}

class StepError extends Error {}
async function step(pkg: string, name: string, fn: () => unknown): Promise<void> {
  try {
    const detail = await fn();
    console.log(`  ok  ${pkg}: ${name}${detail ? ` (${detail})` : ""}`);
  } catch (error) {
    throw new StepError(`${pkg}: ${name}: ${error instanceof Error ? error.message : error}`);
  }
}
function check(condition: unknown, message: string): void {
  if (!condition) throw new Error(message);
}
// biome-ignore lint/suspicious/noExplicitAny: the installed packages' JSON files, checked field by field
const readJson = (specifier: string): any => JSON.parse(readFileSync(require.resolve(specifier), "utf8"));

let emulator: Emulator | undefined;
try {
  await step("installed packages", `all six are ${version}, with LICENSE and CHANGELOG.md`, () => {
    for (const name of ["spec", "client", "docs", "postman", "emulator", "node"]) {
      const manifestPath = require.resolve(`@propelauth-openapi/${name}/package.json`);
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
      check(manifest.version === version, `@propelauth-openapi/${name} is ${manifest.version}`);
      for (const file of ["LICENSE", "CHANGELOG.md", "README.md"]) readFileSync(manifestPath.replace(/package\.json$/, file), "utf8");
    }
  });

  await step("@propelauth-openapi/spec", "openapi.json, openapi.yaml and arazzo.yaml load and carry the version", async () => {
    const json = readJson("@propelauth-openapi/spec/openapi.json");
    check(json.openapi === "3.1.0", `openapi is ${json.openapi}`);
    check(json.info.version === version, `info.version is ${json.info.version}`);
    const yaml = readFileSync(require.resolve("@propelauth-openapi/spec/openapi.yaml"), "utf8");
    check(/^openapi: 3\.1\.0$/m.test(yaml), "openapi.yaml does not start an OpenAPI 3.1 document");
    check(new RegExp(`^  version: ${version.replaceAll(".", "\\.")}$`, "m").test(yaml), "openapi.yaml lacks info.version");
    const tools = await import("@propelauth-openapi/spec");
    const ops = tools.listOperations(tools.loadBundledDocument());
    check(
      ops.length ===
        Object.values(json.paths as Record<string, object>).flatMap((p) => Object.keys(p).filter((k) => k !== "parameters")).length,
      "listOperations disagrees with the document",
    );
    const arazzo = readFileSync(require.resolve("@propelauth-openapi/spec/arazzo.yaml"), "utf8");
    check(/^arazzo: 1\.0\.\d+$/m.test(arazzo), "arazzo.yaml is not an Arazzo 1.0 document");
    check(arazzo.includes(`version: ${version}`), `arazzo.yaml lacks info.version ${version}`);
    return `${ops.length} operations, the Arazzo workflows`;
  });

  await step("@propelauth-openapi/postman", "the collection and its environments resolve", () => {
    const collection = readJson("@propelauth-openapi/postman/collection.json");
    check(collection.info?.schema?.includes("v2.1.0"), "not a Postman v2.1 collection");
    check(Array.isArray(collection.item) && collection.item.length > 0, "no folders");
    check(JSON.stringify(collection).includes(version), `the collection does not mention ${version}`);
    const envs = ["local", "test", "staging", "prod"].map((env) =>
      readJson(`@propelauth-openapi/postman/environments/propelauth-${env}.postman_environment.json`),
    );
    for (const env of envs) check(Array.isArray(env.values) && env.values.length > 0, `environment ${env.name} has no values`);
    return `${collection.item.length} folders, ${envs.length} environments`;
  });

  await step("@propelauth-openapi/emulator", `starts with ${emulatorArgv.join(" ")} --memory --port 0 --json`, async () => {
    const started = await startEmulator();
    emulator = started;
    return started.info.url;
  });

  await step("@propelauth-openapi/client", `creates and fetches a user from the installed emulator under ${runtime}`, async () => {
    const client = await import("@propelauth-openapi/client");
    const api = client.createClient({ authUrl: emulator!.info.url, apiKey: emulator!.info.keys["full-access"] });
    const email = `rehearsal-${Date.now()}@example.com`;
    const created = await api.POST("/api/backend/v1/user/", { body: { email } });
    check(created.response.status === 200, `Create User answered ${created.response.status}: ${JSON.stringify(created.error)}`);
    const user = await client.fetchUserByEmail(api, { query: { email } });
    check(user.email === email && user.user_id === created.data?.user_id, `fetched ${JSON.stringify(user)}`);
    const wrongKey = client.createClient({ authUrl: emulator!.info.url, apiKey: "not-a-key", maxRetries: 0 });
    const refused = await wrongKey.GET("/api/backend/v1/user/email", { params: { query: { email } } });
    check(refused.response.status === 401, `a wrong key got ${refused.response.status}`);
    return `user ${user.user_id}`;
  });

  await step("@propelauth-openapi/node", `the drop-in creates a user and validates its access token under ${runtime}`, async () => {
    const { initBaseAuth } = await import("@propelauth-openapi/node");
    // Like @propelauth/node, it calls https://propelauth-api.com: those calls go to the emulator.
    const previous = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.origin !== "https://propelauth-api.com") return previous(request);
      return previous(new Request(new URL(`${url.pathname}${url.search}`, emulator!.info.url), request));
    };
    try {
      const auth = initBaseAuth({ authUrl: emulator!.info.url, apiKey: emulator!.info.keys["full-access"] });
      const { userId } = await auth.createUser({ email: `dropin-${Date.now()}@example.com`, emailConfirmed: true });
      const { access_token: token } = await auth.createAccessToken({ userId, durationInMinutes: 5 });
      const user = await auth.validateAccessTokenAndGetUser(`Bearer ${token}`);
      check(user.userId === userId, `validated ${JSON.stringify(user)}`);
      const refused = await auth.validateAccessTokenAndGetUser("Bearer x.y.z").then(
        () => "accepted",
        (error) => error.status,
      );
      check(refused === 401, `a forged token got ${refused}`);
      return `user ${userId}`;
    } finally {
      globalThis.fetch = previous;
    }
  });

  await step("@propelauth-openapi/docs", "the installed emulator serves the installed docs at /docs/", async () => {
    const res = await fetch(`${emulator!.info.url}/docs/`);
    const html = await res.text();
    check(res.status === 200, `GET /docs/ answered ${res.status}: ${html.slice(0, 200)}`);
    const installed = readFileSync(require.resolve("@propelauth-openapi/docs/dist/index.html"), "utf8");
    check(html === installed, "/docs/ is not the installed package's index.html");
    // The release line under the page's title.
    check(html.includes(`Release <strong>${version}</strong>`), `the docs do not show version ${version}`);
    return `${Math.round(html.length / 1024)} KB`;
  });

  await step("@propelauth-openapi/postman", "the installed emulator serves the installed collection at /postman/", async () => {
    const index = await (await fetch(`${emulator!.info.url}/postman/`)).json();
    check(index.collections?.length === 1, `GET /postman/ lists ${JSON.stringify(index)}`);
    const res = await fetch(`${emulator!.info.url}${index.collections[0]}`);
    check(res.status === 200, `GET ${index.collections[0]} answered ${res.status}`);
    const served = await res.json();
    check(served.info?.name === readJson("@propelauth-openapi/postman/collection.json").info.name, "a different collection");
  });
} catch (error) {
  console.error(`rehearsal failed under ${runtime}: ${error instanceof StepError ? error.message : ((error as Error)?.stack ?? error)}`);
  process.exitCode = 1;
} finally {
  emulator?.stop();
}

/** Starts the installed emulator's bin and reads its one JSON start-up line. */
function startEmulator(): Promise<Emulator> {
  const [command = "", ...args] = emulatorArgv;
  // Its own process group, so stopping it also stops the bin that npx or bun x started.
  const child = spawn(command, [...args, "--memory", "--port", "0", "--json"], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no start-up line within 120 s; stderr: ${err.slice(-2000)}`));
    }, 120_000);
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.stdout.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (!line || !out.includes("\n")) return;
      clearTimeout(timer);
      try {
        resolve({ info: JSON.parse(line), stop });
      } catch (error) {
        stop();
        reject(error);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before it started: ${err.slice(-2000)}`));
    });
    child.on("error", reject);
  });
}
