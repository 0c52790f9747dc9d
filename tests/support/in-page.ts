/**
 * Functions that run inside the browser, in Chromium (Playwright) and Firefox (puppeteer) alike:
 * both send a function's source to the page or the extension and run it there, so each one is
 * self-contained (no imports, no outer names, no named inner functions).
 */

/** In a page: the extension's highlight groups (the active-one group left out) with their range texts. */
export function highlightGroups(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, group] of CSS.highlights) {
    if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
    out[name] = [...group].map((r) => (r as Range).toString());
  }
  return out;
}

/** In a page: whether the extension has painted at least `min` ranges. */
export function paintedAtLeast(min: number): boolean {
  let count = 0;
  for (const [name, group] of CSS.highlights) if (name.startsWith('newslens-') && !name.startsWith('newslens-active')) count += group.size;
  return count >= min;
}

/**
 * In a page: the elements the extension may have added beside <head> and <body> (its card's
 * host), what the page can see of them, and whether the page can give one a shadow root.
 */
export function uiHostProbe(): { tags: string[]; roots: boolean[]; attach: boolean[]; dialogs: number; text: string } {
  const hosts = [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
  return {
    tags: hosts.map((h) => h.localName),
    roots: hosts.map((h) => h.shadowRoot !== null),
    attach: hosts.map((h) => {
      try {
        h.attachShadow({ mode: 'open' });
        return true;
      } catch {
        return false;
      }
    }),
    dialogs: document.querySelectorAll('[role="dialog"], .nl-card').length,
    text: hosts.map((h) => h.textContent ?? '').join(''),
  };
}

export type PageStatus = 'scanning' | 'ready' | 'off';

/**
 * In the extension (Chromium's service worker, or a Firefox extension page): every tab whose
 * content script answers, with its page's address and scan status. The extension has no "tabs"
 * permission, so tab addresses are hidden from it: each tab's content script is asked for its
 * page state instead (the `page:state` message the popup sends).
 */
export async function tabStates(): Promise<{ tabId: number; url: string; status: PageStatus }[]> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  const api = g.browser ?? g.chrome;
  const found: { tabId: number; url: string; status: PageStatus }[] = [];
  for (const tab of await api.tabs.query({})) {
    if (tab.id === undefined) continue;
    try {
      const r = (await api.tabs.sendMessage(tab.id, { newslens: 1, type: 'page:state', payload: {} })) as
        | { ok: boolean; value?: { url: string; status: PageStatus } }
        | undefined;
      if (r?.ok && r.value) found.push({ tabId: tab.id, url: r.value.url, status: r.value.status });
    } catch {
      // No content script in this tab (yet).
    }
  }
  return found;
}

/** In a page: the tags of the elements beside <head> and <body> (the extension's card host, if any). */
export function hostTags(): string[] {
  return [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).map((e) => e.localName);
}

/** In a page: the first highlight reading `text`, scrolled into view: its centre and its height. */
export function highlightPoint(text: string): { x: number; y: number; h: number } {
  for (const [name, group] of CSS.highlights) {
    if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
    for (const r of group) {
      if ((r as Range).toString() !== text) continue;
      (r as Range).startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      const rect = (r as Range).getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, h: rect.height };
    }
  }
  throw new Error(`no highlight "${text}"`);
}

/** In a page: the page itself dispatching pointer and mouse events at `at` (untrusted input), ten times. */
export async function syntheticHover(at: { x: number; y: number }): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const target = document.elementFromPoint(at.x + (i % 2), at.y) ?? document.body;
    const init = { clientX: at.x + (i % 2), clientY: at.y, bubbles: true, composed: true, view: window };
    target.dispatchEvent(new PointerEvent('pointerover', init));
    target.dispatchEvent(new PointerEvent('pointermove', init));
    target.dispatchEvent(new MouseEvent('mouseover', init));
    target.dispatchEvent(new MouseEvent('mousemove', init));
    await new Promise((r) => setTimeout(r, 80));
  }
}

/** In a page: the page swapping each of the groups `names` for an empty one of its own, deleting the first, and adding a paragraph that names two actors. */
export function replaceHighlightGroups(names: string[]): void {
  for (const n of names) CSS.highlights.set(n, new Highlight());
  CSS.highlights.delete(names[0]!);
  const p = document.createElement('p');
  p.textContent = 'Later, Sergei Lavrov answered Boris Johnson.';
  document.querySelector('article, main, body')!.append(p);
}

/**
 * In a page: occurrence `n` (in document order) of the highlights reading `text`, scrolled to
 * `block` first ('none': not scrolled): its first box, in viewport coordinates.
 */
export function highlightBox(at: { text: string; n: number; block: string }): { x: number; y: number; width: number; height: number } {
  const ranges: Range[] = [];
  for (const [name, group] of CSS.highlights) {
    if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
    for (const r of group) if ((r as Range).toString() === at.text) ranges.push(r as Range);
  }
  ranges.sort((a, c) => a.compareBoundaryPoints(Range.START_TO_START, c));
  const range = ranges[at.n];
  if (!range) throw new Error(`no highlight "${at.text}"`);
  if (at.block !== 'none') range.startContainer.parentElement?.scrollIntoView({ block: at.block as ScrollLogicalPosition, behavior: 'instant' as ScrollBehavior });
  const rect = range.getClientRects()[0]!;
  return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
}
