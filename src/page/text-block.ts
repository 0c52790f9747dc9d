/**
 * The shape of the page's text as the matcher reads it (blocks.ts makes it, block-kinds.ts says
 * which elements start, end or skip a block, block-ranges.ts maps offsets back to the DOM). A
 * module of its own so that the reader, its rules and its users share one definition without
 * importing each other.
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
