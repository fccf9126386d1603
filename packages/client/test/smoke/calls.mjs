// Real calls of the built client against the emulator, the same on every runtime (Node, Bun, Deno,
// workerd): a user created and read back both ways, a retried connection failure, a typed 404, a
// refused and an encoded path parameter, paging with its truncation flag, routing through the API
// host, an abort and a deadline. Returns one object of results; the runtimes test compares them.
const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";

/** @param {any} lib the ESM or CJS build  @param {string} url the emulator  @param {string} key a Full Access key */
export async function smoke(lib, url, key) {
  const { createClient, createUser, fetchUserByEmail, fetchUserById, fetchOrg, queryUsers, NotFoundError, InvalidRequestError } = lib;
  // The first attempt of each retried call fails as a dropped connection does.
  let drops = 0;
  const flaky = (input, init) => (drops++ % 2 === 0 ? Promise.reject(new TypeError("connection reset")) : fetch(input, init));
  const client = createClient({ authUrl: url, apiKey: key, backoff: { baseMs: 1, maxMs: 2 } });
  const out = { documentVersion: lib.documentVersion };
  const email = `ada.${Math.random().toString(36).slice(2)}@example.com`;
  const { user_id } = await createUser(client, { body: { email, email_confirmed: true, first_name: "Ada" } });
  out.email = (await fetchUserByEmail(client, { query: { email } })).email === email;
  out.pathBased = (await client.GET("/api/backend/v1/user/{user_id}", { params: { path: { user_id } } })).data.user_id === user_id;
  const retrying = createClient({ authUrl: url, apiKey: key, fetch: flaky, backoff: { baseMs: 1, maxMs: 2 } });
  out.retried = (await fetchUserById(retrying, { path: { user_id } })).first_name;
  const missing = await fetchOrg.safe(client, { path: { org_id: ORG_ID } });
  out.notFound = missing.error instanceof NotFoundError ? [missing.error.kind, missing.error.status] : String(missing.error);
  out.refused = (await fetchUserById.safe(client, { path: { user_id: ".." } })).error instanceof InvalidRequestError;
  const encoded = await lib.fetchUserSignupQueryParameters.safe(client, { path: { user_id: "a/b?c" } });
  out.encodedStatus = encoded.response?.status;
  await createUser(client, { body: { email: `grace.${email}` } });
  const page = await queryUsers.all(client, { query: { page_size: 1 } }, { limit: 1 }); // of at least two users
  out.paged = [page.length, page.truncated];
  const viaApi = createClient({ authUrl: "https://auth.example.com", apiKey: key, routing: "propelauth-api", propelauthApiUrl: url });
  out.routed = (await fetchUserById(viaApi, { path: { user_id } })).user_id === user_id;
  out.aborted = (await fetchUserById.safe(client, { path: { user_id } }, { signal: AbortSignal.abort() })).error?.kind;
  const never = () => new Promise(() => {});
  const hung = createClient({ authUrl: url, apiKey: key, fetch: never, deadline: 50 });
  out.deadline = (await fetchUserById.safe(hung, { path: { user_id } })).error?.kind;
  return out;
}
