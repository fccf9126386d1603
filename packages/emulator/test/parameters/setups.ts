// What makes an operation's example request act on the walk's world (test/parameters/observe.ts):
// a live session for the refresh token, the current TOTP code, an imported key … Applied before
// every parameter of the operation is set.
import type { Prepare, Request, Rich } from "./observe.js";

// biome-ignore lint/suspicious/noExplicitAny: the example bodies are plain JSON objects
const body = (r: Request) => r.body as Record<string, any>;

export async function ok(answer: Promise<{ status: number; body: unknown; text: string }>) {
  const a = await answer;
  if (a.status >= 300) throw new Error(`set-up: ${a.status} ${a.text}`);
  // biome-ignore lint/suspicious/noExplicitAny: set-up answers are read loosely
  return a.body as any;
}

/** Logs the user in (a magic link followed): answers the session's refresh token. */
export async function login(w: Rich, email: string): Promise<string> {
  const link = await ok(w.h.op("createMagicLink", {}, { body: { email } }));
  const token = String(link.url).split("/").pop();
  return (await ok(w.h.admin("GET", `/links/${token}`))).refresh_token;
}

export const totp = async (w: Rich) => (await ok(w.h.admin("GET", `/users/${w.userId}/totp`))).code as string;

export const smsCode = async (w: Rich) => {
  const { messages } = await ok(w.h.admin("GET", "/outbox"));
  return String(messages.filter((m: { kind: string }) => m.kind === "sms").pop().code);
};

const samlOf = (w: Rich) => ({
  org_id: w.orgId,
  idp_entity_id: "https://idp.example.com",
  idp_sso_url: "https://idp.example.com/sso",
  idp_certificate: "-----BEGIN CERTIFICATE-----\nQUFB\n-----END CERTIFICATE-----",
  provider: "Generic",
});

const inAMonth = (w: Rich) => w.h.emu.project.now() + 30 * 86400;

export const setups: Record<string, Prepare> = {
  refreshSession: async (r, w) => {
    body(r).refresh_token = await login(w, "ada@example.com");
  },
  logoutSession: async (r, w) => {
    body(r).refresh_token = await login(w, "ada@example.com");
  },
  verifyStepUpTotp: async (r, w) => {
    body(r).code = await totp(w);
  },
  verifyStepUpGrant: async (r, w) => {
    const grant = await ok(
      w.h.op(
        "verifyStepUpTotp",
        {},
        {
          body: { action_type: "DELETE_PROJECT", user_id: w.userId, code: await totp(w), grant_type: "TIME_BASED", valid_for_seconds: 600 },
        },
      ),
    );
    body(r).grant = grant.step_up_grant;
    w.stash.grant = grant.step_up_grant;
  },
  // The world's phone is the other user's.
  sendStepUpSmsCode: (r, w) => {
    body(r).user_id = w.otherUserId;
  },
  verifyStepUpSmsCode: async (r, w) => {
    body(r).user_id = w.otherUserId;
    body(r).code = await smsCode(w);
  },
  validateImportedApiKey: async (r, w) => {
    await ok(w.h.op("importApiKey", {}, { body: { imported_api_key: body(r).api_key_token, org_id: w.orgId } }));
  },
  revokePendingInvite: async (_r, w) => {
    for (const email of ["grace@example.com", "alan@example.com"])
      await ok(w.h.op("inviteUserToOrg", {}, { body: { email, org_id: w.orgId, role: "Member", additional_roles: [] } }));
  },
  // The world's organization has no SSO connection yet.
  takeSamlConnectionLive: async (_r, w) => {
    await ok(w.h.op("setSamlIdpMetadata", {}, { body: samlOf(w) }));
  },
  deleteSamlConnection: async (_r, w) => {
    await ok(w.h.op("setSamlIdpMetadata", {}, { body: samlOf(w) }));
  },
  // The first user is a member already.
  addUserToOrg: (r, w) => {
    body(r).user_id = w.otherUserId;
  },
  inviteUserToOrgByUserId: (r, w) => {
    body(r).user_id = w.otherUserId;
  },
  // The world's other user is named grace.
  migrateUser: (r) => {
    body(r).username = "grace_h";
  },
  createApiKey: (r, w) => {
    body(r).expires_at_seconds = inAMonth(w);
  },
  updateApiKey: (r, w) => {
    body(r).expires_at_seconds = inAMonth(w);
  },
  fetchApiKeyUsage: (r, w) => {
    r.query.date = new Date(w.h.emu.project.now() * 1000).toISOString().slice(0, 10);
  },
};
