// The environment files shipped with the collection: placeholders only, never a real key.
import { API_KEY_VARIABLE, BASE_URL_VARIABLE, stableId } from "./collection.js";
import type { Environment } from "./postman-types.js";

/** Where the emulator (and any local server) listens by default. */
export const LOCAL_AUTH_URL = "http://127.0.0.1:4010";

/** A placeholder for local servers, which accept any non-empty bearer key. Not a credential. */
export const LOCAL_API_KEY_PLACEHOLDER = "local-placeholder-key";

interface EnvironmentSpec {
  /** File name without `.postman_environment.json`. */
  file: string;
  name: string;
  authUrl: string;
  apiKey: string;
}

const SPECS: EnvironmentSpec[] = [
  { file: "propelauth-test", name: "PropelAuth test", authUrl: "https://YOUR_PROJECT.propelauthtest.com", apiKey: "" },
  { file: "propelauth-staging", name: "PropelAuth staging", authUrl: "https://auth.staging.YOUR_DOMAIN.com", apiKey: "" },
  { file: "propelauth-prod", name: "PropelAuth prod", authUrl: "https://auth.YOUR_DOMAIN.com", apiKey: "" },
  { file: "propelauth-local", name: "PropelAuth local (emulator)", authUrl: LOCAL_AUTH_URL, apiKey: LOCAL_API_KEY_PLACEHOLDER },
];

export const ENVIRONMENT_SUFFIX = ".postman_environment.json";

/** Every environment file, by file name. */
export function generateEnvironments(): { fileName: string; environment: Environment }[] {
  return SPECS.map((spec) => ({
    fileName: `${spec.file}${ENVIRONMENT_SUFFIX}`,
    environment: {
      id: stableId(`environment/${spec.file}`),
      name: spec.name,
      values: [
        { key: BASE_URL_VARIABLE, value: spec.authUrl, type: "default", enabled: true },
        { key: API_KEY_VARIABLE, value: spec.apiKey, type: "secret", enabled: true },
      ],
      _postman_variable_scope: "environment",
    },
  }));
}
