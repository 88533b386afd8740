/**
 * Marks the query on a page reached from a search result (?highlight=…) and scrolls to the
 * first mark. Matching reads the page's text the way the index does, so a query 1331工程 also
 * marks text typeset as “1331 工程”. Loaded by highlight.ts only when there is a query.
 */
import { highlightStrings, parseQuery, partialStrings } from '../lib/search/query.ts';
import { anchorOf } from '../lib/search/state.ts';
import { findRanges } from '../lib/search/excerpt.ts';

export function highlightQuery(query: string): void {
  const terms = parseQuery(query);
  const blocks: HTMLElement[] = [];
  for (const root of document.querySelectorAll<HTMLElement>('[data-pagefind-body]')) {
    for (const block of root.querySelectorAll<HTMLElement>('h1, p, li, td, th, dd, blockquote')) {
      if (block.closest('[data-pagefind-ignore]') || block.querySelector('p, li')) continue;
      blocks.push(block);
    }
  }
  // The query as written; where the page holds only its pieces (a partial match), the pieces.
  let marks = blocks.flatMap((block) => markBlock(block, highlightStrings(terms)));
  if (!marks.length) marks = blocks.flatMap((block) => markBlock(block, partialStrings(terms)));
  // A result that leads to a part (/policies/x/?highlight=…#第十条) opens at its first mark there.
  // An address whose anchor is not valid percent-encoding (…#%E0%A4%A) opens at the top, quietly.
  const anchor = anchorOf(location.hash);
  const target = anchor ? document.getElementById(anchor) : null;
  const first = (target && marks.find((mark) => target.contains(mark))) ?? (target ? undefined : marks[0]);
  if (first) first.scrollIntoView({ block: 'center' });
  else target?.scrollIntoView({ block: 'start' });
}

/** Wraps each occurrence of the needles in `block` in <mark>, across element boundaries if need be. */
function markBlock(block: HTMLElement, needles: string[]): HTMLElement[] {
  // The block's text, and for each of its characters the text node and offset it came from;
  // findRanges reads it as the index does (a space between Chinese and a number, 1331 工程, ignored).
  const nodes: Array<[Text, number]> = [];
  let text = '';
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    text += node.data;
    for (let i = 0; i < node.data.length; i++) nodes.push([node, i]);
  }
  const created: HTMLElement[] = [];
  // From the last match backwards, so that earlier offsets stay valid while the DOM changes.
  for (const [start, end] of findRanges(text, needles).reverse()) {
    const pieces = new Map<Text, [number, number]>();
    for (let i = start; i < end; i++) {
      const [node, offset] = nodes[i]!;
      const piece = pieces.get(node);
      pieces.set(node, piece ? [piece[0], offset + 1] : [offset, offset + 1]);
    }
    for (const [node, [from, to]] of [...pieces].reverse()) {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      range.surroundContents(mark);
      created.unshift(mark);
    }
  }
  return created;
}
