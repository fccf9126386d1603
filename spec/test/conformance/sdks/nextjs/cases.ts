// The Backend API requests of the Next.js SDK (PropelAuth/nextjs), as src/server builds them:
// `fetch` with a JSON body and the backend key.
import type { ReplayCase } from "../../replay/types.js";
import { version } from "./inventory.js";

const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
const REFRESH_TOKEN = "5b3f0c2e9a7d4b1c8e6f3a2d0b9c7e5f4a1d8c6b3e0f7a9d2c5b8e1f4a7d0c3b";

export const cases: ReplayCase[] = [
  {
    source: { repo: "PropelAuth/nextjs", file: "src/server/shared.ts", fn: "refreshTokenWithAccessAndRefreshToken", version },
    variant: "no active organization: empty query string",
    operationId: "refreshSession",
    method: "POST",
    path: "/api/backend/v1/refresh_token",
    body: { refresh_token: REFRESH_TOKEN },
  },
  {
    source: { repo: "PropelAuth/nextjs", file: "src/server/shared.ts", fn: "refreshTokenWithAccessAndRefreshToken", version },
    variant: "with an active organization",
    operationId: "refreshSession",
    method: "POST",
    path: "/api/backend/v1/refresh_token",
    query: `with_active_org_support=true&active_org_id=${ORG_ID}`,
    body: { refresh_token: REFRESH_TOKEN },
  },
  {
    source: { repo: "PropelAuth/nextjs", file: "src/server/app-router.ts", fn: "logoutPostHandler", version },
    operationId: "logoutSession",
    method: "POST",
    path: "/api/backend/v1/logout",
    body: { refresh_token: REFRESH_TOKEN },
  },
];

/** Functions with no Backend API request to replay. */
export const exempt: Record<string, string> = {
  callbackGetHandler:
    "src/server/app-router.ts exchanges the hosted login's authorization code at POST /propelauth/ssr/token, a step of the hosted-login redirect flow outside the Backend API (see info.x-propelauth-not-described)",
};
