/**
 * Discovery on the built public edition: the feed, the sitemap, share metadata on every page,
 * the pages of names and the timeline. Expectations come from the content files (read by the
 * stand-alone validator), never from a list typed here.
 */
import { test, expect, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { crawl, type CrawledPage } from '../helpers/crawl.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { validateContent } from '../../scripts/content/validate.ts';

const { content } = validateContent(PROJECT_ROOT);
const issues = [...content.issues].sort((a, b) => b.data.year - a.data.year || b.data.number - a.data.number);
/** The articles as the site orders them: newest issue first, then in 要目 order. */
const articles = issues.flatMap((issue) =>
  issue.data.articles.map((ref) => {
    const article = content.articles.find((a) => a.file.id === ref.id)!;
    return { id: ref.id, data: article.data, issue };
  }),
);
const issueLabel = (issue: (typeof issues)[number]) => `${issue.data.year}年第${issue.data.number}期`;
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category', 'url', 'sitemap'].includes(name) });
const path = (url: string) => new URL(url).pathname;

let pages: CrawledPage[];
test.beforeAll(async ({ request, baseURL }) => {
  pages = [...(await crawl(request, baseURL!)).values()].filter((p) => p.html && p.status === 200);
});

/** Chromium's own XML parser (strict, as feed readers are): the parse error, or '' for well-formed XML. */
const xmlError = (page: Page, text: string) =>
  page.evaluate((source) => new DOMParser().parseFromString(source, 'application/xml').querySelector('parsererror')?.textContent ?? '', text);

test('the feed is well-formed RSS holding every article, newest first, each with its issue', async ({ request, page }) => {
  const response = await request.get('/feed.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/xml/);
  const text = await response.text();
  expect(await xmlError(page, text)).toBe('');
  expect(await xmlError(page, '<rss><channel></rss>')).not.toBe('');
  const channel = xml.parse(text).rss.channel;
  expect(channel.language).toBe('zh-cn');
  const items: Array<{ title: string; link: string; pubDate: string; category: string[]; description: string }> = channel.item;
  expect(items.map((item) => item.title)).toEqual(articles.map((a) => a.data.title));
  for (const [i, item] of items.entries()) {
    const { id, issue } = articles[i]!;
    expect(path(item.link)).toBe(`/bulletins/${id}/`);
    expect(item.category).toContain(issueLabel(issue));
    expect(item.description).toContain(`工作要讯 ${issueLabel(issue)}`);
    expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(issue.data.date);
    expect((await request.get(path(item.link))).status()).toBe(200);
  }
});

test('the sitemap lists exactly the pages a reader can reach, and no internal document', async ({ request, page }) => {
  const fetchXml = async (at: string) => {
    const text = await (await request.get(at)).text();
    expect(await xmlError(page, text), at).toBe('');
    return xml.parse(text);
  };
  const index = await fetchXml('/sitemap-index.xml');
  const listed: string[] = [];
  for (const { loc } of index.sitemapindex.sitemap as Array<{ loc: string }>) {
    const sitemap = await fetchXml(path(loc));
    listed.push(...(sitemap.urlset.url as Array<{ loc: string }>).map((u) => path(u.loc)));
  }
  expect(listed.length).toBe(new Set(listed).size);
  expect([...listed].sort()).toEqual(pages.map((p) => path(p.url)).sort());
  const internal = content.policies.filter((p) => p.data.visibility === 'internal');
  expect(internal.length).toBeGreaterThan(0);
  for (const policy of internal) {
    expect(listed).not.toContain(`/policies/${policy.file.id}/`);
    expect(pages.some((p) => p.html.includes(`/policies/${policy.file.id}/`))).toBe(false);
  }
});

test('every page has a canonical address, a description and OpenGraph tags', () => {
  const origins = new Set<string>();
  for (const page of pages) {
    const html = parse(page.html);
    const meta = (key: string) => html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? '';
    const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    expect(canonical, page.url).toMatch(/^https?:\/\//);
    expect(path(canonical), page.url).toBe(path(page.url));
    origins.add(new URL(canonical).origin);
    expect(meta('description').length, `${page.url} description`).toBeGreaterThan(5);
    expect(meta('og:title'), page.url).not.toBe('');
    expect(meta('og:description'), page.url).toBe(meta('description'));
    expect(meta('og:url'), page.url).toBe(canonical);
    const isArticle = /^\/bulletins\/[^/]+\/[^/]+\/$/.test(path(page.url));
    expect(meta('og:type'), page.url).toBe(isArticle ? 'article' : 'website');
  }
  // One deployed site: every canonical link on the same origin (astro.config.mjs `site`).
  expect(origins.size).toBe(1);
});

test('articles carry NewsArticle data and policies Legislation data, matching the page', () => {
  const jsonLd = (page: CrawledPage) => {
    const script = parse(page.html).querySelector('script[type="application/ld+json"]');
    return script ? (JSON.parse(script.text) as Record<string, unknown>) : undefined;
  };
  const h1 = (page: CrawledPage) => parse(page.html).querySelector('h1')!.text;
  for (const article of articles) {
    const page = pages.find((p) => path(p.url) === `/bulletins/${article.id}/`)!;
    expect(jsonLd(page)).toMatchObject({
      '@type': 'NewsArticle',
      headline: h1(page),
      datePublished: article.issue.data.date,
      isPartOf: { '@type': 'PublicationIssue', issueNumber: String(article.issue.data.number) },
    });
  }
  const policyPages = pages.filter((p) => /^\/policies\/[^/]+\/$/.test(path(p.url)));
  expect(policyPages.length).toBeGreaterThan(0);
  for (const page of policyPages) expect(jsonLd(page)).toMatchObject({ '@type': 'Legislation', name: h1(page) });
});

test('吴俊清’s page lists every article of 第2期 that names him, newest first, with its issue', async ({ page }) => {
  const naming = articles.filter((a) => a.issue.file.id === '2017-02' && a.data.people.includes('吴俊清'));
  expect(naming.length).toBeGreaterThan(1);
  await page.goto(`/bulletins/${naming[0]!.id}/`);
  await page.locator('.facets').getByRole('link', { name: '吴俊清', exact: true }).click();
  await expect(page).toHaveURL(/\/people\/(吴俊清|%E5%90%B4%E4%BF%8A%E6%B8%85)\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('吴俊清');
  const entries = page.locator('.entry-list > li');
  await expect(entries.locator('> a')).toHaveText(naming.map((a) => a.data.title));
  for (const [i, article] of naming.entries()) await expect(entries.nth(i)).toContainText(`工作要讯 ${issueLabel(article.issue)}`);
});

test('every name the articles list has a page listing exactly its articles, and an index entry', () => {
  const kinds = {
    people: (a: (typeof articles)[number]) => a.data.people,
    organizations: (a: (typeof articles)[number]) => a.data.organizations,
    places: (a: (typeof articles)[number]) => a.data.places,
    topics: (a: (typeof articles)[number]) => a.data.topics.map((t) => t.id),
  };
  for (const [kind, namesOf] of Object.entries(kinds)) {
    const names = [...new Set(articles.flatMap(namesOf))];
    expect(names.length, kind).toBeGreaterThan(0);
    const index = pages.find((p) => path(p.url) === `/${kind}/`)!;
    const indexed = parse(index.html).querySelectorAll('main li > a').map((a) => a.text);
    for (const name of names) {
      expect(indexed, `${kind} index`).toContain(name);
      const page = pages.find((p) => decodeURIComponent(path(p.url)) === `/${kind}/${name}/`);
      expect(page, `/${kind}/${name}/`).toBeDefined();
      const html = parse(page!.html);
      expect(html.querySelector('h1')!.text).toBe(name);
      expect(html.querySelectorAll('.entry-list > li > a').map((a) => a.text), `/${kind}/${name}/`).toEqual(
        articles.filter((a) => namesOf(a).includes(name)).map((a) => a.data.title),
      );
    }
  }
});

test('a topic’s page gives the description written in content/topics', () => {
  for (const { data } of content.topics) {
    const page = pages.find((p) => decodeURIComponent(path(p.url)) === `/topics/${data.name}/`)!;
    expect(parse(page.html).querySelector('.lede')!.text, data.name).toBe(data.description);
  }
});

test('the timeline shows the events by year and month, in order of the day they happened', async ({ page }) => {
  // Each month: the articles with a day in it, by their first day there (site order on the same day).
  const months = [...new Set(articles.flatMap((a) => a.data.eventDates.map((d) => d.slice(0, 7))))].sort();
  expect(months.length).toBeGreaterThan(1);
  await page.goto('/timeline/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('大事记');
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(years.map((y) => `${y}年`));
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(months.map((m) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`));
  for (const month of months) {
    const entries = articles
      .map((a) => ({ a, days: a.data.eventDates.filter((d) => d.startsWith(month)).sort() }))
      .filter((e) => e.days.length > 0)
      .sort((x, y) => x.days[0]!.localeCompare(y.days[0]!));
    const items = page.locator(`section[aria-labelledby="m${month}"] li`);
    await expect(items.getByRole('link')).toHaveText(entries.map((e) => e.a.data.title));
    for (const [i, { days }] of entries.entries()) {
      expect(await items.nth(i).locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))).toEqual(days);
      await expect(items.nth(i).locator('.timeline__days')).toHaveText(days.map((d) => `${Number(d.slice(8))}日`).join('、'));
    }
  }
});

test('an article links its event date to the timeline and its names to their pages', async ({ page }) => {
  const article = articles.find((a) => a.data.eventDates.length > 0 && a.data.places.length > 0)!;
  await page.goto(`/bulletins/${article.id}/`);
  const first = [...article.data.eventDates].sort()[0]!;
  await page.locator('.article__meta').getByRole('link', { name: /\d+月\d+日/ }).click();
  await expect(page).toHaveURL(new RegExp(`/timeline/#m${first.slice(0, 7)}$`));
  await page.goto(`/bulletins/${article.id}/`);
  await page.locator('.facets').getByRole('link', { name: article.data.places[0]!, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.data.places[0]!);
});
