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

/** Pagefind's sort option for a state. */
export function pagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> {
  if (sort === 'relevance') return {};
  return { [sort.startsWith('written') ? 'written' : 'date']: sort.endsWith('newest') ? 'desc' : 'asc' };
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
