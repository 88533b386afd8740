/**
 * Where a query shows in a text, and the excerpt that shows it: pure functions shared by the
 * search page (result excerpts) and the target page's highlighting.
 */

import { readingView } from './units.ts';

export type Range = [start: number, end: number];

/** A character of a number or a Latin word: an excerpt does not end between two of them. */
const WORD_CHAR = /[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;

/**
 * The non-overlapping ranges of `text` where any of `needles` occurs, in order, read as the
 * search reads them (units.ts readingView): Latin letters without case, full-width digits and
 * letters as their ASCII forms, typesetting spaces ignored, so that 1331工程 is found in
 * “1331 工程” and the range covers the text as written. Overlapping or touching matches merge
 * into one range, so a phrase shows as one span even when it was found as pieces.
 */
export function findRanges(text: string, needles: readonly string[]): Range[] {
  const { view, from, to } = readingView(text);
  // Found and merged in the view (a space the search ignores parts no two pieces), then mapped back to the text.
  const found: Range[] = [];
  for (const needle of needles) {
    const sought = readingView(needle).view;
    if (!sought) continue;
    for (let at = view.indexOf(sought); at !== -1; at = view.indexOf(sought, at + 1)) found.push([at, at + sought.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged.map(([start, end]): Range => [from[start]!, to[end - 1]!]);
}

export interface Excerpt {
  /** The excerpt's text, with … where it was cut. */
  text: string;
  /** The ranges to mark, relative to `text`. */
  marks: Range[];
}

/**
 * About `length` characters of `text` around its first match, within that match's paragraph,
 * with the matches inside it; the start of the text when nothing matches.
 */
export function makeExcerpt(text: string, ranges: readonly Range[], length = 90): Excerpt {
  const first = ranges[0];
  const paragraphStart = first ? text.lastIndexOf('\n', first[0] - 1) + 1 : 0;
  const newline = text.indexOf('\n', first ? first[1] : 0);
  const paragraphEnd = newline === -1 ? text.length : newline;
  const anchor = first ? first[0] : 0;
  let start = Math.max(paragraphStart, anchor - Math.floor(length / 3));
  let end = Math.min(paragraphEnd, start + length);
  start = Math.max(paragraphStart, Math.min(start, end - length));
  // End on a whole term: at a punctuation mark near the end when there is one after the last
  // match shown; never inside a match (…召开“13…), nor inside a number or a Latin word.
  if (end < paragraphEnd) {
    const lastMark = Math.max(start, ...ranges.filter(([s]) => s < end).map(([, e]) => e));
    const window = text.slice(Math.max(lastMark, end - 12), end);
    const stop = Math.max(...[...'，。；、：！？）”'].map((mark) => window.lastIndexOf(mark)));
    if (stop >= 0) end = Math.max(lastMark, end - 12) + stop + 1;
  }
  const straddling = ranges.find(([s, e]) => s < end && e > end);
  if (straddling) end = Math.min(paragraphEnd, straddling[1]);
  while (end < paragraphEnd && end > start && WORD_CHAR.test(text[end - 1]!) && WORD_CHAR.test(text[end]!)) end += 1;
  const prefix = start > paragraphStart || (start > 0 && !first) ? '…' : '';
  const suffix = end < paragraphEnd ? '…' : '';
  const body = text.slice(start, end);
  const marks = ranges
    .filter(([s, e]) => s < end && e > start)
    .map(([s, e]): Range => [Math.max(s, start) - start + prefix.length, Math.min(e, end) - start + prefix.length]);
  return { text: prefix + body + suffix, marks };
}
