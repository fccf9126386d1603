// The token verifier (`/verify`) on every runtime, against the emulator: a token it mints is
// verified with the key fetched through the client and with a manual key, and the same token with
// one character of its signature changed is refused. Uses nothing but WebCrypto.

/** @param {any} verify the verifier build  @param {any} lib the client build  @param {string} url the emulator  @param {string} key a Full Access key */
export async function verifySmoke(verify, lib, url, key) {
  const client = lib.createClient({ authUrl: url, apiKey: key });
  const { user_id } = await lib.createUser(client, { body: { email: `vera.${Math.random().toString(36).slice(2)}@example.com` } });
  const { access_token } = await lib.createAccessToken(client, { body: { user_id, duration_in_minutes: 5 } });
  const fetched = verify.createTokenVerifier({ client });
  const valid = (await fetched.verifyAuthorizationHeader(`Bearer ${access_token}`)).user_id === user_id;
  const { verifier_key_pem } = await lib.fetchTokenVerificationMetadata(client);
  const manual = verify.createTokenVerifier({ verifierKeyPem: verifier_key_pem, authUrl: url });
  const manualValid = (await manual.verifyToken(access_token)).user_id === user_id;
  const at = access_token.lastIndexOf(".") + 10;
  const tampered = `${access_token.slice(0, at)}${access_token[at] === "A" ? "B" : "A"}${access_token.slice(at + 1)}`;
  const refused = await fetched.verifyToken(tampered).then(
    () => "accepted",
    (error) => `${error.name} ${error.reason} ${error.status}`,
  );
  return { verified: [valid, manualValid, refused] };
}
