/**
 * The walk that reads a tree's text into blocks (blocks.ts says what a block is), one block at a
 * time and resumable inside a block, so that a caller in time slices can stop anywhere.
 */
import {
  BLOCK,
  ELEMENT_NODE,
  INLINE,
  LINE_BREAK,
  SKIP,
  SKIP_BLOCK,
  SKIP_INLINE,
  TEXT_NODE,
  insideSkipped,
  isBlockElement,
  kindOf,
  type Kind,
} from './block-kinds';
import type { BlockOptions, TextBlock, TextSegment } from './text-block';

const DOCUMENT_NODE = 9;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

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
 * The walk behind `iterateBlocks` (blocks.ts), as an object whose `next()` returns one block at a time.
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
      if (parent !== treeRoot && isBlockElement(parent)) {
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
