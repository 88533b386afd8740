/**
 * The content as the discovery pages see it: articles gathered by the names they list, and by
 * the days their events took place. Everything comes through getSiteContent, so the edition
 * filter applies here too.
 */
import { getSiteContent, type Article, type Issue, type Topic } from './site.ts';
import { ENTITY_KINDS, gatherByName } from '../lib/entities.ts';
import { buildTimeline, type TimelineYear } from '../lib/timeline.ts';
import type { EntityKind } from '../lib/urls.ts';

/** An article with the issue it appeared in. */
export interface ArticleInIssue {
  article: Article;
  issue: Issue;
}

export interface Entity {
  kind: EntityKind;
  name: string;
  /** Newest issue first, then in 要目 order. */
  articles: ArticleInIssue[];
  /** For topics: the entry in content/topics/, with its description. */
  topic?: Topic | undefined;
}

const namesOf = (kind: EntityKind) => (article: Article) =>
  kind === 'topics' ? article.data.topics.map((ref) => ref.id) : article.data[kind];

/** Every name of `kind` the articles list, in index order; for topics, also any topic no article lists yet. */
export async function getEntities(kind: EntityKind): Promise<Entity[]> {
  const { articles, issueOf, topics } = await getSiteContent();
  const withIssue = articles.map((article) => ({ article, issue: issueOf(article) }));
  const gathered = gatherByName(withIssue, ({ article }) => namesOf(kind)(article));
  if (kind !== 'topics') return gathered.map(({ name, items }) => ({ kind, name, articles: items }));
  const byName = new Map(gathered.map(({ name, items }) => [name, items]));
  return topics.map((topic) => ({ kind, name: topic.id, articles: byName.get(topic.id) ?? [], topic }));
}

/** getStaticPaths for the names' pages of every kind: /<kind>/<name>/. */
export async function entityPaths() {
  const perKind = await Promise.all(ENTITY_KINDS.map(async (kind) => (await getEntities(kind)).map((entity) => ({ params: { kind, name: entity.name }, props: { entity } }))));
  return perKind.flat();
}

/** getStaticPaths for the kinds' indexes: /<kind>/. */
export async function entityIndexPaths() {
  return Promise.all(ENTITY_KINDS.map(async (kind) => ({ params: { kind }, props: { kind, entities: await getEntities(kind) } })));
}

/** The timeline of events, by the days the articles give. */
export async function getTimeline(): Promise<{ years: Array<TimelineYear<ArticleInIssue>>; undated: number }> {
  const { articles, issueOf } = await getSiteContent();
  const withIssue = articles.map((article) => ({ article, issue: issueOf(article) }));
  return {
    years: buildTimeline(withIssue, ({ article }) => article.data.eventDates),
    undated: articles.filter((article) => article.data.eventDates.length === 0).length,
  };
}
