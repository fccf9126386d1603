// When two usernames are the same one. PropelAuth's docs say only that a username is unique
// ("Enables your users to create a unique username", docs.propelauth.com/features/user-properties)
// and that users type it in its sign-in flow; its SDKs send it as given (no normalisation on the
// client). A username that looks the same to the person typing it is the same username: compared
// as RFC 8265 (PRECIS UsernameCaseMapped) does, by compatibility normalisation (NFKC: the Kelvin
// sign is K, a decomposed ë is ë) and case folding (ZOË is Zoë), and, as typed text, without
// invisible characters (zero-width space, soft hyphen) or surrounding spaces. The username is
// stored and answered as it was sent; only the comparison uses this key.

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** The key two usernames share when they are the same username. */
export function usernameKey(username: string): string {
  return username.normalize("NFKC").replace(INVISIBLE, "").trim().toLowerCase().normalize("NFKC");
}
