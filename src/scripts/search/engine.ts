/**
 * Runs a query against the site's index (see src/lib/search/index-content.ts for how pages are
 * indexed): one loose search over all of the query's character pairs gives the candidates in
 * Pagefind's order (relevance with title boost, or date); one exact search per phrase, and one
 * search per single character or word, tell which candidates hold every part of the query as
 * written. Those come first. (A loose search ignores parts found nowhere, so it alone cannot.)
 */
import { parseQuery, queryPhrases, querySingles, queryTokens, type QueryTerm } from '../../lib/search/query.ts';
import { rankResults, type Ranked } from '../../lib/search/rank.ts';
import { pagefindSort, type SearchState } from '../../lib/search/state.ts';
import { loadPagefind, type PagefindResult } from './pagefind.ts';

export interface SearchOutcome {
  terms: QueryTerm[];
  results: Array<Ranked<PagefindResult>>;
  exactCount: number;
}

export async function runSearch(state: SearchState): Promise<SearchOutcome> {
  const terms = parseQuery(state.q);
  const tokens = queryTokens(terms);
  const filters = state.filters as Record<string, string>;
  const hasFilters = Object.keys(filters).length > 0;
  if (!tokens.length && !hasFilters) return { terms, results: [], exactCount: 0 };
  const pagefind = await loadPagefind();
  // Space-separated terms must all be found: a term found nowhere, in whole or in part, means no results
  // (a loose search would quietly drop it).
  if (terms.length > 1) {
    for (const term of terms) {
      const found = await pagefind.search(queryTokens([term]).join(' '), { filters });
      if (!found?.results.length) return { terms, results: [], exactCount: 0 };
    }
  }
  const sort = pagefindSort(tokens.length ? state.sort : state.sort === 'relevance' ? 'newest' : state.sort);
  const loose = await pagefind.search(tokens.length ? tokens.join(' ') : null, { filters, sort });
  const exactSets: Array<Set<string>> = [];
  const needed = [...queryPhrases(terms).map((phrase) => `"${phrase.join(' ')}"`), ...querySingles(terms)];
  for (const part of needed) {
    const found = await pagefind.search(part, { filters });
    exactSets.push(new Set(found?.results.map((result) => result.id) ?? []));
  }
  const results = rankResults(loose?.results ?? [], exactSets);
  return { terms, results, exactCount: results.filter((result) => result.exact).length };
}
