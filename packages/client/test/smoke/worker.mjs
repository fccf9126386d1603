// The smoke calls (calls.mjs) inside Cloudflare's workerd: a request to the worker runs them with
// the ESM build (and the verifier's, without nodejs_compat) against the emulator named by the EMULATOR_URL and API_KEY bindings.
import { smoke } from "./calls.mjs";
import * as lib from "./index.js";
import * as verify from "./verify.js";
import { verifySmoke } from "./verify-calls.mjs";

export default {
  async fetch(_request, env) {
    const out = {
      ...(await smoke(lib, env.EMULATOR_URL, env.API_KEY)),
      ...(await verifySmoke(verify, lib, env.EMULATOR_URL, env.API_KEY)),
    };
    return Response.json({ runtime: `workerd ${navigator.userAgent}`, format: "esm", ...out });
  },
};
