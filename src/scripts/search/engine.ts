/**
 * Runs a query against the site's index (see src/lib/search/index-content.ts for how pages are
 * indexed). One loose search over all of the query's pieces — its character pairs, its single
 * characters and words — gives the candidates in Pagefind's order (relevance with title boost,
 * or date). A loose search quietly drops pieces found nowhere and falls back to shorter
 * prefixes, so one search per piece (a pair exactly, a single unit as a prefix) tells which
 * candidates hold every piece, and one exact search per phrase which hold it as written: those
 * come first, the others follow as partial matches.
 */
import { parseQuery, queryPhrases, queryTokens, type QueryTerm } from '../../lib/search/query.ts';
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
  const sort = pagefindSort(tokens.length ? state.sort : state.sort === 'relevance' ? 'newest' : state.sort);
  const loose = await pagefind.search(tokens.length ? tokens.join(' ') : null, { filters, sort });
  const pagesWith = async (query: string) => new Set((await pagefind.search(query, { filters }))?.results.map((r) => r.id) ?? []);
  const singles = new Set(terms.flatMap((term) => term.runs.filter((run) => run.single).map((run) => run.tokens[0]!)));
  const pieces: Array<Set<string>> = [];
  for (const token of tokens) pieces.push(await pagesWith(singles.has(token) ? token : `"${token}"`));
  const phrases: Array<Set<string>> = [];
  for (const phrase of queryPhrases(terms).filter((p) => p.length > 1)) phrases.push(await pagesWith(`"${phrase.join(' ')}"`));
  const results = rankResults(loose?.results ?? [], { pieces, phrases });
  return { terms, results, exactCount: results.filter((result) => result.exact).length };
}
