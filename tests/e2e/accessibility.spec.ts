import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { crawl } from '../helpers/crawl.ts';

test('axe finds no violation on any page', async ({ page, request, baseURL }, testInfo) => {
  // The nginx project serves the very files of dist/ that the chromium project checks here
  // (deploy/csp.spec.ts checks that its headers refuse nothing on any page): a second crawl
  // would find the same and cost minutes. The internal edition's pages are checked.
  test.skip(testInfo.project.name === 'nginx', 'dist/ is checked page by page in the chromium project');
  // Every page: each name in the articles has one, so the count grows with the archive.
  test.setTimeout(360_000);
  const urls = [...(await crawl(request, baseURL!)).values()].filter((p) => p.html && p.status === 200).map((p) => p.url);
  const found: string[] = [];
  for (const url of urls) {
    await page.goto(url);
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const v of violations) found.push(`${url}: ${v.id} (${v.nodes.length}) ${v.help}`);
  }
  expect(found).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  for (const path of ['/', '/bulletins/', '/bulletins/2017-02/', '/bulletins/2017-02/01/', '/policies/', '/policies/1331-gongcheng-yijian/', '/people/吴俊清/', '/topics/', '/timeline/']) {
    test(`${path} fits the screen and passes axe`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }
});
