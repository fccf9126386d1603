// A path (`/api/backend/v1/user/{user_id}`) that breaks at its slashes only, never inside a
// segment: a <wbr> after each `/`, the segments with a hyphen (`step-up`) kept whole, and the
// `pa-path` styles turn off the other break opportunities (page.css).
import { escapeHtml } from "../access.js";

const segment = (s: string) => (s.includes("-") ? `<span class="pa-nowrap">${escapeHtml(s)}</span>` : escapeHtml(s));

/** The path's HTML (without the `<code>` around it). */
export function pathHtml(path: string): string {
  return path.split("/").map(segment).join("/<wbr>");
}

/** `GET /users/{id}` or `/users/{id}`: what a code span must look like to be shown as a path. */
export const PATH_LIKE = /^(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) )?\/[^\s/][^\s]*$/;
