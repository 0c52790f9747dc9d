/**
 * The extension's one element on a page: a host element holding a closed shadow root where the
 * card renders. It is created on first use (a page nobody hovers gets nothing), appended to
 * <html> rather than <body> so that the page's own layout is untouched, and removed when the
 * site is switched off. The hover card asks for it (`prepare`) as soon as the pointer rests on
 * a name, during the card's open delay: parsing the card's stylesheet is then done by the time
 * the card renders, in a task of its own.
 *
 * What a page can do to it (README, "Trust"):
 * - read or rewrite the card: no. The root is closed (`host.shadowRoot` is null for the page),
 *   and the page cannot attach its own root first, since the host is made here and attached at once;
 * - intercept it with `customElements.define`: its tag is random per page load (a valid custom
 *   element name, which `attachShadow` needs), so a page cannot define it in advance; a page that
 *   defines it afterwards gets a host that is rebuilt under a new name before the next render;
 * - remove it: the host is rebuilt (at most once a frame) and the open card rendered again.
 * The browser tests' own builds (`__NEWSLENS_OPEN_CARD__`) use an open root on `<newslens-ui>`,
 * so that tests read the card with ordinary locators; readers' builds never do.
 *
 * Why not WXT's createShadowRootUi: it loads its CSS through a web-accessible resource, which
 * any page can probe to learn that the extension is installed. Here the CSS ships inside the
 * content script and goes into a <style> inside our own shadow root.
 */
import { render, type ComponentChild } from 'preact';
import sharedCss from '../ui/styles.css?inline';
import cardCss from '../ui/card.css?inline';

/** The host's tag in the tests' builds (open root); readers' builds draw a random one per load. */
const TEST_UI_TAG = 'newslens-ui';

const HOST_CSS = `:host{all:initial!important;position:absolute!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important}`;

export interface UiHostOptions {
  /** The shadow root's mode; closed unless a test build says otherwise. */
  mode?: ShadowRootMode;
  /** Makes the host's tag; by default random per host. */
  tag?: () => string;
}

export class UiHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private last: ComponentChild = null;
  private watcher: MutationObserver | null = null;
  private rebuildFrame = 0;
  /** Renders what the host showed into a rebuilt one (the hover card places it again); by default the last render. */
  onRebuild: (() => void) | null = null;
  /** Every host made here: a removed one is still ours when its removal is observed. */
  private readonly made = new WeakSet<Node>();
  private readonly mode: ShadowRootMode;
  private readonly tag: () => string;

  constructor(
    private readonly doc: Document,
    options: UiHostOptions = {},
  ) {
    this.mode = options.mode ?? (__NEWSLENS_OPEN_CARD__ ? 'open' : 'closed');
    this.tag = options.tag ?? (__NEWSLENS_OPEN_CARD__ ? () => TEST_UI_TAG : randomTag);
  }

  /** The host element, if it exists (hit-testing ignores pointer events inside it). */
  get element(): HTMLElement | null {
    return this.host;
  }

  /** Our shadow root (closed: the page's `host.shadowRoot` is null, ours is kept here). */
  get shadow(): ShadowRoot | null {
    return this.root;
  }

  /** Whether `node` is one of our hosts (the page's mutation records of it are ours). */
  owns(node: Node): boolean {
    return this.made.has(node);
  }

  /** Creates the host, with its shadow root and stylesheet, if it does not exist or is no longer ours. */
  prepare(): HTMLElement {
    if (this.mount && this.host && !this.intact(this.host)) this.drop();
    if (!this.mount) {
      const host = this.doc.createElement(this.tag());
      const shadow = host.attachShadow({ mode: this.mode });
      const style = this.doc.createElement('style');
      style.textContent = HOST_CSS + sharedCss + cardCss;
      const mount = this.doc.createElement('div');
      shadow.append(style, mount);
      this.made.add(host);
      this.doc.documentElement.append(host);
      this.host = host;
      this.root = shadow;
      this.mount = mount;
      this.watch();
    }
    return this.mount;
  }

  render(node: ComponentChild): HTMLElement {
    this.last = node;
    const mount = this.prepare();
    render(node, mount);
    return mount;
  }

  /** Unmounts Preact and removes the host: nothing of ours is left on the page. */
  destroy(): void {
    this.last = null;
    if (this.rebuildFrame) this.doc.defaultView?.cancelAnimationFrame(this.rebuildFrame);
    this.rebuildFrame = 0;
    this.drop();
  }

  /** Still in place and still a plain undefined element (a page that defined our tag has upgraded it). */
  private intact(host: HTMLElement): boolean {
    return host.parentNode === this.doc.documentElement && !host.matches(':defined');
  }

  private drop(): void {
    this.watcher?.disconnect();
    this.watcher = null;
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.mount = null;
  }

  /** Rebuilds the host when the page removes it, once a frame at most: a page that removes it in a loop costs a frame's work. */
  private watch(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    this.watcher = new win.MutationObserver(() => {
      if (!this.host || this.intact(this.host) || this.rebuildFrame) return;
      this.rebuildFrame = win.requestAnimationFrame(() => {
        this.rebuildFrame = 0;
        if (!this.host || this.intact(this.host)) return;
        const last = this.last;
        this.drop();
        if (last === null) return;
        if (this.onRebuild) this.onRebuild();
        else this.render(last);
      });
    });
    this.watcher.observe(this.doc.documentElement, { childList: true });
  }
}

/** A valid custom element name nobody can guess: two runs of random letters around a hyphen. */
function randomTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const letters = [...bytes].map((b) => String.fromCharCode(97 + (b % 26)));
  return `${letters.slice(0, 6).join('')}-${letters.slice(6).join('')}`;
}
