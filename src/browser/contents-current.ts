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
