import { test, expect } from '@playwright/test';
import { builtPages, crawl, crawledPages, idsOf } from '../helpers/crawl.ts';
import { nginxUrls } from '../../playwright.config.ts';

test('every internal link and anchor on the site resolves', async ({ request, baseURL }) => {
  const pages = await crawl(request, baseURL!);
  const html = [...pages.values()].filter((p) => p.html);
  // The crawl reaches every page the build wrote.
  expect(crawledPages(pages.values())).toEqual(builtPages(baseURL === nginxUrls.internal ? 'dist-internal' : 'dist'));
  const broken: string[] = [];
  for (const page of html) {
    for (const link of page.links) {
      const [target, fragment] = link.split('#') as [string, string | undefined];
      const linked = pages.get(target);
      if (!linked || linked.status !== 200) broken.push(`${page.url} → ${link} (${linked?.status ?? 'not fetched'})`);
      else if (fragment && linked.html && !idsOf(linked.html).has(decodeURIComponent(fragment))) broken.push(`${page.url} → ${link} (no #${fragment})`);
    }
  }
  expect(broken).toEqual([]);
});

/**
 * Pages a search result opens load the small script that marks the query, and a long document's
 * page the one that marks where the reader is in its 目录; the search page its own; no other page any.
 */
const scriptsAllowed = (path: string, html: string) =>
  path === '/search/' ? 1 : /^\/(bulletins\/\d{4}-\d{2}\/[^/]+|policies\/[a-z0-9-]+)\/$/.test(path) ? 1 + (/<details class="doc-contents"/.test(html) ? 1 : 0) : 0;

test('every page is Chinese, titled, with one h1 and no script it does not need', async ({ request, baseURL }) => {
  const pages = [...(await crawl(request, baseURL!)).values()].filter((p) => p.html);
  for (const page of pages) {
    expect(page.html, page.url).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/i);
    expect(page.html.match(/<h1[\s>]/g)?.length, `${page.url} has one <h1>`).toBe(1);
    expect(page.html, page.url).toMatch(/<title>[^<]+<\/title>/);
    // JSON-LD (structured data for search engines) is a data block: never run, so neither a script
    // the page loads nor one the Content-Security-Policy governs.
    const scripts = (page.html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes('type="application/ld+json"'));
    expect(scripts.length, `${page.url} loads only the script it needs`).toBe(scriptsAllowed(new URL(page.url).pathname, page.html));
    // Scripts are external modules: no inline code, as the Content-Security-Policy requires.
    for (const tag of scripts) expect(tag, page.url).toMatch(/^<script type="module" src="\/_astro\/[^"]+\.js">$/);
  }
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/bulletins/1999-01/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await expect(page.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
});
