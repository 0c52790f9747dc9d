/**
 * How each element takes part in the page's text, by tag name (blocks.ts reads the text by these
 * rules, watch.ts decides from them what a change touches). Tag names, not `getComputedStyle`:
 * style would force a style recalculation per element, and tags are right for the text of news
 * articles.
 *
 * Skipped with their whole subtree, because their text is not prose a reader reads as the
 * article, or highlighting it would interfere with the page:
 * - not rendered or not text: script, style, noscript, template, head, title, svg, math, iframe,
 *   object, embed, canvas, video, audio, [hidden] (but `hidden="until-found"`, which find-in-page
 *   reveals, is kept), unslotted children of a shadow host, a slot's fallback when nodes are
 *   assigned to it (those two are the reader's);
 * - form controls and buttons: textarea, input, select, option, button (a name on a button is a
 *   label, and hovering it must stay a button);
 * - code: code, pre, kbd, samp (identifiers are not names: `putin_bot`, logs, JSON);
 * - ruby annotations (rt, rp), so the base text reads on without them;
 * - editable content: [contenteditable] with any value but "false", and the whole document when
 *   `designMode` is "on": the user is writing there, and highlights would follow every keystroke;
 * - whatever `options.skip` rejects: the extension's own UI host (`newslens-ui`).
 * Not skipped: [aria-hidden="true"]. It hides text from screen readers, not from eyes (icon
 * labels, decorative duplicates, carousel clones are on screen), and a highlight is for eyes.
 * Not checked: CSS `display: none` / `visibility: hidden`. Highlights there paint nothing;
 * checking would cost a style lookup per element (a caller may check lazily per match).
 */
import type { BlockOptions } from './text-block';

export const INLINE = 0;
export const BLOCK = 1;
/** Skipped, and renders nothing: contributes nothing to the text around it. */
export const SKIP = 2;
/** Skipped, renders inline (a button, code, an image): the words on either side stay apart. */
export const SKIP_INLINE = 3;
/** Skipped, block-level (pre, a contenteditable div): ends the block like any block element. */
export const SKIP_BLOCK = 4;
export const LINE_BREAK = 5;
export type Kind = typeof INLINE | typeof BLOCK | typeof SKIP | typeof SKIP_INLINE | typeof SKIP_BLOCK | typeof LINE_BREAK;

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

const KINDS = new Map<string, Kind>();
const setKind = (kind: Kind, tags: string): void => {
  for (const tag of tags.split(' ')) KINDS.set(tag, kind);
};
setKind(
  BLOCK,
  'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset ' +
    'figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main marquee ' +
    'menu nav ol p search section summary table tbody td tfoot th thead tr ul',
);
setKind(SKIP, 'script style noscript template head title noembed noframes datalist rp rt');
setKind(
  SKIP_INLINE,
  'svg math iframe object embed applet canvas video audio img textarea input select option ' +
    'optgroup button code kbd samp',
);
setKind(SKIP_BLOCK, 'pre xmp listing plaintext frameset frame');
KINDS.set('br', LINE_BREAK);

/** Tags whose subtree is never read (with [hidden] and editable regions): the benchmark's floor walks the same text nodes. */
export const SKIPPED_TAGS: readonly string[] = [...KINDS].filter(([, kind]) => isSkipped(kind)).map(([tag]) => tag);

/** Whether `node` is an element whose tag is block-level (attributes aside: the cheap test a walk makes on the way up). */
export function isBlockElement(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && KINDS.get((node as Element).localName) === BLOCK;
}

/**
 * Where to rescan from when `node` changed (a mutation): its innermost block-level ancestor, or
 * the root of its tree. Blocks read from there are whole, so "Vladimir " followed by an added
 * `<a>Putin</a>` is found as one name; reading only the added node would miss it.
 */
export function blockContainer(node: Node): Node {
  let at: Node = node;
  for (let parent = at.parentNode; parent; parent = at.parentNode) {
    if (isBlockElement(at)) return at;
    at = parent;
  }
  return at;
}

/**
 * How a node takes part in the text flow around it, for a mutation watcher deciding whether an
 * added or removed element joins or splits the text beside it: "block" elements start blocks of
 * their own, "inline" content (text, inline elements, images) runs on with its neighbours, and
 * "none" shows nothing (comments, whitespace-only text, script, [hidden]).
 */
export function flowOf(node: Node): 'block' | 'inline' | 'none' {
  if (node.nodeType === TEXT_NODE) return /\S/.test((node as Text).data) ? 'inline' : 'none';
  if (node.nodeType !== ELEMENT_NODE) return 'none';
  const kind = kindOf(node as Element, {});
  if (kind === BLOCK || kind === SKIP_BLOCK) return 'block';
  return kind === SKIP ? 'none' : 'inline';
}

/** The element's kind: its tag's, unless [hidden], [contenteditable] or `options.skip` say it is skipped. */
export function kindOf(el: Element, options: BlockOptions): Kind {
  const kind = KINDS.get(el.localName) ?? INLINE;
  if (kind !== INLINE && kind !== BLOCK) return kind;
  // hasAttribute before getAttribute: most elements have attributes (class), few these two, and
  // a test makes no string.
  if (el.hasAttributes()) {
    if (el.hasAttribute('hidden') && el.getAttribute('hidden')!.toLowerCase() !== 'until-found') return SKIP;
    if (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable')!.toLowerCase() !== 'false') {
      return kind === BLOCK ? SKIP_BLOCK : SKIP_INLINE;
    }
  }
  if (options.skip?.(el)) return SKIP;
  return kind;
}

function isSkipped(kind: Kind): boolean {
  return kind === SKIP || kind === SKIP_INLINE || kind === SKIP_BLOCK;
}

/** Whether an ancestor of `node` (across shadow boundaries) is skipped: a rescan of a subtree inside an editor or a <pre> finds nothing. */
export function insideSkipped(node: Node, options: BlockOptions): boolean {
  for (let at: Node | null = parentAcrossShadow(node); at; at = parentAcrossShadow(at)) {
    if (at.nodeType === ELEMENT_NODE && isSkipped(kindOf(at as Element, options))) return true;
  }
  return false;
}

function parentAcrossShadow(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  return node.nodeType === DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : null;
}
