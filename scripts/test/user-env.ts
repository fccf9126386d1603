// The environment a user's shell would give a command: without the settings of the package manager
// that ran this test (pnpm under turbo sets npm_config_* and pnpm_* that point installs elsewhere).
export function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm|pnpm)_/i.test(name)));
}
