// The "#" link after a heading: its route as a `#/...` fragment. Its name does not repeat the
// heading's (it is inside the heading), and it is shown when focused.
import { escapeHtml } from "../access.js";

/** ` <a class="pa-anchor" …>#</a>`, with the leading space that separates it from the title. */
export function anchorLink(route: string): string {
  return ` <a class="pa-anchor" href="#${escapeHtml(route)}" aria-label="Link to this section">#</a>`;
}
