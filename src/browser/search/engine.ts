/**
 * Runs a query against the site's index (see src/lib/search/index-content.ts for how pages are
 * indexed). One loose search over all of the query's pieces — its character pairs, its single
 * characters and words — gives the candidates in Pagefind's order (relevance with title boost,
 * or date). A loose search quietly drops pieces found nowhere and falls back to shorter
 * prefixes, so one search per piece (a pair exactly, a single unit as a prefix) tells which
 * candidates hold every piece, and one exact search per phrase which hold it as written: those
 * come first, the others follow as partial matches. A single unit is searched by the words it
 * begins; before it is, every chunk those words are in is loaded (src/lib/search/chunk-starts.ts),
 * since Pagefind would look only in the one chunk the unit falls in. A date order is applied here, from the order
 * file of its key (src/lib/search/state.ts orderResults), not by Pagefind: its sorts would sit in
 * the metadata every first query loads.
 *
 * A query that is a 发文字号, however it is typed (晋教科[2019]7号, 晋教科2019年7号, 晋教科 2019 7),
 * is searched in its canonical spelling, and the document that bears it (its `docNumber`
 * filter) comes first, before the documents that cite it.
 */
import { parseQuery, queryPhrases, queryTokens, type QueryTerm } from '../../lib/search/query.ts';
import { rankResults, type Ranked } from '../../lib/search/rank.ts';
import { orderResults, sortOrder, type SearchState } from '../../lib/search/state.ts';
import { normalizeDocNumber } from '../../lib/policy/doc-number.ts';
import { loadChunkStarts, loadOrder, loadPagefind, type PagefindResult } from './pagefind.ts';
import { extensionChunkWords } from '../../lib/search/chunk-starts.ts';
import { WHOLE_PAGE } from '../../lib/search/state.ts';

export interface SearchOutcome {
  /** The query as searched: a 发文字号 in its canonical spelling, else as typed. Results highlight this. */
  query: string;
  terms: QueryTerm[];
  results: Array<Ranked<PagefindResult>>;
  exactCount: number;
}

export async function runSearch(state: SearchState): Promise<SearchOutcome> {
  const docNumber = normalizeDocNumber(state.q);
  const terms = parseQuery(docNumber ?? state.q);
  const tokens = queryTokens(terms);
  const hasFilters = Object.keys(state.filters).length > 0;
  // By filters alone, the pages themselves: not every 条 of every document as a result of its own
  // (a part's record has no `level`: src/data/search-records.ts WHOLE_PAGE).
  const filters: Record<string, string> = tokens.length ? { ...state.filters } : { ...state.filters, level: WHOLE_PAGE };
  const query = docNumber ?? state.q.trim();
  if (!tokens.length && !hasFilters) return { query, terms, results: [], exactCount: 0 };
  const pagefind = await loadPagefind();
  // Relevance is Pagefind's order; a date order comes from a file of its own, fetched only for it.
  const order = sortOrder(tokens.length ? state.sort : state.sort === 'relevance' ? 'newest' : state.sort);
  // A single unit is searched by the words it begins, which may run over many chunks: load them
  // all first, or Pagefind would look only in the one chunk the unit falls in.
  const singles = new Set(terms.flatMap((term) => term.runs.filter((run) => run.single).map((run) => run.tokens[0]!)));
  if (singles.size) {
    const starts = await loadChunkStarts();
    const words = [...singles].flatMap((single) => extensionChunkWords(starts, single));
    if (words.length) await pagefind.preload(words.join(' '));
  }
  const [found, groups] = await Promise.all([pagefind.search(tokens.length ? tokens.join(' ') : null, { filters }), order ? loadOrder(order.key) : undefined]);
  const loose = found && groups ? { results: orderResults(found.results, groups, order!.descending) } : found;
  const pagesWith = async (query: string) => new Set((await pagefind.search(query, { filters }))?.results.map((r) => r.id) ?? []);
  const pieces: Array<Set<string>> = [];
  for (const token of tokens) pieces.push(await pagesWith(singles.has(token) ? token : `"${token}"`));
  const phrases: Array<Set<string>> = [];
  for (const phrase of queryPhrases(terms).filter((p) => p.length > 1)) phrases.push(await pagesWith(`"${phrase.join(' ')}"`));
  let results = rankResults(loose?.results ?? [], { pieces, phrases });
  if (docNumber) {
    const bearing = (await pagefind.search(null, { filters: { ...filters, docNumber } }))?.results ?? [];
    const ids = new Set(bearing.map((r) => r.id));
    results = [...bearing.map((item) => ({ item, exact: true })), ...results.filter((r) => !ids.has(r.item.id))];
  }
  return { query, terms, results, exactCount: results.filter((result) => result.exact).length };
}
