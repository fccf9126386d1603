// The page's only script, bundled by the build (esbuild) and inlined in the page's <head>:
// enhancement of plain HTML that already reads and navigates without it. It runs before the body
// arrives, so every control answers through listeners on `document` from the first paint on, while
// the rest of the page (about 1 MB) still streams in; what needs the whole page (the current item,
// following the scroll) waits for DOMContentLoaded. It switches tabs (all samples panels together),
// copies code, searches the sidebar's entries, follows the light/dark choice, marks the current
// sidebar item and opens its tag, and opens and closes the phone's menu (a modal dialog there),
// laid out ahead, hidden, once the first screen has painted.
// It announces search results and copies through the page's status line. It also turns the
// operations' sections, which the page holds as text in `<noscript class="pa-later">` so that the
// first parse is small, into HTML: the one a link or the address points at at once, the rest
// when the browser is idle (all at once for Ctrl+F or printing). No imports, no network.

const root = document.documentElement;
// Looked up when used: when this runs, the body has not arrived yet.
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const nav = () => byId("pa-nav");
const main = () => byId("pa-main");
const menuButton = () => document.querySelector<HTMLButtonElement>(".pa-menu-button");
const phone = matchMedia("(max-width: 900px)");
const THEME_KEY = "pa-theme";

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function setupTheme(): void {
  const saved = storage()?.getItem(THEME_KEY);
  // Before the first paint: the saved choice never flashes the other scheme.
  if (saved === "dark" || saved === "light") root.dataset.theme = saved;
}

function switchTheme(): void {
  const dark = root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  root.dataset.theme = dark ? "light" : "dark";
  storage()?.setItem(THEME_KEY, root.dataset.theme);
}

/** Tells screen readers (the page's live status line). */
function announce(text: string): void {
  const status = document.getElementById("pa-status");
  if (status) status.textContent = text;
}

function selectTab(tabs: Element, key: string): boolean {
  const panel = tabs.querySelector(`:scope > [role=tabpanel][data-tab="${CSS.escape(key)}"]`);
  if (!panel) return false;
  for (const b of tabs.querySelectorAll(":scope > .pa-tabbar [role=tab]")) {
    const selected = b.getAttribute("data-tab") === key;
    b.setAttribute("aria-selected", String(selected));
    // Roving tabindex: only the selected tab is a Tab stop; the arrow keys move between them.
    b.setAttribute("tabindex", selected ? "0" : "-1");
  }
  for (const p of tabs.querySelectorAll<HTMLElement>(":scope > [role=tabpanel]")) p.hidden = p !== panel;
  return true;
}

/** The reader's samples choice, for the sections that arrive after it. */
const chosen = new Map<string, string>();

function onTab(button: Element): void {
  const tabs = button.closest(".pa-tabs");
  const key = button.getAttribute("data-tab");
  if (!tabs || key === null) return;
  const group = tabs.getAttribute("data-group");
  if (group) chosen.set(group, key);
  // A samples choice applies to every operation that has that sample.
  const all = group ? document.querySelectorAll(`.pa-tabs[data-group="${CSS.escape(group)}"]`) : [tabs];
  for (const t of all) selectTab(t, key);
}

const TAB_KEYS: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** The ARIA tabs pattern: arrows, Home and End move to a tab and select it. */
function onTabKey(event: KeyboardEvent, tab: HTMLElement): void {
  const move = TAB_KEYS[event.key];
  const list = [...(tab.parentElement?.querySelectorAll<HTMLElement>("[role=tab]") ?? [])];
  if (!move || list.length === 0) return;
  event.preventDefault();
  const next = list[move(list.indexOf(tab), list.length)]!;
  onTab(next);
  next.focus();
}

async function copy(button: HTMLElement): Promise<void> {
  const panel = button.closest(".pa-tabs")?.querySelector<HTMLElement>(":scope > [role=tabpanel]:not([hidden])");
  const text = panel?.textContent ?? "";
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard API (such as from file:// in some browsers): select the code for Ctrl+C.
    const range = document.createRange();
    if (panel) range.selectNodeContents(panel);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  }
  button.textContent = "Copied";
  announce("Copied");
  setTimeout(() => {
    button.textContent = "Copy";
  }, 1500);
}

const menuOpen = () => root.classList.contains("pa-menu-open");

/**
 * On a phone the sidebar opens as a modal dialog over the page: focus moves into it and stays
 * there (the page under it is inert), and closing it gives focus back to its button.
 */
function setMenu(open: boolean, returnFocus = false): void {
  if (open === menuOpen()) return;
  const nav = byId("pa-nav");
  root.classList.toggle("pa-menu-open", open);
  menuButton()?.setAttribute("aria-expanded", String(open));
  const modal = open && phone.matches;
  // The content may not have arrived yet: then it is made inert when it has (see init).
  const content = main();
  if (content) content.inert = modal;
  // Opened, the menu shows where the reader is.
  const active = nav.querySelector<HTMLElement>("[data-active=true]");
  if (open && active) scrollIntoNav(nav, active);
  if (modal) {
    nav.setAttribute("role", "dialog");
    nav.setAttribute("aria-modal", "true");
    nav.tabIndex = -1;
    nav.focus();
  } else {
    nav.removeAttribute("role");
    nav.removeAttribute("aria-modal");
    nav.removeAttribute("tabindex");
    if (returnFocus) menuButton()?.focus();
  }
}

/** Tab and Shift+Tab go round the open menu and its button, never behind it. */
function trapFocus(event: KeyboardEvent): void {
  const button = menuButton();
  if (event.key !== "Tab" || !menuOpen() || !phone.matches || !button) return;
  const inside = [...nav().querySelectorAll<HTMLElement>("a[href], button, input, summary")].filter((e) => e.checkVisibility());
  const ring = [button, ...inside];
  const at = ring.indexOf(document.activeElement as HTMLElement);
  const last = ring.length - 1;
  if (event.shiftKey ? at <= 0 : at === last || at === -1) {
    event.preventDefault();
    ring[event.shiftKey ? last : 0]!.focus();
  }
}

/** Marks the sidebar item of a route (the current one by default), opens its tag and brings it into the sidebar's view. */
function highlight(route = location.hash || "#/"): void {
  const nav = byId("pa-nav");
  const item = nav?.querySelector<HTMLAnchorElement>(`a[href="${CSS.escape(route)}"]:not(.pa-title):not(.pa-hit)`);
  if (!item || item.dataset.active === "true") return;
  for (const a of nav.querySelectorAll("[data-active]")) a.removeAttribute("data-active");
  item.dataset.active = "true";
  const tag = item.closest("details");
  if (tag) tag.open = true;
  scrollIntoNav(nav, item);
}

/**
 * Scrolls the sidebar (its own scroller, never the page) until the item is in its view. While the
 * sidebar has no box (a phone's closed menu before it is laid out ahead) nothing moves.
 */
function scrollIntoNav(nav: HTMLElement, item: HTMLElement): void {
  const view = nav.getBoundingClientRect();
  const box = item.getBoundingClientRect();
  if (box.top < view.top) nav.scrollTop -= view.top - box.top;
  else if (box.bottom > view.bottom) nav.scrollTop += Math.ceil(Math.min(box.bottom - view.bottom, box.top - view.top));
}

/** The section of a route: the element with that id, or the section around it (an introduction subheading). */
function sectionOf(route: string): Element | null | undefined {
  return document.getElementById(route.slice(1))?.closest("main > section, main > header");
}

/**
 * As the reader scrolls, the sidebar follows: the section at the top of the window is marked,
 * unless the one the current link points at is still there (a short section under a long one).
 */
let observer: IntersectionObserver | undefined;

function followScroll(): void {
  const atTop = new Set<Element>();
  observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) atTop.add(e.target);
        else atTop.delete(e.target);
      }
      const current = sectionOf(location.hash || "#/");
      if (current && atTop.has(current)) return highlight();
      const top = [...atTop].sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top)[0];
      if (top) highlight(`#${top.id}`);
    },
    { rootMargin: "0px 0px -75% 0px" },
  );
  for (const section of document.querySelectorAll("main > section[id], main > header[id]")) observer.observe(section);
}

const LATER = "noscript.pa-later";

/** Turns a held-back section into HTML in its place, with the samples the reader chose. */
function materialize(chunk: Element): void {
  const template = document.createElement("template");
  template.innerHTML = chunk.textContent ?? "";
  const added = [...template.content.children];
  chunk.replaceWith(template.content);
  for (const section of added) {
    if (section.id) observer?.observe(section);
    for (const tabs of section.querySelectorAll(".pa-tabs[data-group]")) {
      const key = chosen.get(tabs.getAttribute("data-group") ?? "");
      if (key) selectTab(tabs, key);
    }
  }
}

/** The id a `#/...` link or address names; null when there is none or it is not valid escaping. */
function idOf(hash: string | null): string | null {
  try {
    return decodeURIComponent((hash ?? "").slice(1)) || null;
  } catch {
    return null;
  }
}

/**
 * Brings in the held-back section a `#/...` link points at, and every one before it, also before
 * a part that is there already (a tag's section, between held-back operations): what is held back
 * is then always below the reader, so nothing ever arrives above them. True when it did.
 */
function reveal(hash: string | null): boolean {
  const id = idOf(hash);
  if (!id) return false;
  const there = document.getElementById(id);
  const chunk = there ?? document.querySelector(`${LATER}[data-route="${CSS.escape(id)}"]`);
  // While the page streams in, a section whose text has not all arrived waits for DOMContentLoaded.
  if (!chunk || (!there && document.readyState === "loading" && !chunk.nextSibling)) return false;
  let done = false;
  for (const held of document.querySelectorAll(LATER)) {
    const before = held.compareDocumentPosition(chunk) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (!before && held !== chunk) break;
    materialize(held);
    done = true;
  }
  return done;
}

/** Counts showCurrent's calls: only the latest keeps its section in place. */
let shown = 0;

/**
 * The section the address points at, brought in if it was held back (after the browser looked for
 * it), scrolled to and kept there for a moment while the sections around it lay out (they use
 * `content-visibility: auto` and change height when they do), until the reader scrolls.
 */
function showCurrent(): void {
  reveal(location.hash);
  const id = idOf(location.hash);
  const el = id ? document.getElementById(id) : null;
  if (!el) return;
  // Also after the browser's own scroll: a section above may have changed height since.
  el.scrollIntoView();
  const top = el.getBoundingClientRect().top;
  let y = scrollY;
  const call = ++shown;
  let frames = 0;
  const follow = () => {
    // The reader (or anything else) scrolled since: the page stays where they put it.
    if (scrollY !== y || call !== shown || !el.isConnected) return;
    if (Math.abs(el.getBoundingClientRect().top - top) > 1) {
      el.scrollIntoView();
      y = scrollY;
    }
    if (++frames < 30) requestAnimationFrame(follow);
  };
  requestAnimationFrame(follow);
}

function revealAll(): void {
  for (const chunk of document.querySelectorAll(LATER)) materialize(chunk);
  root.classList.add("pa-complete");
}

/** An idle moment of the browser, or after a second at most (a page that keeps the browser busy still fills in). */
const idle = (run: (deadline: IdleDeadline) => void): void => {
  if ("requestIdleCallback" in window) requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(() => run({ didTimeout: true, timeRemaining: () => 8 }), 16);
};

/** The held-back sections in page order, a few at a time while the browser has nothing else to do. */
function fillWhenIdle(deadline: IdleDeadline): void {
  let chunk = document.querySelector(LATER);
  // At least one each time, also when the browser was never idle.
  do {
    if (chunk) materialize(chunk);
    chunk = document.querySelector(LATER);
  } while (chunk && deadline.timeRemaining() > 4);
  if (chunk) idle(fillWhenIdle);
  else revealAll();
}

let filling = false;

/**
 * Starts filling in the held-back sections, once: when the reader first scrolls, or 2 s after the
 * page has loaded, so that the first taps do not wait behind it (a link, the address, Ctrl+F and
 * printing bring in what they need at once).
 */
function startFilling(): void {
  if (filling) return;
  filling = true;
  idle(fillWhenIdle);
}

/**
 * On a phone the closed menu is laid out ahead, hidden (CSS: `.pa-warm`), once the first screen
 * has painted and the sidebar has arrived: opening it then only shows it. Laying out its 400
 * elements on the tap took 30-80 ms at a phone's 4x slower CPU.
 */
function warmMenu(): void {
  const check = () => {
    const sidebar = nav();
    // After this frame's paint; the sidebar is whole once anything follows it.
    if (sidebar && (sidebar.nextSibling || document.readyState !== "loading")) setTimeout(() => root.classList.add("pa-warm"));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

function onNavClick(): void {
  setMenu(false);
  clearSearch();
}

interface Entry {
  link: HTMLAnchorElement;
  title: string;
  words: string;
  /** The text of a guide section (an introduction entry), matched after the names. */
  body: string;
}

let entries: Entry[] | undefined;

/**
 * The text of an introduction entry's part of the page: an `h3` up to the next heading, or a
 * whole section (without the permission matrix, which names every operation).
 */
function guideText(route: string): string {
  const at = document.getElementById(route.slice(1));
  if (!at) return "";
  if (at.tagName !== "H3")
    return [...at.children]
      .filter((c) => !c.querySelector(".pa-matrix"))
      .map((c) => c.textContent)
      .join(" ");
  const parts = [at.textContent];
  for (let e = at.nextElementSibling; e && !/^H[23]$/.test(e.tagName); e = e.nextElementSibling) parts.push(e.textContent);
  return parts.join(" ");
}

function searchEntries(): Entry[] {
  if (entries) return entries;
  const list = [...nav().querySelectorAll<HTMLAnchorElement>("a[href^='#/']:not(.pa-title):not(.pa-hit)")].map((link) => {
    const title = (link.lastChild?.textContent ?? link.textContent ?? "").trim();
    const guide = link.closest(".pa-nav-intro") ? guideText(link.getAttribute("href") ?? "") : "";
    return { link, title: title.toLowerCase(), words: `${title} ${link.dataset.words ?? ""}`.toLowerCase(), body: guide.toLowerCase() };
  });
  // Kept once the guide sections have all arrived; a search while the page streams in reads them again.
  if (document.readyState !== "loading") entries = list;
  return list;
}

/**
 * Exact names first (summary, operationId, SDK function), then names that start so, then the
 * rest of the names, then the guide sections that only mention it in their text.
 */
function rank(entry: Entry, query: string, tokens: string[]): number {
  const names = [entry.title, ...entry.words.split(" ")];
  if (names.includes(query)) return 0;
  if (names.some((n) => n.startsWith(query))) return 1;
  return tokens.every((t) => entry.words.includes(t)) ? 2 : 3;
}

function search(text: string): void {
  const list = document.getElementById("pa-hits") as HTMLOListElement;
  const query = text.trim().toLowerCase();
  list.replaceChildren();
  list.hidden = query === "";
  if (query === "") {
    announce("");
    return;
  }
  const tokens = query.split(/\s+/);
  const hits = searchEntries()
    .filter((e) => tokens.every((t) => e.words.includes(t) || e.body.includes(t)))
    .map((e, i) => ({ e, i, r: rank(e, query, tokens) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, 20);
  for (const { e } of hits) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = e.link.getAttribute("href") ?? "#/";
    a.className = "pa-hit";
    a.textContent = e.link.textContent;
    li.append(a);
    list.append(li);
  }
  if (hits.length === 0) list.append(Object.assign(document.createElement("li"), { className: "pa-no-hit", textContent: "No match" }));
  announce(hits.length === 0 ? "No match" : `${hits.length} result${hits.length === 1 ? "" : "s"}`);
}

function clearSearch(): void {
  const input = document.getElementById("pa-search") as HTMLInputElement;
  input.value = "";
  search("");
}

function onClick(event: MouseEvent): void {
  const target = event.target as Element;
  const tab = target.closest(".pa-tabbar [role=tab]");
  const copyButton = target.closest<HTMLElement>(".pa-copy");
  if (tab) onTab(tab);
  else if (copyButton) void copy(copyButton);
  else if (target.closest(".pa-menu-button")) setMenu(!menuOpen(), true);
  else if (target.closest(".pa-theme")) switchTheme();
  else if (target.closest(".pa-skip")) {
    // To the content without changing the route in the address bar.
    event.preventDefault();
    main()?.focus();
  }
  const link = target.closest<HTMLAnchorElement>("a[href^='#']");
  // Before the browser follows the link: the section it points at is then there to scroll to.
  if (link) reveal(link.getAttribute("href"));
  if (link?.closest("#pa-nav")) onNavClick();
}

function onInput(event: Event): void {
  const input = event.target as HTMLInputElement;
  if (input.id === "pa-search") search(input.value);
}

function onKeydown(event: KeyboardEvent): void {
  const target = event.target as Element;
  const tab = target.closest?.<HTMLElement>(".pa-tabbar [role=tab]");
  if (tab) {
    onTabKey(event, tab);
    return;
  }
  // Enter in the search box goes to the first hit.
  if (event.key === "Enter" && target.id === "pa-search") document.querySelector<HTMLAnchorElement>("#pa-hits a")?.click();
  // Before the browser's find bar opens: it finds text in every section.
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "f" && document.readyState !== "loading") revealAll();
  trapFocus(event);
  if (event.key !== "Escape") return;
  if (menuOpen()) setMenu(false, true);
  clearSearch();
}

function init(): void {
  setupTheme();
  // On `document`, so each control answers as soon as it has arrived.
  document.addEventListener("click", onClick);
  document.addEventListener("input", onInput);
  document.addEventListener("keydown", onKeydown);
  // Turning a phone into landscape (wider than 900 px) ends the modal menu.
  phone.addEventListener("change", () => setMenu(false));
  addEventListener("hashchange", () => {
    showCurrent();
    highlight();
  });
  addEventListener("beforeprint", revealAll);
  document.addEventListener("DOMContentLoaded", () => {
    // The menu opened before the content arrived: the content is under the dialog.
    main().inert = menuOpen() && phone.matches;
    followScroll();
    if (location.hash) showCurrent();
    highlight();
    addEventListener("scroll", startFilling, { once: true, passive: true });
  });
  addEventListener("load", () => setTimeout(startFilling, 2000));
  warmMenu();
  root.classList.add("pa-ready");
  root.dataset.ready = String(Math.round(performance.now()));
}

init();

export {};
