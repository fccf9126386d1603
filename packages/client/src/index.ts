import createFetchClient, { type Client } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";
import { baseUrlOf, type PropelAuthClientOptions } from "./options.js";

export { InvalidClientOptionError, type PropelAuthClientOptions } from "./options.js";
export type { components, operations, paths };

/** The schemas of the API by name, such as `Schemas["UserMetadata"]`. */
export type Schemas = components["schemas"];

/** A path-based client: `client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id } } })`. */
export type PropelAuthClient = Client<paths>;

/**
 * Creates a typed client for one environment. Every request goes to the Auth URL with
 * `Authorization: Bearer <apiKey>`.
 */
export function createClient(options: PropelAuthClientOptions): PropelAuthClient {
  const baseUrl = baseUrlOf(options);
  const client = createFetchClient<paths>({
    baseUrl,
    headers: { ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // The key lives only in this closure: it is never a property of the client or an option object
  // that could be logged.
  const apiKey = options.apiKey;
  client.use({
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${apiKey}`);
      return request;
    },
  });
  return client;
}
