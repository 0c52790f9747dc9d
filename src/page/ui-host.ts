/**
 * The extension's one element on a page: a `<newslens-ui>` host holding a shadow root where the
 * card renders. It is created on first use (a page nobody hovers gets nothing), appended to
 * <html> rather than <body> so that the page's own layout is untouched, and removed when the
 * site is switched off. The hover card asks for it (`prepare`) as soon as the pointer rests on
 * a name, during the card's open delay: parsing the card's stylesheet is then done by the time
 * the card renders, in a task of its own.
 *
 * Why not WXT's createShadowRootUi: it loads its CSS through a web-accessible resource, which
 * any page can probe to learn that the extension is installed. Here the CSS ships inside the
 * content script and goes into a <style> inside our own shadow root.
 */
import { render, type ComponentChild } from 'preact';
import sharedCss from '../ui/styles.css?inline';
import cardCss from '../ui/card.css?inline';

export const UI_TAG = 'newslens-ui';

const HOST_CSS = `:host{all:initial!important;position:absolute!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important}`;

export class UiHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;

  constructor(private readonly doc: Document) {}

  /** The host element, if it exists (hit-testing ignores pointer events inside it). */
  get element(): HTMLElement | null {
    return this.host;
  }

  /** Creates the host, with its shadow root and stylesheet, if it does not exist yet. */
  prepare(): HTMLElement {
    if (!this.mount) {
      const host = this.doc.createElement(UI_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent = HOST_CSS + sharedCss + cardCss;
      const mount = this.doc.createElement('div');
      shadow.append(style, mount);
      this.doc.documentElement.append(host);
      this.host = host;
      this.mount = mount;
    }
    return this.mount;
  }

  render(node: ComponentChild): HTMLElement {
    const mount = this.prepare();
    render(node, mount);
    return mount;
  }

  /** Unmounts Preact and removes the host: nothing of ours is left on the page. */
  destroy(): void {
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = null;
    this.mount = null;
  }
}
