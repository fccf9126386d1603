// The only values the example seed (seed.ts) does not take from the document's examples: what the
// seeded entities need but no example shows. Everything else (ids, emails, names, roles,
// metadata, timestamps, tokens, codes) is read from the bundled document at seeding time.

/**
 * Phone numbers of seeded SMS MFA methods: the examples only show the last four digits
 * (`mfa_phone_number_suffix`), which are appended to this prefix.
 */
export const PHONE_NUMBER_PREFIX = "+1555010";

/**
 * How long seeded step-up grants and SMS challenges stay valid after seeding, so that the
 * Verify Step-up Grant and Verify SMS Code examples work for a day rather than the few minutes
 * of `valid_for_seconds`.
 */
export const STEP_UP_LIFETIME_SECONDS = 86_400;

/** The grant type of the seeded step-up grant when no example request says which it is. */
export const DEFAULT_STEP_UP_GRANT_TYPE = "TIME_BASED";

/**
 * The stored password hash of a seeded user with `has_password: true` when the document has no
 * Migrate User Password example to take a hash from. Nobody can log in with it.
 */
export const FALLBACK_PASSWORD_HASH = "imported$seeded-from-the-openapi-examples";

/**
 * The lifetime given to a seeded expiry that is already past when the example does not say when
 * the entity was created (the lifetime is otherwise the example's expiry minus its creation).
 */
export const FALLBACK_LIFETIME_SECONDS = 7 * 86_400;
