// The smoke calls inside Cloudflare's workerd, without nodejs_compat, against the emulator named by
// the EMULATOR_URL and API_KEY bindings. Bundled with the package and the client by the runtime test.
import * as lib from "../../dist/index.js";
import { smoke } from "./calls.js";

export default {
  async fetch(_request: Request, env: { EMULATOR_URL: string; API_KEY: string }): Promise<Response> {
    return Response.json({ runtime: `workerd ${navigator.userAgent}`, ...(await smoke(lib, env.EMULATOR_URL, env.API_KEY)) });
  },
};
