/**
 * The site's view of the content: every page gets its entries from here, so that the edition
 * filter (public / internal) and the orderings are applied in one place.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { SITE_EDITION } from 'astro:env/server';
import { parseEdition, isPublicPolicy, type Edition } from '../lib/edition.ts';
import { compareIssuesNewestFirst, orderByIds } from '../lib/ordering.ts';
import { isPublishable } from '../lib/issue-review.ts';
import { policyDate } from '../lib/policy/facts.ts';
import { registerPolicies } from './policies.ts';

export type Issue = CollectionEntry<'issues'>;
export type Article = CollectionEntry<'articles'>;
export type Policy = CollectionEntry<'policies'>;
export type Topic = CollectionEntry<'topics'>;

export const edition: Edition = parseEdition(SITE_EDITION);

/** An issue with its articles in 要目 order. */
export interface IssueWithArticles {
  issue: Issue;
  articles: Article[];
}

let cache: Promise<SiteContent> | undefined;

export interface SiteContent {
  /** Newest first. */
  issues: IssueWithArticles[];
  /** Newest issue first, then in 要目 order. */
  articles: Article[];
  issueOf: (article: Article) => Issue;
  /** Only the policies this edition may show, newest known date first, then by title. */
  policies: Policy[];
  /** Policies hidden from this edition: pages show their titles as plain text. */
  hiddenPolicies: Policy[];
  topics: Topic[];
}

async function load(): Promise<SiteContent> {
  const [issueEntries, articleEntries, policyEntries, topics] = await Promise.all([
    getCollection('issues'),
    getCollection('articles'),
    getCollection('policies'),
    getCollection('topics'),
  ]);
  const byIssue = new Map<string, Article[]>();
  for (const article of articleEntries) {
    const list = byIssue.get(article.data.issue.id) ?? [];
    list.push(article);
    byIssue.set(article.data.issue.id, list);
  }
  // An OCR draft not yet checked against the paper is published in no edition, nor its articles.
  const issues = issueEntries
    .filter((issue) => isPublishable(issue.data))
    .sort((a, b) => compareIssuesNewestFirst(a.data, b.data))
    .map((issue) => ({
      issue,
      articles: orderByIds(byIssue.get(issue.id) ?? [], issue.data.articles.map((ref) => ref.id)),
    }));
  const issueById = new Map(issueEntries.map((issue) => [issue.id, issue]));
  const issueOf = (article: Article) => {
    const issue = issueById.get(article.data.issue.id);
    if (!issue) throw new Error(`${article.filePath}: issue “${article.data.issue.id}” does not exist`);
    return issue;
  };
  const listed = (p: Policy) => policyDate(p.data) ?? '';
  const sortedPolicies = [...policyEntries].sort((a, b) => listed(b).localeCompare(listed(a)) || a.data.title.localeCompare(b.data.title, 'zh-CN'));
  // The public edition holds only what may be public: no 密级, disclosed as public or a catalogue entry of a published article (isPublicPolicy).
  const inEdition = (p: Policy) => edition === 'internal' || isPublicPolicy(p.data, Boolean(p.body?.trim()));
  const visiblePolicies = sortedPolicies.filter(inEdition);
  registerPolicies(visiblePolicies);
  return {
    issues,
    articles: issues.flatMap((entry) => entry.articles),
    issueOf,
    policies: visiblePolicies,
    hiddenPolicies: sortedPolicies.filter((p) => !inEdition(p)),
    topics: [...topics].sort((a, b) => a.id.localeCompare(b.id, 'zh-CN')),
  };
}

/** Loads and orders the content once per build. */
export function getSiteContent(): Promise<SiteContent> {
  cache ??= load();
  return cache;
}
