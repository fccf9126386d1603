// Loaded before an app with `node --import @propelauth-openapi/emulator/route app.js`: the official
// Node SDK's calls to https://propelauth-api.com go to the emulator at PROPELAUTH_EMULATOR_URL, so
// the app itself needs no routing code.
import { routePropelAuthApiTo } from "./sdk.js";

const target = process.env.PROPELAUTH_EMULATOR_URL;
if (!target)
  throw new Error("@propelauth-openapi/emulator/route: set PROPELAUTH_EMULATOR_URL to the emulator's URL (http://127.0.0.1:4010)");
routePropelAuthApiTo(target);
