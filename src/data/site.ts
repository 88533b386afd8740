/**
 * The site's view of the content: every page gets its entries from here, so that the edition
 * filter (public / internal) and the orderings are applied in one place (site-content.ts), and
 * the search records are worked out once (search-records.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getCollection } from 'astro:content';
import { SITE_EDITION } from 'astro:env/server';
import { parseEdition, type Edition } from '../lib/edition.ts';
import type { SearchRecord } from '../lib/build-data.ts';
import { arrangeContent, type Article, type SiteContent } from './site-content.ts';
import { buildDate } from './policies.ts';
import { searchRecordsOf } from './search-records.ts';

export type { Article, Issue, IssueWithArticles, Policy, SiteContent, Topic } from './site-content.ts';

export const edition: Edition = parseEdition(SITE_EDITION);

/** A file beside an article (a 表格's CSV), by its name: its text, or undefined. The build runs in the project's root, which `filePath` is relative to. */
function besideText(article: Article, name: string): string | undefined {
  if (!article.filePath || !/^[^/\\]+$/.test(name)) return undefined;
  const full = join(dirname(article.filePath), name);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

let cache: Promise<SiteContent> | undefined;

async function load(): Promise<SiteContent> {
  const [issues, articles, policies, topics] = await Promise.all([getCollection('issues'), getCollection('articles'), getCollection('policies'), getCollection('topics')]);
  return arrangeContent({ issues, articles, policies, topics }, edition, buildDate(), besideText);
}

/** Loads and orders the content once per build. */
export function getSiteContent(): Promise<SiteContent> {
  cache ??= load();
  return cache;
}

let records: Promise<SearchRecord[]> | undefined;

/** The records of this build, worked out once (the search page's filters and the records file both need them). */
export function getSearchRecords(): Promise<SearchRecord[]> {
  records ??= getSiteContent().then(searchRecordsOf);
  return records;
}
