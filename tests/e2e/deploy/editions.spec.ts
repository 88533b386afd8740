/**
 * The two editions side by side, as nginx serves them: the internal one marked 内部资料 and
 * noindex on every page, with the drafts listed and linked; the public one with neither.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { request as requestFactory } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { nginxUrls, internalCredentials } from '../../../playwright.config.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, crawl, crawledPages } from '../../helpers/crawl.ts';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';
import { validateContent } from '../../../scripts/content/validate.ts';

const DRAFT = '山西省实施“1331工程”统筹推进“双一流”建设绩效考评办法';
/** The internal edition shows every policy of the content. */
const { policies } = validateContent(PROJECT_ROOT).content;
const mentioning = (articleId: string) => policies.filter((p) => p.data.mentionedIn.some((ref: { id: string }) => ref.id === articleId));
const BANNER = /<aside class="edition-banner" aria-label="内部资料">.*?内部资料.*?<\/aside>/;
const NOINDEX = '<meta name="robots" content="noindex, nofollow">';

let internal: APIRequestContext;
test.beforeAll(async () => {
  internal = await requestFactory.newContext({ baseURL: nginxUrls.internal, httpCredentials: internalCredentials });
});
test.afterAll(() => internal.dispose());

test('every page of the internal edition carries the 内部资料 banner and noindex', async () => {
  const pages = [...(await crawl(internal, nginxUrls.internal)).values()].filter((p) => p.html);
  expect(crawledPages(pages)).toEqual(builtPages('dist-internal'));
  for (const page of pages) {
    expect(page.html, page.url).toMatch(BANNER);
    expect(page.html, page.url).toContain(NOINDEX);
    // Right after the skip link: the first thing read out and seen.
    expect(page.html.indexOf('edition-banner'), page.url).toBeLessThan(page.html.indexOf('<header'));
  }
});

test('no page of the public edition has the banner or noindex', async ({ request }) => {
  const pages = [...(await crawl(request, nginxUrls.public)).values()].filter((p) => p.html);
  expect(crawledPages(pages)).toEqual(builtPages('dist'));
  for (const page of pages) {
    expect(page.html, page.url).not.toContain('edition-banner');
    expect(page.html, page.url).not.toContain('name="robots"');
  }
});

test('each edition has a search index of its own: the internal one adds the internal policies', () => {
  const pageCount = (dir: string) => {
    const entry = JSON.parse(readFileSync(join(PROJECT_ROOT, dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  };
  const internalPolicies = validateContent(PROJECT_ROOT).content.policies.filter((p) => p.data.visibility === 'internal').length;
  expect(internalPolicies).toBeGreaterThan(0);
  expect(pageCount('dist-internal')).toBe(pageCount('dist') + internalPolicies);
});

test.describe('in the browser', () => {
  test.use({ baseURL: nginxUrls.internal, httpCredentials: internalCredentials });

  test('the banner is visible at the top, named for assistive technology, and passes axe', async ({ page }) => {
    await page.goto('/');
    const banner = page.getByRole('complementary', { name: '内部资料' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('仅供内部工作使用');
    const box = await banner.boundingBox();
    expect(box?.y).toBe(0);
    const { violations } = await new AxeBuilder({ page }).include('.edition-banner').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  test('the drafts are listed and linked, and the article that names them links to them', async ({ page }) => {
    await page.goto('/policies/');
    await expect(page.locator('.policy-list').getByRole('link')).toHaveCount(policies.length);
    await page.getByRole('link', { name: `起草中（${policies.filter((p) => p.data.status === 'draft').length}）` }).click();
    await page.getByRole('link', { name: DRAFT }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DRAFT);
    await page.goto('/bulletins/2017-02/07/');
    await expect(page.locator('.related-policies').getByRole('link')).toHaveCount(mentioning('2017-02/07').length);
    await page.locator('.related-policies').getByRole('link', { name: `《${DRAFT}》` }).click();
    await expect(page).toHaveURL(/\/policies\/1331-jixiao-kaoping-banfa\/$/);
  });

  test('on a phone the banner wraps within the screen', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: nginxUrls.internal, httpCredentials: internalCredentials, viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await context.newPage();
    await page.goto('/bulletins/2017-02/01/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('complementary', { name: '内部资料' })).toBeVisible();
    await context.close();
  });
});
