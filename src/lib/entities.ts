/**
 * Gathering articles by the names their frontmatter lists (people, organisations, places,
 * topics), for the pages that show everything about one name.
 */
import type { EntityKind } from './urls.ts';

/** How each kind is called on the site. */
export const ENTITY_LABELS: Record<EntityKind, string> = {
  people: '人物',
  organizations: '机构',
  places: '地点',
  topics: '主题',
};

/** The order kinds are shown in: on article pages, in the footer, in indexes. */
export const ENTITY_KINDS: readonly EntityKind[] = ['people', 'organizations', 'places', 'topics'];

/** One name and the items that list it. */
export interface Gathered<T> {
  name: string;
  items: T[];
}

// Chinese collation orders names by pinyin (吕梁 before 山西), as a printed index would.
const collator = new Intl.Collator('zh-CN');

/** Names in index order: by pinyin, the same name always in the same place. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Every name `namesOf` gives for the items, each with the items that list it, in the order the
 * items came (pass them newest first to get each name's items newest first). Names are in
 * index order; an item listing a name twice is counted once; blank names are skipped.
 */
export function gatherByName<T>(items: readonly T[], namesOf: (item: T) => readonly string[]): Array<Gathered<T>> {
  const byName = new Map<string, T[]>();
  for (const item of items) {
    for (const name of new Set(namesOf(item).map((n) => n.trim()).filter(Boolean))) {
      const list = byName.get(name);
      if (list) list.push(item);
      else byName.set(name, [item]);
    }
  }
  return [...byName.entries()].sort(([a], [b]) => compareNames(a, b)).map(([name, items]) => ({ name, items }));
}
