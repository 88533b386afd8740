import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { crawl } from '../helpers/crawl.ts';

/**
 * Every page, in parts that Playwright's two workers share: one test over all of them kept one
 * worker for a minute and more while the other had nothing left to do. The parts take the crawl's
 * pages in turn (page i in part i mod AXE_PARTS), so that together they check each page once.
 */
const AXE_PARTS = 4;
for (let part = 0; part < AXE_PARTS; part++) {
  test(`axe finds no violation on any page (part ${part + 1} of ${AXE_PARTS})`, async ({ page, request, baseURL }, testInfo) => {
    // The nginx project serves the very files of dist/ that the chromium project checks here
    // (deploy/csp.spec.ts checks that its headers refuse nothing on any page): a second crawl
    // would find the same and cost minutes. The internal edition's pages are checked.
    test.skip(testInfo.project.name === 'nginx', 'dist/ is checked page by page in the chromium project');
    // Every page: each name in the articles has one, so the count grows with the archive.
    test.setTimeout(360_000);
    const urls = [...(await crawl(request, baseURL!)).values()].filter((p) => p.html && p.status === 200).map((p) => p.url);
    const mine = urls.filter((_, i) => i % AXE_PARTS === part);
    expect(mine, `the crawl found ${urls.length} pages, none for this part`).not.toEqual([]);
    const found: string[] = [];
    for (const url of mine) {
      await page.goto(url);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations) found.push(`${url}: ${v.id} (${v.nodes.length}) ${v.help}`);
    }
    expect(found).toEqual([]);
  });
}

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
