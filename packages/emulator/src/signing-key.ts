// The token-signing key pair (RS256), kept in the data file's `meta` table. A new store generates
// it off the main thread once the server listens (generating RSA keys takes 0.1–1 s of CPU, which
// on a busy machine slowed the start-up it ran beside), or at once if a request needs it first.
import { generateRsaKeyPair, generateRsaKeyPairInBackground, hex, signJwt } from "./crypto.js";
import type { Meta } from "./store/meta.js";

export type RsaPair = { publicKeyPem: string; privateKeyPem: string; kid: string };

export class SigningKey {
  private pair: RsaPair | undefined;

  /** `write` runs the storing of a key generated in the background as a write of its own. */
  constructor(
    private readonly meta: Meta,
    private readonly write: (store: () => void) => void,
  ) {
    const stored = meta.get("rsa");
    if (stored) this.pair = JSON.parse(stored) as RsaPair;
  }

  /** Generates the pair in the background unless the store holds one. */
  prepare() {
    if (this.pair) return;
    generateRsaKeyPairInBackground((pair) => {
      try {
        if (!this.pair) this.write(() => (this.pair = this.store(pair)));
      } catch {
        // The store was closed meanwhile: the next start generates one.
      }
    });
  }

  /** The current pair (read again from the data file after a reset forgot it). */
  get current(): RsaPair {
    if (!this.pair) {
      const stored = this.meta.get("rsa");
      this.pair = stored ? (JSON.parse(stored) as RsaPair) : this.store(generateRsaKeyPair());
    }
    return this.pair;
  }

  /** A JWT of the claims, signed with the current pair (its `kid` in the header). */
  sign(claims: Record<string, unknown>): string {
    const { privateKeyPem, kid } = this.current;
    return signJwt(claims, privateKeyPem, kid);
  }

  /**
   * Replaces the pair, as a key rotation in PropelAuth would: the metadata then answers the new
   * public key, and tokens signed with the old one no longer verify.
   */
  rotate() {
    this.pair = this.store(generateRsaKeyPair());
    return { kid: this.pair.kid, verifier_key_pem: this.pair.publicKeyPem };
  }

  private store(pair: { publicKeyPem: string; privateKeyPem: string }): RsaPair {
    const rsa = { ...pair, kid: hex(8) };
    this.meta.set("rsa", JSON.stringify(rsa));
    return rsa;
  }
}
