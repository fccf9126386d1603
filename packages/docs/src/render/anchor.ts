// The "#" link after a heading: its route as a `#/...` fragment, named for screen readers.
import { escapeHtml } from "../access.js";

/** ` <a class="pa-anchor" …>#</a>`, with the leading space that separates it from the title. */
export function anchorLink(route: string, title: string): string {
  return ` <a class="pa-anchor" href="#${escapeHtml(route)}" aria-label="Link to ${escapeHtml(title)}">#</a>`;
}
