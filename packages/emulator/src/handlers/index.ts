import { apiKeyHandlers } from "./api-keys.js";
import { insightHandlers } from "./insights.js";
import { mfaHandlers } from "./mfa.js";
import { orgHandlers } from "./orgs.js";
import { sessionHandlers } from "./sessions.js";
import { ssoHandlers } from "./sso.js";
import { tokenHandlers } from "./tokens.js";
import type { Handler } from "./types.js";
import { userHandlers } from "./users.js";

/** Every operation's handler, by the document's operationId. */
export const handlers: Readonly<Record<string, Handler>> = Object.freeze({
  ...tokenHandlers,
  ...sessionHandlers,
  ...userHandlers,
  ...orgHandlers,
  ...ssoHandlers,
  ...apiKeyHandlers,
  ...mfaHandlers,
  ...insightHandlers,
});
