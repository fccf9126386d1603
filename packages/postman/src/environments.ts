// The environment files shipped with the collection: the values a user fills in once per
// environment, each described. Never a key: `apiKey` is empty in every file (the emulator serves
// the local one filled in with its own URL and Full Access key, at /postman/environment.json).
import { API_KEY_VARIABLE, BASE_URL_VARIABLE, stableId } from "./collection.js";
import type { Environment, EnvironmentValue } from "./postman-types.js";
import { LIVE_VARIABLES } from "./workflow.js";

/** Where the emulator (and any local server) listens by default. */
export const LOCAL_AUTH_URL = "http://127.0.0.1:4010";

interface EnvironmentSpec {
  /** File name without `.postman_environment.json`. */
  file: string;
  name: string;
  authUrl: string;
  authUrlDescription: string;
  apiKeyDescription: string;
}

const KEY_HELP =
  "A backend API key of this environment (Backend Integration page of the PropelAuth dashboard): Full Access for the whole run, Read and Validate for *Read-only checks*. Secret: set it as the current value only, or pass it to newman with --env-var.";

const SPECS: EnvironmentSpec[] = [
  {
    file: "propelauth-test",
    name: "PropelAuth test",
    authUrl: "https://YOUR_PROJECT.propelauthtest.com",
    authUrlDescription: "The test environment's Auth URL, with https:// and without a trailing slash.",
    apiKeyDescription: KEY_HELP,
  },
  {
    file: "propelauth-staging",
    name: "PropelAuth staging",
    authUrl: "https://auth.staging.YOUR_DOMAIN.com",
    authUrlDescription: "The staging environment's Auth URL, with https:// and without a trailing slash.",
    apiKeyDescription: KEY_HELP,
  },
  {
    file: "propelauth-prod",
    name: "PropelAuth prod",
    authUrl: "https://auth.YOUR_DOMAIN.com",
    authUrlDescription:
      "The production Auth URL. Against production run only *Read-only checks*, with a Read and Validate key: the other folders write.",
    apiKeyDescription: KEY_HELP,
  },
  {
    file: "propelauth-local",
    name: "PropelAuth local (emulator)",
    authUrl: LOCAL_AUTH_URL,
    authUrlDescription: "The emulator's URL (`pnpm start` prints it; 4010 by default).",
    apiKeyDescription:
      "The emulator's Full Access key, printed when it starts. The emulator serves this environment filled in with its URL and key at /postman/environment.json.",
  },
];

export const ENVIRONMENT_SUFFIX = ".postman_environment.json";

const value = (key: string, v: string, description: string, type: EnvironmentValue["type"] = "default"): EnvironmentValue => ({
  key,
  value: v,
  type,
  enabled: true,
  description,
});

/** Every environment file, by file name. */
export function generateEnvironments(): { fileName: string; environment: Environment }[] {
  return SPECS.map((spec) => ({
    fileName: `${spec.file}${ENVIRONMENT_SUFFIX}`,
    environment: {
      id: stableId(`environment/${spec.file}`),
      name: spec.name,
      values: [
        value(BASE_URL_VARIABLE, spec.authUrl, spec.authUrlDescription),
        value(API_KEY_VARIABLE, "", spec.apiKeyDescription, "secret"),
        ...Object.entries(LIVE_VARIABLES).map(([key, description]) =>
          value(
            key,
            "",
            `Needs a live person: ${description} Leave empty to skip the requests that use it.`,
            /secret|code|token/i.test(key) ? "secret" : "default",
          ),
        ),
      ],
      _postman_variable_scope: "environment",
    },
  }));
}
