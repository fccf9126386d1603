import { hex } from "./crypto.js";
import type { Project } from "./project.js";

/** Records an email the project would send, with a link that performs its action when followed. */
export function sendLink(project: Project, to: string, kind: string, subject: string, payload: object, expiresIn: number | null): string {
  const token = hex(24);
  const now = project.now();
  project.store.links.insert({
    token,
    kind,
    payload,
    createdAt: now,
    expiresAt: expiresIn === null ? null : now + expiresIn,
    singleUse: true,
  });
  const link = `${project.settings.authUrl}/__emulator/links/${token}`;
  project.store.outbox.email(to, kind, subject, link, now);
  return link;
}
