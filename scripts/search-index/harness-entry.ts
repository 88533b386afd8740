/**
 * Browser side of the search harness (harness.ts): the site's own search engine, bundled on
 * its own so that evaluations and benchmarks rank with exactly the code the search page runs.
 */
import { runSearch } from '../../src/browser/search/engine.ts';

/** Result ids in the order the search page shows them. */
export async function rankedIds(q: string): Promise<string[]> {
  const { results } = await runSearch({ q, filters: {}, sort: 'relevance' });
  return results.map((result) => result.item.id);
}

/** What the search page does for a first query: rank, then load the first `shown` results to display them. */
export async function searchAndShow(q: string, shown: number): Promise<number> {
  const { results } = await runSearch({ q, filters: {}, sort: 'relevance' });
  await Promise.all(results.slice(0, shown).map((result) => result.item.data()));
  return results.length;
}
