/** The search page's state and its URL: a search is a link that can be shared. */

/** Relevance; the date a result is listed by (发布日期, an issue's 出版日期), newest or oldest first; a policy's 成文日期 likewise. */
export const SORTS = ['relevance', 'newest', 'oldest', 'written-newest', 'written-oldest'] as const;
export type Sort = (typeof SORTS)[number];

/**
 * The filters the page offers, by their URL parameter; each is a Pagefind filter of the same
 * name (src/data/search-records.ts): kind 工作要讯 / 政策文件, year, topic, and for policies
 * validity (时效性), issuer (发文机关), category (文种), writtenYear (成文年份).
 */
export const FILTER_KEYS = ['kind', 'year', 'topic', 'validity', 'issuer', 'category', 'writtenYear'] as const;

/**
 * The value of the `level` filter every whole page's record carries (an article, a policy's
 * page) and no part's (a 条): a search by filters alone asks for it, so that it lists pages,
 * not each 条 of each document (src/data/search-records.ts, src/browser/search/engine.ts).
 */
export const WHOLE_PAGE = 'page';
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: Sort;
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  // Links made before the 时效性 filter used ?status=现行有效 (the labels it had are 时效性 too).
  const status = params.get('status')?.trim();
  if (status && !filters.validity) filters.validity = status;
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', filters, sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance' };
}

/** The query string for a state, leaving out what is empty or default: ?q=吕梁&year=2017. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** The keys results can be put in order by: 发布日期 (an issue's 出版日期) and 成文日期 (an article's is its issue's date). */
export const SORT_KEYS = ['date', 'written'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The key and direction of a sort, or undefined for relevance (Pagefind's own order). */
export function sortOrder(sort: Sort): { key: SortKey; descending: boolean } | undefined {
  if (sort === 'relevance') return undefined;
  return { key: sort.startsWith('written') ? 'written' : 'date', descending: sort.endsWith('newest') };
}

/** The file, under /pagefind/, that lists the pages in the order of a key (scripts/search-index/order.ts writes it). */
export const orderFile = (key: SortKey) => `order-${key}.json`;

/**
 * Results in the order of a key: `groups` lists the pages' ids from the smallest value of the
 * key to the largest, pages of one value together (the order file). Results of the same value
 * keep the order they came in (relevance); a result the order does not know goes last.
 */
export function orderResults<T extends { id: string }>(results: readonly T[], groups: readonly (readonly string[])[], descending: boolean): T[] {
  const rank = new Map<string, number>();
  groups.forEach((ids, i) => ids.forEach((id) => rank.set(id, descending ? groups.length - 1 - i : i)));
  const at = (result: T) => rank.get(result.id) ?? groups.length;
  return [...results].sort((a, b) => at(a) - at(b));
}

/** The link to a result that highlights the query on arrival: /bulletins/2017-02/04/?highlight=吕梁. */
export function resultHref(url: string, query: string): string {
  const q = query.trim();
  if (!q) return url;
  // The query goes before the anchor of a part (/policies/x/#第十条): the page still opens at it.
  const hash = url.indexOf('#');
  const [path, anchor] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${path}?${new URLSearchParams({ highlight: q })}${anchor}`;
}

/**
 * The element id an address's anchor names (#%E7%AC%AC%E5%8D%81%E6%9D%A1 → 第十条), or undefined
 * when there is none or it is not valid percent-encoding (#%E0%A4%A): a malformed address opens
 * the page as if it had no anchor, it does not throw.
 */
export function anchorOf(hash: string): string | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
