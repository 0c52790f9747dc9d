/**
 * The page's text as the matcher needs it: blocks of text, each mapped back to its DOM nodes.
 *
 * A block is the running text of one block-level container (p, li, h1-h6, td, div, blockquote,
 * figcaption, …): its text nodes concatenated exactly as they are, so a name split across inline
 * markup ("Vladimir <a>Putin</a>") is one string, and a match never crosses from one paragraph
 * to the next. Block-level is decided by tag name, not `getComputedStyle`: style would force a
 * style recalculation per element, and tags are right for the text of news articles. A block
 * container nested inside another's inline flow ("Before <p>inside</p> after") ends the block:
 * the text before, inside and after are three blocks, so no match spans the boundary.
 *
 * A `<br>` becomes a virtual "\n" (a segment with no node) so the words on either side stay two
 * words ("Putin<br>said"); the matcher counts it as whitespace, like any newline. A skipped
 * element that still shows something inline (an image, a button, code) is a virtual space, a
 * block-level one (pre) ends the block, one that shows nothing (script, [hidden]) is nothing.
 * Blocks with no letter or digit are not returned.
 *
 * Skipped with their whole subtree, because their text is not prose a reader reads as the
 * article, or highlighting it would interfere with the page:
 * - not rendered or not text: script, style, noscript, template, head, title, svg, math, iframe,
 *   object, embed, canvas, video, audio, [hidden] (but `hidden="until-found"`, which find-in-page
 *   reveals, is kept), unslotted children of a shadow host, a slot's fallback when nodes are
 *   assigned to it;
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
 *
 * Open shadow roots (and closed ones, if `options.shadowRootOf` can reach them, as an extension's
 * `chrome.dom.openOrClosedShadowRoot` can) are walked as trees of their own, after the tree that
 * hosts them. Each block says which tree it belongs to (`root`): a `::highlight()` rule must be
 * in that tree's styles to paint there.
 */

/** A stretch of a block's text: `node`'s whole data, or a virtual separator (`node` null). */
export interface TextSegment {
  node: Text | null;
  /** Offsets in the block's text. */
  start: number;
  end: number;
}

export interface TextBlock {
  text: string;
  /** In text order, covering the text without gaps. */
  segments: TextSegment[];
  /** The tree the block lives in: the Document, or a ShadowRoot. */
  root: Document | ShadowRoot;
  /** The innermost block-level element around the text (or the walk's root node). */
  container: Node;
}

export interface BlockOptions {
  /** Elements to skip with their subtree, besides the built-in rules: the extension's own UI. */
  skip?: (el: Element) => boolean;
  /** The shadow root to walk for a host: `el.shadowRoot` (open roots) unless given. */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  /** Hears of each shadow root the walk enters, so that the caller can watch it for changes. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** DOM positions of a match, ready for `new StaticRange(…)` or `Range.setStart/setEnd`. */
export interface DomRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

const INLINE = 0;
const BLOCK = 1;
/** Skipped, and renders nothing: contributes nothing to the text around it. */
const SKIP = 2;
/** Skipped, renders inline (a button, code, an image): the words on either side stay apart. */
const SKIP_INLINE = 3;
/** Skipped, block-level (pre, a contenteditable div): ends the block like any block element. */
const SKIP_BLOCK = 4;
const LINE_BREAK = 5;
type Kind = typeof INLINE | typeof BLOCK | typeof SKIP | typeof SKIP_INLINE | typeof SKIP_BLOCK | typeof LINE_BREAK;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

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

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Whether the text has a letter or a digit of any script (an ASCII one is most often among the first few characters). */
function hasWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return HAS_WORD.test(text);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return true;
  }
  return false;
}
const defaultShadowRootOf = (el: Element): ShadowRoot | null => el.shadowRoot;

/**
 * The blocks under `root` (a Document, an element, a shadow root), one at a time, so the caller
 * can stop between two blocks when its time slice is up. The DOM may change between two steps:
 * the walker follows it (if the node it stands on is removed, the walk may end early: the
 * mutation watcher rescans what changed), and `rangeFor` refuses segments whose node changed.
 * Nothing for a root that is not connected, lies inside a skipped element, or whose document is
 * in design mode.
 */
export function* iterateBlocks(root: Node, options: BlockOptions = {}): Generator<TextBlock, void, undefined> {
  const reader = new BlockReader(root, options);
  for (let block = reader.next(); block; block = reader.next()) yield block;
}

/** All the blocks under `root` at once (see `iterateBlocks`). */
export function collectBlocks(root: Node, options: BlockOptions = {}): TextBlock[] {
  return Array.from(iterateBlocks(root, options));
}

/**
 * Where to rescan from when `node` changed (a mutation): its innermost block-level ancestor, or
 * the root of its tree. Blocks read from there are whole, so "Vladimir " followed by an added
 * `<a>Putin</a>` is found as one name; reading only the added node would miss it.
 */
export function blockContainer(node: Node): Node {
  let at: Node = node;
  for (let parent = at.parentNode; parent; parent = at.parentNode) {
    if (at.nodeType === ELEMENT_NODE && KINDS.get((at as Element).localName) === BLOCK) return at;
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

/**
 * The DOM positions of `[start, end)` in `block.text`, or null when the stretch is empty, lies in
 * virtual separators only, or its end nodes changed since the block was read (stale: rescan).
 * Ends that fall in a virtual separator move inwards to the nearest text.
 */
export function rangeFor(block: TextBlock, start: number, end: number): DomRange | null {
  const segments = block.segments;
  if (!(start < end)) return null;
  // First segment ending after `start`, last segment starting before `end`.
  let s = firstEndingAfter(segments, start);
  while (s < segments.length && segments[s]!.node === null) s++;
  let e = firstEndingAfter(segments, end - 1);
  if (e >= segments.length) e = segments.length - 1;
  while (e >= 0 && segments[e]!.node === null) e--;
  if (s >= segments.length || e < s) return null;
  const first = segments[s]!;
  const last = segments[e]!;
  if (!isFresh(first) || !isFresh(last)) return null;
  const startOffset = Math.max(start, first.start) - first.start;
  const endOffset = Math.min(end, last.end) - last.start;
  if (first === last && startOffset >= endOffset) return null;
  return { startNode: first.node!, startOffset, endNode: last.node!, endOffset };
}

function firstEndingAfter(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function isFresh(segment: TextSegment): boolean {
  const node = segment.node;
  return node !== null && node.isConnected && node.data.length === segment.end - segment.start;
}

function kindOf(el: Element, options: BlockOptions): Kind {
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
function insideSkipped(node: Node, options: BlockOptions): boolean {
  for (let at: Node | null = parentAcrossShadow(node); at; at = parentAcrossShadow(at)) {
    if (at.nodeType === ELEMENT_NODE && isSkipped(kindOf(at as Element, options))) return true;
  }
  return false;
}

function parentAcrossShadow(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  return node.nodeType === DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : null;
}

/**
 * The walk behind `iterateBlocks`, as an object whose `next()` returns one block at a time.
 * Not a generator on purpose: a content script runs once per page, so its code is cold, and V8
 * does not optimise a long loop inside a generator while it runs (no on-stack replacement in
 * resumable functions); a plain method called once per block is compiled after a few calls.
 */
export class BlockReader {
  private readonly doc: Document | null;
  private readonly shadowRootOf: (el: Element) => ShadowRoot | null;
  /** Trees to walk: the root, then each shadow root met, after the tree that hosts it. */
  private readonly trees: Node[] = [];
  private tree = -1;
  private treeRoot: Node | null = null;
  private scope: Document | ShadowRoot | null = null;
  private walker: TreeWalker | null = null;
  /** The next node to visit in the current tree; null when the tree is done. */
  private node: Node | null = null;
  /** Shadow hosts met in this tree: only their slotted children are rendered. */
  private hosts = new Set<Node>();
  /** Block-level elements open around the current node (innermost last). */
  private containers: Node[] = [];
  private text = '';
  private segments: TextSegment[] = [];
  private ready: TextBlock | null = null;

  constructor(
    root: Node,
    private readonly options: BlockOptions = {},
  ) {
    this.shadowRootOf = options.shadowRootOf ?? defaultShadowRootOf;
    const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
    this.doc = doc;
    if (!doc || doc.designMode === 'on' || !root.isConnected || insideSkipped(root, options)) return;
    this.trees.push(root);
  }

  /** The next block, or null when the walk is over. */
  next(): TextBlock | null {
    for (;;) {
      const block = this.nextWithin(Infinity);
      if (block !== undefined) return block;
    }
  }

  /**
   * The next block, null when the walk is over, or undefined when `maxNodes` nodes were visited
   * without completing one: a paragraph of 200,000 text nodes is one block, and reading it in one
   * go is one long task. The reader keeps its place; call again (after yielding) to go on.
   */
  nextWithin(maxNodes: number): TextBlock | null | undefined {
    for (let visited = 0; visited < maxNodes; visited++) {
      if (this.node === null && !this.nextTree()) return null;
      this.step();
      const block = this.ready;
      if (block) {
        this.ready = null;
        return block;
      }
    }
    return undefined;
  }

  /** Closes the tree just walked (its last block) and opens the next one; false when none is left. */
  private nextTree(): boolean {
    if (this.treeRoot) {
      this.take();
      this.treeRoot = null;
      if (this.ready) return true;
    }
    if (++this.tree >= this.trees.length || !this.doc) return false;
    const root = this.trees[this.tree]!;
    this.treeRoot = root;
    this.scope = root.getRootNode() as Document | ShadowRoot;
    this.walker = this.doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    this.hosts = new Set();
    this.containers = [root];
    this.node = root;
    return true;
  }

  /** Visits `this.node` and moves to the next node; a block it completes goes to `ready`. */
  private step(): void {
    const node = this.node;
    if (node === null) return; // a tree's last block, set by nextTree
    const walker = this.walker!;
    const treeRoot = this.treeRoot!;
    let enter = false;
    let kind: Kind = INLINE;
    if (this.hosts.size > 0 && node.parentNode && this.hosts.has(node.parentNode) && !(node as Element | Text).assignedSlot) {
      // Not slotted: not rendered.
    } else if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        this.segments.push({ node: node as Text, start: this.text.length, end: this.text.length + data.length });
        this.text += data;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      kind = kindOf(el, this.options);
      if (kind === LINE_BREAK) this.virtual('\n');
      else if (kind === SKIP_INLINE) this.virtual(' ');
      else if (kind === SKIP_BLOCK) this.take();
      else if (kind !== SKIP) {
        enter = !(el.localName === 'slot' && (el as HTMLSlotElement).assignedNodes().length > 0);
        const shadow = this.shadowRootOf(el);
        if (shadow) {
          this.hosts.add(el);
          this.trees.push(shadow);
          this.options.onShadowRoot?.(shadow);
        }
        if (kind === BLOCK) {
          this.take();
          this.containers.push(el);
        }
      }
    } else {
      enter = true; // the root: a Document, a ShadowRoot, a fragment
    }

    if (enter && walker.firstChild()) {
      this.node = walker.currentNode;
      return;
    }
    if (enter && kind === BLOCK) this.containers.pop();

    // Leave the node: to its next sibling, or up, closing the blocks we climb out of.
    this.node = null;
    while (walker.currentNode !== treeRoot) {
      if (walker.nextSibling()) {
        this.node = walker.currentNode;
        return;
      }
      const parent = walker.parentNode();
      if (!parent) return;
      if (parent !== treeRoot && parent.nodeType === ELEMENT_NODE && KINDS.get((parent as Element).localName) === BLOCK) {
        this.take();
        this.containers.pop();
      }
    }
  }

  /** Ends the current block: it goes to `ready` if it has a word. */
  private take(): void {
    const text = this.text;
    if (text !== '' && hasWord(text)) {
      this.ready = { text, segments: this.segments, root: this.scope!, container: this.containers[this.containers.length - 1]! };
    }
    if (text !== '') {
      this.text = '';
      this.segments = [];
    }
  }

  private virtual(separator: string): void {
    if (this.text === '') return;
    this.segments.push({ node: null, start: this.text.length, end: this.text.length + separator.length });
    this.text += separator;
  }
}
