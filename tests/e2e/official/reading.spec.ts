/**
 * Reading long documents, on a phone and on a desktop, and their paper, on the synthetic
 * documents of tests/fixtures/official/ (合成测试数据) in the shared specimen build: the title
 * first, the 目录 beside the text and in view (folded at the foot of a phone's screen), marking
 * where the reader is (and complete without JavaScript), anchors
 * level with their headings, breadcrumbs to the page itself, the 对照 within a 320 px screen,
 * the policy list's filters combined; in print, titles broken between words and the 版记 on an
 * even last page. Expectations come from the fixtures and the site's libraries.
 */
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { allUnits, needsContents } from '../../../src/lib/policy/structure.ts';
import { listHref } from '../../../src/lib/policy/list-filters.ts';
import { pdfInfo, pdfText, squeeze } from '../../helpers/poppler.ts';
import { printedTitle, screenTitle } from '../../helpers/title-lines.ts';
import { noticesOf } from '../../helpers/policy-notices.ts';
import { specimenEntries, SPECIMEN_BUILD_DATE, servedSpecimen } from '../../helpers/specimen-site.ts';

const entries = specimenEntries;
const notices = noticesOf(entries, SPECIMEN_BUILD_DATE);
/** A document long enough for a 目录, and the revision the 对照 compares. */
const long = entries
  .filter((e) => [e.text.main, ...e.text.attachments].some(needsContents) && !notices.get(e.id)!.notice)
  .sort((a, b) => allUnits(b.text.main).length + b.text.attachments.flatMap(allUnits).length - allUnits(a.text.main).length - a.text.attachments.flatMap(allUnits).length)[0]!;
const revision = entries.find((e) => e.data.supersedes.length > 0)!;

const specimen = servedSpecimen(test);

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('the title comes first, within the first screen; breadcrumbs end with the page itself', async ({ page }) => {
      await page.goto(`${specimen.url}/policies/${long.id}/`);
      await expect(page.locator('h1.doc-title')).toBeInViewport();
      const current = page.locator('.breadcrumbs [aria-current="page"]');
      await expect(current).toHaveText(long.data.title);
      await expect(current.locator('a')).toHaveCount(0);
    });

    test('the 目录 stays in view as the reader scrolls: beside the text on a wide screen, folded at the foot of a narrow one', async ({ page }) => {
      await page.goto(`${specimen.url}/policies/${long.id}/`);
      const contents = page.locator('details.doc-contents');
      const nav = page.getByRole('navigation', { name: '目录' });
      // A third and two thirds down the text.
      for (const at of [1 / 3, 2 / 3]) {
        await page.evaluate((share) => {
          const text = document.querySelector('.official')!.getBoundingClientRect();
          window.scrollTo(0, scrollY + text.top + text.height * share - innerHeight / 2);
        }, at);
        await expect(contents).toBeInViewport();
        if (viewport.width >= 1200) {
          await expect(nav).toBeVisible();
          // Beside the text, not above or below it.
          const [text, box] = [(await page.locator('.official').boundingBox())!, (await contents.boundingBox())!];
          expect(box.x).toBeGreaterThan(text.x + text.width - 1);
        } else {
          await expect(nav).toBeHidden();
          const box = (await contents.boundingBox())!;
          expect(box.y + box.height).toBeGreaterThan(viewport.height - 2);
        }
      }
      if (viewport.width < 1200) {
        await page.locator('summary.doc-contents__summary').click();
        await expect(nav).toBeVisible();
        const last = nav.getByRole('link').last();
        const anchor = decodeURIComponent((await last.getAttribute('href'))!.slice(1));
        await last.click();
        await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
      }
    });

    test('the 目录 marks where the reader is, and the mark moves as the reader scrolls', async ({ page }) => {
      await page.goto(`${specimen.url}/policies/${long.id}/`);
      const clauses = [long.text.main, ...long.text.attachments].filter(needsContents).flatMap(allUnits).filter((u) => u.type === 'clause');
      const nav = page.locator('.doc-contents nav');
      const summary = page.locator('summary.doc-contents__summary');
      for (const unit of [clauses[Math.floor(clauses.length / 3)]!, clauses[Math.floor((2 * clauses.length) / 3)]!]) {
        // The 条's start just above the reading line, a third down the screen: the reader is in it.
        await page.evaluate((id) => {
          const top = document.getElementById(id)!.getBoundingClientRect().top;
          window.scrollTo(0, scrollY + top - innerHeight * 0.3);
        }, unit.anchor);
        const link = nav.locator(`a[href="#${unit.anchor}"]`);
        await expect(link).toHaveAttribute('aria-current', 'location');
        await expect(nav.locator('[aria-current]')).toHaveCount(1);
        // Beside the text it is in view; at the foot of a phone's screen, once the 目录 is opened.
        if (viewport.width < 1200) await summary.click();
        await expect(link).toBeInViewport();
        if (viewport.width < 1200) await summary.click();
      }
      // At the end of the page, the last unit on the screen, though it can rise no further: on a
      // screen tall enough that the last 条 stays below the reading line.
      await page.setViewportSize({ width: viewport.width, height: viewport.height * 3 });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const last = await page.evaluate((anchors) => {
        const onScreen = anchors.filter((id) => document.getElementById(id)!.getBoundingClientRect().top < innerHeight).at(-1)!;
        return { anchor: onScreen, below: document.getElementById(onScreen)!.getBoundingClientRect().top > innerHeight * 0.4 };
      }, clauses.map((u) => u.anchor));
      expect(last.below, 'the last 条 on the screen stays below the reading line').toBe(true);
      await expect(nav.locator('[aria-current="location"]')).toHaveAttribute('href', `#${last.anchor}`);
      await page.setViewportSize(viewport);
      // The mark is accessible as the rest.
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });

    test('every “#” stands level with its 章, 条 or heading', async ({ page }) => {
      await page.goto(`${specimen.url}/policies/${long.id}/`);
      const offsets = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.doc-unit')].map((unit) => {
          const link = unit.querySelector(':scope > .self-link')!.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(unit.children[1]!);
          const line = range.getClientRects()[0]!;
          return { id: unit.id, off: Math.abs(link.top + link.height / 2 - (line.top + line.height / 2)) };
        }),
      );
      expect(offsets.length).toBeGreaterThan(5);
      for (const { id, off } of offsets) expect(off, id).toBeLessThan(6);
    });

    test('the policy list’s filters combine, and never lead to an empty page', async ({ page }) => {
      await page.goto(`${specimen.url}/policies/`);
      const repealed = notices.get(entries.find((e) => notices.get(e.id)!.validity === '已废止')!.id)!;
      const earlier = entries.find((e) => notices.get(e.id) === repealed)!;
      // A 类别 first, then a 时效性: the 类别 is kept.
      await page.locator('.filters a', { hasText: new RegExp(`^${earlier.data.category}（`) }).click();
      await expect(page).toHaveURL(new RegExp(`${encodeURI(listHref({ category: earlier.data.category }))}$`));
      await page.locator('.filters a', { hasText: /^已废止（/ }).click();
      await expect(page).toHaveURL(new RegExp(`${encodeURI(listHref({ validity: '已废止', category: earlier.data.category }))}$`));
      await expect(page.locator('.filters a[aria-current="page"]')).toHaveText([/^已废止/, new RegExp(`^${earlier.data.category}`)]);
      await expect(page.locator('.policy-list tbody').getByRole('link')).toHaveText([earlier.data.title]);
      // Its 文号 in its column, as gov.cn's list.
      await expect(page.locator('.policy-list tbody td[data-label="发文字号"]')).toHaveText([earlier.data.docNumber!]);
      // No filter offers a value with nothing behind it, on any page a filter leads to.
      const hrefs = await page.locator('.filters a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of [page.url(), ...hrefs]) {
        await page.goto(href);
        await expect(page.locator('.filters a:not([aria-current])', { hasText: '（0）' })).toHaveCount(0);
        await expect(page.locator('main')).not.toContainText('暂无符合条件的文件');
      }
      // The list's search box searches the library, within the filters.
      await page.goto(`${specimen.url}${listHref({ validity: '已废止', category: earlier.data.category })}`);
      await page.locator('.policy-search input[name="q"]').fill('重点学科');
      await page.locator('.policy-search button').click();
      await expect(page).toHaveURL(/\/search\/\?q=/);
      await expect(page).toHaveURL(/validity=/);
      await expect(page.locator('#search-results a.result__title').first()).toHaveAttribute('href', new RegExp(`^/policies/${earlier.id}/`));
    });
  });
}

test('without JavaScript the 目录 is the same list of links, nothing marked', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  await page.goto(`${specimen.url}/policies/${long.id}/`);
  const nav = page.getByRole('navigation', { name: '目录' });
  const expected = [long.text.main, ...long.text.attachments].filter(needsContents).flatMap(allUnits).map((u) => `#${u.anchor}`);
  expect(await nav.getByRole('link').evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!)))).toEqual(expected);
  await expect(nav.locator('[aria-current]')).toHaveCount(0);
  await page.close();
});

test('the 对照 on a 320 px screen: no sideways scrolling, old above new 条 by 条', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${specimen.url}/policies/${revision.id}/对照/`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const row = page.locator('tr.compare__row').first();
  const [old, current] = [(await row.locator('td').nth(0).boundingBox())!, (await row.locator('td').nth(1).boundingBox())!];
  expect(current.y).toBeGreaterThanOrEqual(old.y + old.height - 1);
  expect(old.width).toBeGreaterThan(250);
  // Changed characters are still marked, and said to a screen reader, without widening the page.
  await expect(page.locator('ins').first()).toBeVisible();
  // Its title breaks between words on the narrow screen.
  const title = await screenTitle(page.locator('h1'));
  expect(title.lines, 'the title runs over lines at 320 px').toBeGreaterThan(1);
  expect(title.inside, 'lines of the title that end inside a word').toEqual([]);
  // Every part compared (the notice, the text, the attachments) stacks the same way.
  for (const table of await page.locator('table.compare').all()) expect((await table.boundingBox())!.width).toBeLessThanOrEqual(320);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('in print, titles break between words, and a 公文’s 版记 stands on an even last page', () => {
  for (const entry of entries) {
    const file = join(specimen.site.outDir, 'pdf/policies', `${entry.id}.pdf`);
    const pages = Number(pdfInfo(file)['Pages']);
    expect(pages % 2, `${entry.id}: ${pages} pages`).toBe(0);
    if (entry.data.printedDate) expect(squeeze(pdfText(file, pages))).toContain(squeeze(`印发`));
    // The title's lines on page 1 end where its words end.
    const title = printedTitle(pdfText(file, 1), entry.data.title);
    expect(title.start, `${entry.id}: the title on page 1`).toBeGreaterThan(-1);
    expect(title.inside, `${entry.id}: lines of its title that end inside a word`).toEqual([]);
  }
});
