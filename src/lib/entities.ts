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

/**
 * What a kind's pages say of it, where the kinds differ: what its index lists, what a name's
 * page lists, and whether its entries carry a description (topics, from content/topics/).
 */
export interface EntityKindText {
  /** The index's subject: 工作要讯文章中提及的人物 / 工作要讯文章的主题. */
  indexSubject: string;
  /** What a name's page lists: 提及吴俊清的文章 / 归入主题“两提一创”的文章. */
  articlesOf: (name: string) => string;
  /** Whether each name has a description to show (the topic index is laid out for it). */
  described: boolean;
}

const mentioned = (kind: EntityKind): EntityKindText => ({
  indexSubject: `工作要讯文章中提及的${ENTITY_LABELS[kind]}`,
  articlesOf: (name) => `提及${name}的文章`,
  described: false,
});

export const ENTITY_KIND_TEXT: Record<EntityKind, EntityKindText> = {
  people: mentioned('people'),
  organizations: mentioned('organizations'),
  places: mentioned('places'),
  topics: { indexSubject: '工作要讯文章的主题', articlesOf: (name) => `归入主题“${name}”的文章`, described: true },
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
