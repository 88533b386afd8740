import { test, expect } from '@playwright/test';
import { seedArticles, seedClosingLines, seedHeadlines } from '../helpers/seed.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { validateContent } from '../../scripts/content/validate.ts';
import { screenTitle } from '../helpers/title-lines.ts';

/** The newest issue in the content: the one the home page shows. */
const latest = validateContent(PROJECT_ROOT).content.issues.toSorted((a, b) => b.data.year - a.data.year || b.data.number - a.data.number)[0]!;

const ISSUE = '/bulletins/2017-02/';

test.describe('the 2017 第2期 issue page', () => {
  test('has the red masthead: series, 第2期, the unit left and the date right', async ({ page }) => {
    await page.goto(ISSUE);
    const masthead = page.locator('.masthead');
    await expect(masthead.getByRole('heading', { level: 1 })).toHaveText('实施“1331工程” 推进“双一流”建设工作要讯第2期');
    await expect(masthead.locator('.masthead__line')).toHaveText('山西省教育厅1331办公室2017年5月18日');
    const color = await masthead.locator('.masthead__name').evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(196, 22, 28)');
  });

  test('lists the seven headlines of the 要目, each linking to its article', async ({ page }) => {
    await page.goto(ISSUE);
    const items = page.getByRole('navigation', { name: '本期要目' }).getByRole('link');
    await expect(items).toHaveText(seedHeadlines);
    for (const [i, headline] of seedHeadlines.entries()) {
      await page.goto(ISSUE);
      await page.getByRole('navigation', { name: '本期要目' }).getByRole('link', { name: headline, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/bulletins/2017-02/0${i + 1}/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
    }
  });

  test('holds every paragraph of the printed issue, whole and verbatim, in order', async ({ page }) => {
    await page.goto(ISSUE);
    const sections = page.locator('.issue-article');
    await expect(sections).toHaveCount(seedArticles.length);
    for (const [i, article] of seedArticles.entries()) {
      await expect(sections.nth(i).getByRole('heading', { level: 2 })).toHaveText(article.headline);
      expect(await sections.nth(i).locator('.prose p').allTextContents()).toEqual(article.paragraphs);
    }
  });

  test('ends with the closing block as printed', async ({ page }) => {
    await page.goto(ISSUE);
    const block = page.getByRole('region', { name: '版记' });
    const lines = await block.locator('dl > div, p').allTextContents();
    expect(lines).toEqual(seedClosingLines);
  });
});

test.describe('article pages', () => {
  test('each has its headline as its only h1, its issue, and previous / next within the issue', async ({ page }) => {
    for (const [i, article] of seedArticles.entries()) {
      await page.goto(`/bulletins/2017-02/0${i + 1}/`);
      await expect(page.locator('h1')).toHaveText(article.headline);
      await expect(page.locator('.article__meta')).toContainText('工作要讯 2017年第2期（总第02期，2017年5月18日）');
      expect(await page.locator('.prose p').allTextContents()).toEqual(article.paragraphs);
      const nav = page.getByRole('navigation', { name: '本期其他文章' });
      if (i > 0) await expect(nav.getByRole('link', { name: /上一篇/ })).toContainText(seedArticles[i - 1]!.headline);
      else await expect(nav).toContainText('本篇为本期第一篇');
      if (i < seedArticles.length - 1) await expect(nav.getByRole('link', { name: /下一篇/ })).toContainText(seedArticles[i + 1]!.headline);
      else await expect(nav).toContainText('本篇为本期最后一篇');
    }
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    test(`at ${viewport.width} px, headlines break between words, on their pages and in the issue (GB/T 9704 §7.3.1)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      let broken = 0;
      for (const [i, article] of seedArticles.entries()) {
        await page.goto(`/bulletins/2017-02/0${i + 1}/`);
        const title = await screenTitle(page.locator('h1'));
        expect(title.inside, article.headline).toEqual([]);
        if (title.lines > 1) broken++;
      }
      await page.goto(ISSUE);
      for (const heading of await page.locator('.issue-article__title, .contents__list a').all()) {
        const title = await screenTitle(heading);
        expect(title.inside, (await heading.textContent())!).toEqual([]);
        if (title.lines > 1) broken++;
      }
      // Some headline runs over lines at this width, or the test would prove nothing.
      expect(broken).toBeGreaterThan(0);
    });
  }

  test('gives the event dates the text names', async ({ page }) => {
    await page.goto('/bulletins/2017-02/03/');
    await expect(page.locator('.article__meta')).toContainText('事件日期：2017年4月15日、16日');
  });
});

test('the issue list shows 2017 with 第2期', async ({ page }) => {
  await page.goto('/bulletins/');
  await expect(page.getByRole('heading', { name: '2017年' })).toBeVisible();
  await page.getByRole('link', { name: '第2期' }).click();
  await expect(page).toHaveURL(/\/bulletins\/2017-02\/$/);
});

test('the home page shows the latest masthead, its 要目 and ways into the archive', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.masthead .masthead__number')).toHaveText('第2期');
  await expect(page.getByRole('navigation', { name: '本期要目' }).getByRole('link')).toHaveCount(latest.data.articles.length);
  await expect(page.getByRole('link', { name: '2017年', exact: true })).toHaveAttribute('href', '/bulletins/#y2017');
  await expect(page.getByRole('link', { name: '全部政策文件' })).toBeVisible();
  await expect(page.getByRole('search').first()).toBeVisible();
});
