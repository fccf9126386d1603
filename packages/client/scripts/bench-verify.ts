// Access tokens verified per second with the key already imported, side by side in one run:
// this package's verifier (`@propelauth-openapi/client/verify`, WebCrypto) against the official
// SDK's `validateAccessTokenAndGetUser` (@propelauth/node 2.1.36, jose on node:crypto), both
// given the same key by hand (no fetch), both verifying `Authorization: Bearer <token>` headers.
// Three workloads, alternated round by round so both see the same machine:
//   distinct    every header a new token (nothing cached: the RSA signature check each time);
//   repeated    the same 100 tokens over and over (a user's token arrives with each request;
//               ours answers from its cache until the token's exp, the SDK verifies again);
//   concurrent  distinct tokens, 32 verifications in flight at a time (a busy server).
// Prints the median and the spread (min–max) of each round's rate, and of the ratio within each round.
// Run: pnpm --filter @propelauth-openapi/client build && tsx packages/client/scripts/bench-verify.ts [--rounds=7] [--ms=700]
import { generateKeyPairSync, sign } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const ROUNDS = arg("rounds", 7);
const MS = arg("ms", 700);

// The official SDK is a devDependency of the emulator (with tslib reachable beside it).
const requireFromEmulator = createRequire(join(here, "../../emulator/package.json"));
const official = requireFromEmulator("@propelauth/node");
const ours = await import(pathToFileURL(join(here, "../dist/verify.js")).href);

const AUTH_URL = "https://auth.example.com";
const { publicKey, privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});
const b64 = (value: string) => Buffer.from(value).toString("base64url");
const now = Math.floor(Date.now() / 1000);
/** A token like the emulator's (user, one org), RS256 with the key above. */
function token(i: number): string {
  const header = b64(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "k1" }));
  const org = {
    org_id: "1189c444-8a2d-4c41-8b4b-ae43ce79a492",
    org_name: "Acme",
    org_metadata: {},
    url_safe_org_name: "acme",
    user_role: "Admin",
    inherited_user_roles_plus_current_role: ["Admin", "Member"],
    user_permissions: ["reports::read"],
    org_role_structure: "single_role_in_hierarchy",
    additional_roles: [],
  };
  const payload = b64(
    JSON.stringify({
      sub: `user-${i}`,
      user_id: `user-${i}`,
      iat: now,
      exp: now + 3600,
      iss: AUTH_URL,
      email: `user${i}@example.com`,
      login_method: { login_method: "password" },
      org_id_to_org_member_info: { [org.org_id]: org },
    }),
  );
  return `${header}.${payload}.${sign("sha256", Buffer.from(`${header}.${payload}`), privateKey).toString("base64url")}`;
}
const DISTINCT = Array.from({ length: 20_000 }, (_, i) => `Bearer ${token(i)}`);
const REPEATED = DISTINCT.slice(0, 100);

const verifier = ours.createTokenVerifier({ verifierKeyPem: publicKey, authUrl: AUTH_URL });
const auth = official.initBaseAuth({
  authUrl: AUTH_URL,
  apiKey: "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f",
  manualTokenVerificationMetadata: { verifierKey: publicKey, issuer: AUTH_URL },
});
/** Verifies an `Authorization` header: the user it names (ours: `user_id`, the SDK's: `userId`). */
type Verify = (header: string) => Promise<{ user_id?: string; userId?: string }>;
const candidates: Record<string, Verify> = {
  "ours (createTokenVerifier().verifyAuthorizationHeader)": (header) => verifier.verifyAuthorizationHeader(header),
  "official (validateAccessTokenAndGetUser)": (header) => auth.validateAccessTokenAndGetUser(header),
};
// Both accept the tokens, and refuse a tampered one, before anything is timed.
for (const [name, verify] of Object.entries(candidates)) {
  const user = await verify(DISTINCT[0]!);
  if (!(user.user_id ?? user.userId)) throw new Error(`${name} did not verify`);
  if (
    await verify(`${DISTINCT[1]!.slice(0, -4)}AAAA`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`${name} accepted a tampered token`);
}

let cursor = 0;
const next = (list: string[]): string => list[cursor++ % list.length]!;
const workloads: Record<string, (verify: Verify) => Promise<number>> = {
  distinct: async (verify) => {
    const end = performance.now() + MS;
    let n = 0;
    while (performance.now() < end) for (let i = 0; i < 50; i++, n++) await verify(next(DISTINCT));
    return n;
  },
  repeated: async (verify) => {
    const end = performance.now() + MS;
    let n = 0;
    while (performance.now() < end) for (let i = 0; i < 50; i++, n++) await verify(next(REPEATED));
    return n;
  },
  concurrent: async (verify) => {
    const end = performance.now() + MS;
    let n = 0;
    while (performance.now() < end) {
      await Promise.all(Array.from({ length: 32 }, () => verify(next(DISTINCT))));
      n += 32;
    }
    return n;
  },
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`Node ${process.version}; ${ROUNDS} rounds of ${MS} ms per candidate and workload; RSA 2048 tokens; rate = verifications/s`);
for (const [workload, run] of Object.entries(workloads)) {
  const rates: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  for (const verify of Object.values(candidates)) await run(verify); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const order = Object.entries(candidates);
    if (round % 2) order.reverse();
    for (const [name, verify] of order) {
      const start = performance.now();
      const n = await run(verify);
      rates[name]!.push(n / ((performance.now() - start) / 1000));
    }
  }
  const table = Object.fromEntries(
    Object.entries(rates).map(([name, xs]) => [
      name,
      { "median /s": Math.round(median(xs)), "min /s": Math.round(Math.min(...xs)), "max /s": Math.round(Math.max(...xs)) },
    ]),
  );
  // Each round's ratio, from the two runs of that round (the machine's speed drifts between rounds).
  const [ourRates = [], theirRates = []] = Object.values(rates);
  const ratios = ourRates.map((rate, i) => rate / theirRates[i]!);
  console.log(
    `\n${workload}: ours / official, paired by round: median ${median(ratios).toFixed(2)}× (min ${Math.min(...ratios).toFixed(2)}×, max ${Math.max(...ratios).toFixed(2)}×)`,
  );
  console.table(table);
}
