/**
 * The policy list's filters, as gov.cn's 政策文件库 offers them: by 时效性 and by 类别 (文种),
 * combined — choosing a 类别 keeps the 时效性 chosen, and the other way round — each value with
 * the number of documents it leads to under the other filter, and no link to a combination
 * that would show nothing. Every filter is a static page (no script): /policies/,
 * /policies/status/<slug>/, /policies/category/<类别>/, /policies/status/<slug>/<类别>/.
 */
import { VALIDITIES, VALIDITY_SLUGS, type Validity } from './validity.ts';
import { pathSegment } from '../urls.ts';

/** What the filters need of a document. */
export interface ListEntry {
  validity: Validity;
  category: string;
}

/** The filters a list page shows: none, either, or both. */
export interface ListFilter {
  validity?: Validity | undefined;
  category?: string | undefined;
}

/** The address of a list page. */
export function listHref(filter: ListFilter): string {
  const category = filter.category ? `${pathSegment(filter.category)}/` : '';
  if (filter.validity) return `/policies/status/${VALIDITY_SLUGS[filter.validity]}/${category}`;
  return filter.category ? `/policies/category/${category}` : '/policies/';
}

export const matches = (entry: ListEntry, filter: ListFilter) =>
  (!filter.validity || entry.validity === filter.validity) && (!filter.category || entry.category === filter.category);

export interface FilterLink {
  label: string;
  /** How many documents the link leads to. */
  count: number;
  href: string;
  /** The page shows this value (or, for 全部, no value of this filter). */
  current: boolean;
}

export interface FilterLinks {
  validity: FilterLink[];
  category: FilterLink[];
}

/**
 * The links of each filter on the page of `filter`: 全部 and every value that, with the other
 * filter as it stands, leads to at least one document — the value shown stays listed even when
 * it has none, so that the reader sees where they are.
 * `categories` is the order the 类别 are offered in.
 */
export function filterLinks(entries: readonly ListEntry[], filter: ListFilter, categories: readonly string[]): FilterLinks {
  const count = (f: ListFilter) => entries.filter((e) => matches(e, f)).length;
  const link = (label: string, f: ListFilter, current: boolean): FilterLink => ({ label, count: count(f), href: listHref(f), current });
  const validity = [
    link('全部', { category: filter.category }, !filter.validity),
    ...VALIDITIES.map((v) => link(v, { validity: v, category: filter.category }, filter.validity === v)),
  ];
  const category = [
    link('全部', { validity: filter.validity }, !filter.category),
    ...categories.map((c) => link(c, { validity: filter.validity, category: c }, filter.category === c)),
  ];
  const shown = (l: FilterLink, i: number) => i === 0 || l.count > 0 || l.current;
  return { validity: validity.filter(shown), category: category.filter(shown) };
}

/**
 * The combinations of a 时效性 and a 类别 to build a page for: those with documents (a link
 * leads only to those), as for the single-filter pages.
 */
export function combinedFilters(entries: readonly ListEntry[]): ListEntry[] {
  const seen = new Map<string, ListEntry>();
  for (const { validity, category } of entries) seen.set(`${validity}\0${category}`, { validity, category });
  return [...seen.values()];
}

/** A list page's heading: 政策文件, 政策文件：已废止, 政策文件：管理办法（已废止）. */
export function listTitle(filter: ListFilter): string {
  if (filter.validity && filter.category) return `政策文件：${filter.category}（${filter.validity}）`;
  const value = filter.validity ?? filter.category;
  return value ? `政策文件：${value}` : '政策文件';
}
