import type { SdkSource } from "../../replay/types.js";
import { GO_REPO, GO_VERSION } from "./inventory.js";

/**
 * The Go SDK method that builds a request. Requests go to https://propelauth-api.com with the path
 * "/api/backend/v1/" + the method's urlPostfix; query strings are url.Values.Encode() (keys sorted,
 * QueryEscape); bodies are encoding/json of the params struct: `omitempty` fields are left out when
 * unset, fields without it are sent as null.
 */
export function go(fn: string): SdkSource {
  return { repo: GO_REPO, file: "pkg/client.go", fn, version: GO_VERSION };
}
