/**
 * The search page's decisions about its results, apart from the DOM (page.ts does what they
 * say): where each result of a slice goes — under a document already shown (a 条 of it), or as a
 * new result, with the line that divides exact from partial matches before the first partial one
 * — and what the status line says, documents and their 条 counted apart.
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

/** What a search has shown so far, counted as a reader counts: articles, documents, and the 条 under them. */
export interface Tally {
  /** Every record found: pages and the 条 of documents, each a match. */
  total: number;
  /** Articles shown, each one result. */
  articles: number;
  /** Policy documents shown, each one result however many of its 条 matched. */
  documents: number;
  /** 条 (or numbered headings) shown under their documents. */
  parts: number;
  /** Results (articles and documents) that hold the query as written; the others hold only pieces of it. */
  exactResults: number;
  /** Whether every record found is shown. */
  complete: boolean;
}

/**
 * What the status says of a search: documents and 条 counted apart — 找到 2 篇文章、1 份政策文件
 * （其中 3 处条款）— and, for a query, how many results hold it as written and how many only its
 * pieces; while records remain to show, what is listed so far and how many matches there are.
 */
export function resultsSummary(tally: Tally, typed: string): string {
  const listed = [tally.articles && `${tally.articles} 篇文章`, tally.documents && `${tally.documents} 份政策文件`].filter(Boolean).join('、');
  const parts = tally.parts ? `（其中 ${tally.parts} 处条款）` : '';
  if (!tally.complete) return `已列出 ${listed}${parts}；共 ${tally.total} 处匹配（文章、文件和文件中的条款各算一处），还有更多。`;
  const results = tally.articles + tally.documents;
  const partial = results - tally.exactResults;
  return typed && partial > 0 ? `找到 ${listed}${parts}：${tally.exactResults} 项包含“${typed}”，${partial} 项只包含其部分字词。` : `找到 ${listed}${parts}。`;
}

/** What the status says when a search finds nothing: with a query, or with filters alone. */
export const nothingFound = (query: string) => (query ? `没有找到包含“${query}”的内容。请检查字词，或减少、放宽条件。` : '没有找到符合条件的内容。');
