/**
 * The date orders of the search index, kept out of Pagefind's metadata: Pagefind puts every sort
 * in the metadata file that every first query loads (a good part of it at archive scale:
 * docs/decisions/003-sorts-out-of-metadata.md), though only a search sorted by date needs one. Each key
 * gets a file of its own under pagefind/, which the search page fetches when a reader sorts by it
 * (src/browser/search/pagefind.ts loadOrder, src/lib/search/state.ts orderResults): the pages'
 * ids grouped by the key's value, from the smallest value to the largest.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { orderFile, SORT_KEYS, type SortKey } from '../../src/lib/search/state.ts';

/** For each key, the ids grouped by value in ascending order; `sorts` by URL, `ids` by URL. */
export function sortGroups(sorts: ReadonlyMap<string, Record<string, string>>, ids: ReadonlyMap<string, string>): Record<SortKey, string[][]> {
  const missing = [...sorts.keys()].filter((url) => !ids.has(url));
  if (missing.length) throw new Error(`Pagefind wrote no page for ${missing.length} record(s), such as ${missing[0]}`);
  return Object.fromEntries(
    SORT_KEYS.map((key) => {
      const byValue = new Map<string, string[]>();
      for (const [url, sort] of sorts) {
        const value = sort[key];
        if (value === undefined) throw new Error(`${url}: the search record has no “${key}” sort value`);
        byValue.set(value, [...(byValue.get(value) ?? []), ids.get(url)!]);
      }
      return [key, [...byValue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group)];
    }),
  ) as Record<SortKey, string[][]>;
}

/** Writes the order files into an index written to `pagefindDir`. */
export function writeOrders(pagefindDir: string, groups: Record<SortKey, string[][]>): void {
  for (const key of SORT_KEYS) writeFileSync(join(pagefindDir, orderFile(key)), JSON.stringify(groups[key]));
}
