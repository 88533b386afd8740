/**
 * The content as the site shows it, worked out from the collections' entries: the issues that
 * may be published, newest first, each with its articles in 要目 order; the policies this edition
 * may show (the edition filter: src/lib/edition.ts) and those it hides, with what is worked out
 * about each (its text, 时效性, versions, notices: src/data/policies.ts); the topics. Pure: the
 * entries, the edition and the day are handed in (src/data/site.ts does, from Astro's
 * collections), so that it is tested without building the site, and nothing depends on the order
 * in which anything is called.
 */
import type { CollectionEntry } from 'astro:content';
import { isPublicPolicy, type Edition } from '../lib/edition.ts';
import { compareIssuesNewestFirst, orderByIds } from '../lib/ordering.ts';
import { isPublishable } from '../lib/issue-review.ts';
import { policyDate } from '../lib/policy/facts.ts';
import { policyViews, type PolicyViews } from './policies.ts';
import { articleText, type ArticleText } from '../lib/article-text.ts';

export type Issue = CollectionEntry<'issues'>;
export type Article = CollectionEntry<'articles'>;
export type Policy = CollectionEntry<'policies'>;
export type Topic = CollectionEntry<'topics'>;

/** An issue with its articles in 要目 order. */
export interface IssueWithArticles {
  issue: Issue;
  articles: Article[];
}

/** Every entry of each collection, as Astro loads them. */
export interface SiteEntries {
  issues: readonly Issue[];
  articles: readonly Article[];
  policies: readonly Policy[];
  topics: readonly Topic[];
}

export interface SiteContent extends PolicyViews {
  /** The day 时效性 is worked out for (src/data/policies.ts buildDate). */
  asOf: string;
  /** Newest first. */
  issues: IssueWithArticles[];
  /** Newest issue first, then in 要目 order. */
  articles: Article[];
  issueOf: (article: Article) => Issue;
  /**
   * An article's text (src/lib/article-text.ts), worked out from its body once per build: its
   * page, the feed, the search records and the policy pages that quote it all read it here.
   */
  articleText: (article: Article) => ArticleText;
  /** Only the policies this edition may show, newest known date first, then by title. */
  policies: Policy[];
  /** Policies hidden from this edition: pages show their titles as plain text. */
  hiddenPolicies: Policy[];
  topics: Topic[];
}

/**
 * `besideText`: the text of a file beside an article by its name (a 表格's CSV file, for the
 * article's search text), or undefined where there is none; handed in by src/data/site.ts, which
 * reads the files.
 */
export function arrangeContent(entries: SiteEntries, edition: Edition, asOf: string, besideText?: (article: Article, name: string) => string | undefined): SiteContent {
  const byIssue = new Map<string, Article[]>();
  for (const article of entries.articles) {
    const list = byIssue.get(article.data.issue.id) ?? [];
    list.push(article);
    byIssue.set(article.data.issue.id, list);
  }
  // An OCR draft not yet checked against the paper is published in no edition, nor its articles.
  const issues = entries.issues
    .filter((issue) => isPublishable(issue.data))
    .sort((a, b) => compareIssuesNewestFirst(a.data, b.data))
    .map((issue) => ({
      issue,
      articles: orderByIds(byIssue.get(issue.id) ?? [], issue.data.articles.map((ref) => ref.id)),
    }));
  const issueById = new Map(entries.issues.map((issue) => [issue.id, issue]));
  const issueOf = (article: Article) => {
    const issue = issueById.get(article.data.issue.id);
    if (!issue) throw new Error(`${article.filePath}: issue “${article.data.issue.id}” does not exist`);
    return issue;
  };
  const texts = new Map<string, ArticleText>();
  const textOf = (article: Article) => {
    let text = texts.get(article.id);
    if (!text) texts.set(article.id, (text = articleText(article.body ?? '', besideText && ((name) => besideText(article, name)))));
    return text;
  };
  const listed = (p: Policy) => policyDate(p.data) ?? '';
  const sortedPolicies = [...entries.policies].sort((a, b) => listed(b).localeCompare(listed(a)) || a.data.title.localeCompare(b.data.title, 'zh-CN'));
  // The public edition holds only what may be public: no 密级, disclosed as public or a catalogue entry of a published article (isPublicPolicy).
  const inEdition = (p: Policy) => edition === 'internal' || isPublicPolicy(p.data, Boolean(p.body?.trim()));
  const visiblePolicies = sortedPolicies.filter(inEdition);
  const hiddenPolicies = sortedPolicies.filter((p) => !inEdition(p));
  return {
    ...policyViews(visiblePolicies, hiddenPolicies, asOf),
    asOf,
    issues,
    articles: issues.flatMap((entry) => entry.articles),
    issueOf,
    articleText: textOf,
    policies: visiblePolicies,
    hiddenPolicies,
    topics: [...entries.topics].sort((a, b) => a.id.localeCompare(b.id, 'zh-CN')),
  };
}
