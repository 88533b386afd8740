/**
 * Results as a reader wants them: one per page. A policy is indexed as its page and as each of
 * its 条 (or headings) at their anchors (src/data/search-records.ts), so a query can match a
 * document several times; those matches become one result for the document, with its matching
 * parts under it, in the order they ranked. The exact-before-partial rule holds for the groups:
 * a page that holds the query as written anywhere comes before every page that holds only its
 * pieces, and inside a page its exact parts come first.
 */
import type { Ranked } from './rank.ts';

/** The page a record's URL belongs to: /policies/x/#第十条 → /policies/x/. */
export const pageUrl = (url: string) => url.replace(/#.*$/, '');

export interface ResultGroup<T> {
  /** The page's URL. */
  page: string;
  exact: boolean;
  /** The page's own record, when it matched. */
  own: Ranked<T> | undefined;
  /** The matching parts, exact ones first, each in its ranked order. */
  parts: Array<Ranked<T>>;
}

/** Groups ranked records by page; `urlOf` says which record has which URL. */
export function groupResults<T>(ranked: ReadonlyArray<Ranked<T>>, urlOf: (item: T) => string): Array<ResultGroup<T>> {
  const groups = new Map<string, ResultGroup<T>>();
  for (const result of ranked) {
    const url = urlOf(result.item);
    const page = pageUrl(url);
    let group = groups.get(page);
    if (!group) {
      group = { page, exact: false, own: undefined, parts: [] };
      groups.set(page, group);
    }
    group.exact ||= result.exact;
    if (url === page) group.own = result;
    else group.parts.push(result);
  }
  const all = [...groups.values()];
  for (const group of all) group.parts.sort((a, b) => Number(b.exact) - Number(a.exact));
  // Stable: groups keep the order of their first record within each class.
  return [...all.filter((g) => g.exact), ...all.filter((g) => !g.exact)];
}
