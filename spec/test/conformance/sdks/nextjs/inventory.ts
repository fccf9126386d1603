// The functions of PropelAuth/nextjs 0.3.14 (a5ed17a) that call the API with the backend key: generated
// by extract-inventory.ts (see there how), not edited by hand.
export const version = "0.3.14 (a5ed17a)";

export const inventory: string[] = [
  "callbackGetHandler", // src/server/app-router.ts
  "logoutPostHandler", // src/server/app-router.ts
  "refreshTokenWithAccessAndRefreshToken", // src/server/shared.ts
];
