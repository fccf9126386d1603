// The error statuses the Next.js SDK tells apart (src/server/shared.ts): refreshing treats 400 and
// 401 as a session that is no longer valid and reads no body; logging out only checks response.ok.
import type { ErrorHandling } from "../models/errors.js";

export const nextjsErrors: ErrorHandling[] = [
  { operationId: "refreshSession", fns: ["refreshTokenWithAccessAndRefreshToken"], status: 400, body: "ignored" },
  { operationId: "refreshSession", fns: ["refreshTokenWithAccessAndRefreshToken"], status: 401, body: "ignored" },
];
