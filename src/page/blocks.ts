/**
 * The page's text as the matcher needs it: blocks of text, each mapped back to its DOM nodes.
 *
 * A block is the running text of one block-level container (p, li, h1-h6, td, div, blockquote,
 * figcaption, …): its text nodes concatenated exactly as they are, so a name split across inline
 * markup ("Vladimir <a>Putin</a>") is one string, and a match never crosses from one paragraph
 * to the next. A block container nested inside another's inline flow ("Before <p>inside</p>
 * after") ends the block: the text before, inside and after are three blocks, so no match spans
 * the boundary.
 *
 * A `<br>` becomes a virtual "\n" (a segment with no node) so the words on either side stay two
 * words ("Putin<br>said"); the matcher counts it as whitespace, like any newline. A skipped
 * element that still shows something inline (an image, a button, code) is a virtual space, a
 * block-level one (pre) ends the block, one that shows nothing (script, [hidden]) is nothing.
 * Blocks with no letter or digit are not returned.
 *
 * Which elements are block-level, and which are skipped with their subtree (script, code,
 * buttons, editable regions, [hidden], …), is block-kinds.ts; its header says why each is.
 *
 * Open shadow roots (and closed ones, if `options.shadowRootOf` can reach them, as an extension's
 * `chrome.dom.openOrClosedShadowRoot` can) are walked as trees of their own, after the tree that
 * hosts them. Each block says which tree it belongs to (`root`): a `::highlight()` rule must be
 * in that tree's styles to paint there.
 */
import { BlockReader } from './block-reader';
import type { BlockOptions, TextBlock } from './text-block';

/**
 * The blocks under `root` (a Document, an element, a shadow root), one at a time, so the caller
 * can stop between two blocks when its time slice is up. The DOM may change between two steps:
 * the walker follows it (if the node it stands on is removed, the walk may end early: the
 * mutation watcher rescans what changed), and `rangeFor` refuses segments whose node changed.
 * Nothing for a root that is not connected, lies inside a skipped element, or whose document is
 * in design mode.
 * @public Bundled by tests/dom/blocks.spec.ts, where knip does not follow.
 */
export function* iterateBlocks(root: Node, options: BlockOptions = {}): Generator<TextBlock, void, undefined> {
  const reader = new BlockReader(root, options);
  for (let block = reader.next(); block; block = reader.next()) yield block;
}

/**
 * All the blocks under `root` at once (see `iterateBlocks`).
 * @public Bundled by tests/eval/corpus-text.ts and tests/dom/blocks.spec.ts, where knip does not follow.
 */
export function collectBlocks(root: Node, options: BlockOptions = {}): TextBlock[] {
  return Array.from(iterateBlocks(root, options));
}
