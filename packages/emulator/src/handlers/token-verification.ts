// The operations tagged "Token verification" in the document.
import { type Handler, ok } from "./types.js";

export const tokenVerificationHandlers: Record<string, Handler> = {
  fetchTokenVerificationMetadata: ({ project }) => ok({ verifier_key_pem: project.signingKey.current.publicKeyPem }),

  fetchTokenVerificationMetadataLegacy: ({ project }) => ok({ public_key_pem: project.signingKey.current.publicKeyPem }),
};
