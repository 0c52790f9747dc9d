/**
 * Each occurrence on the page as a W3C Web Annotation TextQuoteSelector (exact text, with up to
 * 32 characters of context either side, taken from the block it stands in), for the popup's
 * JSON-LD export: enough for any annotation tool to find the passage again.
 */
import type { MatchRef } from '../dataset/compiled';
import type { PageQuote } from '../messaging/protocol';

const CONTEXT_CHARS = 32;

/** The nearest ancestor that is not laid out inline: the passage's paragraph, list item, heading or cell. */
function blockOf(node: Node): Node {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const view = node.ownerDocument?.defaultView;
  while (el && view) {
    const display = view.getComputedStyle(el).display;
    if (display && !display.startsWith('inline') && display !== 'contents') return el;
    el = el.parentElement;
  }
  return el ?? node.getRootNode();
}

function quoteOf(range: Range, context = CONTEXT_CHARS): { exact: string; prefix: string; suffix: string } {
  const doc = range.startContainer.ownerDocument!;
  const block = blockOf(range.commonAncestorContainer);
  const before = doc.createRange();
  before.selectNodeContents(block);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.selectNodeContents(block);
  after.setStart(range.endContainer, range.endOffset);
  return { exact: range.toString(), prefix: before.toString().slice(-context), suffix: after.toString().slice(0, context) };
}

export function quotesOf(matches: readonly { ref: MatchRef; range: Range }[]): PageQuote[] {
  return matches.map((m) => ({ ref: m.ref, ...quoteOf(m.range) }));
}
