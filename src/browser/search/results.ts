/**
 * The search page's decisions about its results, apart from the DOM (page.ts does what they
 * say): where each result of a slice goes — under a document already shown (a 条 of it), or as a
 * new result, with the line that divides exact from partial matches before the first partial one
 * — and what the status line says.
 */
import { pageUrl } from '../../lib/search/group.ts';

/** Where one result of a slice goes. */
export type Placement =
  /** Under the result of its page, already shown: a 条 of a document. */
  | { kind: 'part'; page: string }
  /** A result of its own; `divider`: the line that says partial matches follow goes before it. */
  | { kind: 'result'; page: string; divider: boolean };

/**
 * The placements of the slice of results that starts at result `start`: `slice` in rank order (its
 * URL and whether it matches exactly), `shown` the pages already on the page, `exactCount` how
 * many of all the results match exactly (they come first).
 */
export function placeResults(slice: ReadonlyArray<{ url: string; exact: boolean }>, shown: ReadonlySet<string>, start: number, exactCount: number): Placement[] {
  const pages = new Set(shown);
  return slice.map(({ url, exact }, i) => {
    // One result per page (src/lib/search/group.ts groups the same way for the evaluation).
    const page = pageUrl(url);
    if (pages.has(page)) return { kind: 'part', page };
    pages.add(page);
    return { kind: 'result', page, divider: !exact && start + i === exactCount && exactCount > 0 };
  });
}

/**
 * What the status says of a search: its results, counted by page (a document whose 条 match is
 * one result) once every result is shown (`pages`), by match until then; how many hold the query
 * `typed` as written, and how many only pieces of it.
 */
export function resultsSummary(total: number, exactCount: number, typed: string, pages?: number): string {
  const partial = total - exactCount;
  const byPage = pages === undefined || pages === total;
  const counted = byPage ? `找到 ${total} 条结果` : `找到 ${pages} 条结果，共 ${total} 处匹配`;
  const unit = byPage ? '条' : '处';
  return typed && partial > 0 ? `${counted}：${exactCount} ${unit}包含“${typed}”，${partial} ${unit}只包含其部分字词。` : `${counted}。`;
}

/** What the status says when a search finds nothing: with a query, or with filters alone. */
export const nothingFound = (query: string) => (query ? `没有找到包含“${query}”的内容。请检查字词，或减少、放宽条件。` : '没有找到符合条件的内容。');
