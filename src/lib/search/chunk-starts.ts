/**
 * Which index chunks a prefix needs. Pagefind loads, for each word of a query, the one chunk whose
 * bounds hold the word, and looks for the words a term begins (its extensions) only among the
 * chunks loaded. A single character is searched by its extensions, every pair it begins
 * (src/lib/search/index-content.ts), and in a large index those run over many chunks (教育 is a
 * chunk of its own): searched as it was, a common character found only some of the pages that
 * hold it (docs/decisions/012-single-characters.md). The index stage writes the first bound of every chunk, in
 * order (CHUNK_STARTS_FILE, scripts/search-index/merge-index.ts); the search loads, before it searches
 * a prefix, every chunk after the prefix's own whose first bound the prefix begins.
 */

/** The chunks' first bounds, in the index's order, beside Pagefind's files under /pagefind/. */
export const CHUNK_STARTS_FILE = 'chunk-starts.json';

/** Orders strings as Pagefind (Rust) does: by code point, which is UTF-8 byte order. */
export function compareWords(a: string, b: string): number {
  if (a === b) return 0;
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const difference = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (difference) return difference;
  }
}

/**
 * Words that make Pagefind load the chunks holding `prefix`'s extensions beyond the chunk it
 * loads for `prefix` itself: the first bound of every later chunk that `prefix` begins (each is
 * found in its own chunk, since a chunk's first bound sorts after the chunk before it). `starts`
 * are the chunks' first bounds in order.
 */
export function extensionChunkWords(starts: readonly string[], prefix: string): string[] {
  if (!prefix) return [];
  // The first chunk whose first bound sorts after the prefix: its own chunk is the one before.
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareWords(starts[middle]!, prefix) <= 0) low = middle + 1;
    else high = middle;
  }
  const words: string[] = [];
  for (let i = low; i < starts.length && starts[i]!.startsWith(prefix); i++) words.push(starts[i]!);
  return words;
}
