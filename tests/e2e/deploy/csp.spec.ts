import { test, expect } from '@playwright/test';
import { builtPages, crawl, crawledPages } from '../../helpers/crawl.ts';
import { nginxUrls } from '../../../playwright.config.ts';
import { watchPage } from '../../helpers/console.ts';

test('every page works under the Content-Security-Policy: nothing refused, no error', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const pages = [...(await crawl(request, baseURL!)).values()].filter((p) => p.html && p.status === 200);
  expect(crawledPages(pages)).toEqual(builtPages(baseURL === nginxUrls.internal ? 'dist-internal' : 'dist'));
  const problems = watchPage(page);
  for (const { url } of pages) {
    const response = await page.goto(url, { waitUntil: 'load' });
    // Under the policy indeed: a server that sent none would pass this test for nothing.
    expect(response?.headers()['content-security-policy'], url).toContain("script-src 'self'");
  }
  expect(problems).toEqual([]);
});

test('search works under the Content-Security-Policy: Pagefind’s WebAssembly runs, results show, the target page highlights', async ({ page }) => {
  const problems = watchPage(page);
  const response = await page.goto('/search/?q=吕梁学院');
  expect(response?.headers()['content-security-policy']).toContain("'wasm-unsafe-eval'");
  await expect(page.locator('#search-status')).toContainText('找到');
  const first = page.locator('#search-results .result__title').first();
  await expect(first).toContainText('吕梁');
  await first.click();
  await expect(page.locator('main mark').first()).toHaveText('吕梁学院');
  expect(problems).toEqual([]);
});

test('printing from the browser works under the Content-Security-Policy: the print stylesheet applies, nothing refused', async ({ page }) => {
  const problems = watchPage(page);
  await page.emulateMedia({ media: 'print' });
  await page.goto('/bulletins/2017-02/01/', { waitUntil: 'networkidle' });
  // The print rules (a stylesheet of its own, for print media) hide the screen's navigation.
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('main h1')).toBeVisible();
  expect(problems).toEqual([]);
});
