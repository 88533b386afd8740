/**
 * How a yearly bound volume (合订本) is paged: the front matter (cover, 目录) carries no folio;
 * the issues follow with folios running on through the volume, each issue starting on a
 * right-hand (odd) page as a bound book does, a blank page put in before it where needed.
 * Starting on an odd folio also keeps each issue's own odd-right / even-left page numbers.
 */

export interface VolumePart {
  /** The folio of the part's first page. */
  firstFolio: number;
  /** Whether a blank page goes before it. */
  blankBefore: boolean;
}

/** The folio each issue starts on, given each issue's page count, oldest first. */
export function planVolume(pageCounts: readonly number[]): { parts: VolumePart[]; lastFolio: number } {
  const parts: VolumePart[] = [];
  let next = 1;
  for (const pages of pageCounts) {
    if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`an issue has ${pages} pages`);
    const blankBefore = next % 2 === 0;
    if (blankBefore) next += 1;
    parts.push({ firstFolio: next, blankBefore });
    next += pages;
  }
  return { parts, lastFolio: next - 1 };
}

/**
 * The page of each headline within an issue's PDF, from the text of its pages: the 要目 on the
 * first page names every headline once, so each article's own headline is the next occurrence
 * after the 要目's. Whitespace is ignored (extraction breaks headlines over lines). A headline
 * that cannot be found is given the issue's first page.
 */
export function locateHeadlines(pageTexts: readonly string[], headlines: readonly string[]): number[] {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const pages = pageTexts.map(squeeze);
  const starts: number[] = [];
  let offset = 0;
  for (const page of pages) {
    starts.push(offset);
    offset += page.length;
  }
  const text = pages.join('');
  const pageAt = (index: number) => {
    let page = 0;
    while (page + 1 < starts.length && starts[page + 1]! <= index) page += 1;
    return page + 1;
  };
  let cursor = 0;
  // Past the 要目.
  for (const headline of headlines) {
    const at = text.indexOf(squeeze(headline), cursor);
    if (at >= 0) cursor = at + squeeze(headline).length;
  }
  return headlines.map((headline) => {
    const at = text.indexOf(squeeze(headline), cursor);
    if (at < 0) return 1;
    cursor = at + squeeze(headline).length;
    return pageAt(at);
  });
}
