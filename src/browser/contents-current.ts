/**
 * Where the reader is in a document, for its 目录 (contents-position.ts), apart from the DOM.
 */

/** The reading line, as a share of the screen's height from its top: a unit whose start has passed it is being read. */
export const READING_LINE = 0.34;

/**
 * The reading line in pixels from the top of the screen: READING_LINE down it, or the foot of the
 * screen once the page is scrolled to its end, where the last units can rise no further and are
 * read where they stand.
 */
export function readingLine(screenHeight: number, atEnd: boolean): number {
  return atEnd ? screenHeight : screenHeight * READING_LINE;
}

/**
 * Which entry of a document's 目录 is where the reader is: the last, in reading order, whose
 * unit starts at or above the reading line (`tops` are the units' starts from the top of the
 * screen, undefined for a unit not on the page); -1 above the first. Units nest (a 章 holds its
 * 条), so the last one started is the innermost the reader is in.
 */
export function currentIndex(tops: ReadonlyArray<number | undefined>, line: number): number {
  let found = -1;
  tops.forEach((top, i) => {
    if (top !== undefined && top <= line) found = i;
  });
  return found;
}
