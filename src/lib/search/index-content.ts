/**
 * The text Pagefind indexes for a page, and the way back to readable text.
 *
 * Pagefind matches whole indexed words by prefix and finds a quoted phrase only where its words
 * sit at consecutive positions. Chinese has no spaces, so stock Pagefind segments it into words
 * and a query that cuts a word (医科 in 山西医科大学) or spans two words finds pieces. Here every
 * run of units becomes its overlapping pairs — 山西 西医 医科 科大 大学 — followed by its last
 * unit alone (学), so that:
 *   - any phrase of two or more units is a run of consecutive pairs: an exact, quoted search;
 *   - any single unit starts some token (the last one has its own), so a one-character query
 *     finds every occurrence by prefix;
 *   - punctuation and paragraph breaks take a position of their own without being indexed,
 *     so no phrase matches across them.
 * After that text, past a STREAMS mark, every run of two or more units comes again as two
 * streams: its pairs at even offsets, then its pairs at odd offsets (吕梁学院 → 吕梁 学院, then
 * 梁学), each pair marked (STREAM_MARK) and each stream closed by a separator. A run of an even
 * number of units is then also its marked pairs without overlap at consecutive positions, in
 * whichever stream its first unit falls: 1331工程 is searched as three words, 13 31 工程, not
 * five, and a query loads each word's whole list (a common pair's is most of a query's bytes).
 * The marks keep the two kinds of pair apart: an unmarked 33 after an unmarked 13 means 133, a
 * marked one 1333. Runs of an odd number of units are searched by the overlapping pairs.
 * What a result shows is not decoded from the tokens (which lose the text's typesetting spaces
 * and full-width forms) but the text itself (readableText), which the index build puts in each
 * result's fragment in place of the pairs (scripts/search-index/fragments.ts).
 */
import { analyse, isSeparator, type Unit } from './units.ts';
import type { SearchRecord } from '../build-data.ts';

/** Stands for a paragraph break in the content. */
export const PARAGRAPH = '¶';
/** Stands for a space inside a separator (content tokens are split on whitespace). */
export const SPACE_MARK = '␣';
/**
 * Where the streams begin, and what closes each: punctuation, which Pagefind gives a position
 * without indexing it. Not a mark of the text's (§ would be read as the text's own).
 */
export const STREAMS = '‖';
/**
 * Marks a pair of the streams. A letter to Pagefind (it keeps letters and digits of a word, and
 * drops the rest), of a script no Chinese document is written in (Yi), so that no word of the
 * text begins with it; the marked words sort after every Chinese one.
 */
export const STREAM_MARK = 'ꀀ';

/** Whether an indexed word is a pair of the streams (no query's single unit begins one). */
export const isStreamWord = (word: string) => word.startsWith(STREAM_MARK);

/** The tokens of one run: its overlapping pairs, then its last unit; or the unit alone. */
export function runTokens(run: readonly Unit[]): string[] {
  if (run.length === 1) return [run[0]!.text];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) tokens.push(run[i]!.text + run[i + 1]!.text);
  tokens.push(run.at(-1)!.text);
  return tokens;
}

/** A run's marked pairs without overlap from unit `start` (0 or 1) on: one of its two streams. */
export function streamTokens(run: readonly Unit[], start: 0 | 1): string[] {
  const tokens: string[] = [];
  for (let i = start; i + 1 < run.length; i += 2) tokens.push(STREAM_MARK + run[i]!.text + run[i + 1]!.text);
  return tokens;
}

/**
 * The phrase a run is searched as: a run of an even number of units as its marked pairs
 * without overlap (found in one of the two streams); any other as its overlapping pairs (its
 * last unit alone would not follow them in the middle of a longer run); one unit as itself.
 */
export function runPhrase(run: readonly Unit[]): string[] {
  if (run.length === 1) return [run[0]!.text];
  return run.length % 2 === 0 ? streamTokens(run, 0) : runTokens(run).slice(0, -1);
}

/** The content to index for a page whose text is `blocks` (its paragraphs, headings, cells…), in reading order. */
export function encodeContent(blocks: readonly string[]): string {
  const tokens: string[] = [];
  const streams: string[] = [];
  for (const block of blocks) {
    const text = block.trim();
    if (!text) continue;
    if (tokens.length) tokens.push(PARAGRAPH);
    for (const piece of analyse(text)) {
      if (isSeparator(piece)) tokens.push(piece.separator.replace(/\s+/gu, SPACE_MARK));
      else {
        tokens.push(...runTokens(piece));
        if (piece.length >= 2) for (const start of [0, 1] as const) streams.push(...streamTokens(piece, start), STREAMS);
      }
    }
  }
  return (streams.length ? [...tokens, STREAMS, ...streams] : tokens).join(' ');
}

/**
 * What is indexed as a page's text: its blocks, or its title for a page that is only a title
 * (Pagefind drops a record without content; the title is indexed apart, as metadata).
 */
export const pageBlocks = (record: Pick<SearchRecord, 'title' | 'blocks'>): readonly string[] => (record.blocks.length ? record.blocks : [record.title]);

/**
 * The text a result shows for a page whose text is `blocks`: the blocks encodeContent indexes,
 * as written (their own spaces, widths and punctuation), one a line. The index build puts it in
 * the page's fragment in place of the pairs (scripts/search-index/fragments.ts); the search page
 * cuts its excerpts from it paragraph by paragraph (excerpt.ts).
 */
export function readableText(blocks: readonly string[]): string {
  return blocks
    .map((block) => block.trim())
    .filter(Boolean)
    .join('\n');
}
