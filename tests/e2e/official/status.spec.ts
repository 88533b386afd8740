/**
 * A document that is not in force says so wherever a reader lands on it, on the synthetic
 * documents of tests/fixtures/official/ (合成测试数据: a 管理办法, its revision that repeals it,
 * a 通知) in the shared specimen build (tests/helpers/specimen-site.ts), at a phone's width and
 * a desktop's: a link into one of its 条, a search result, its PDF, the feed, the comparison.
 * What each must say is worked out from the fixtures with the site's own libraries
 * (tests/helpers/policy-notices.ts), never written in.
 */
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { allUnits, comparedPart } from '../../../src/lib/policy/structure.ts';
import { carriedDocument } from '../../../src/lib/policy/facts.ts';
import { markLine, type StatusNotice } from '../../../src/lib/policy/status.ts';
import { pdfInfo, pdfText, squeeze } from '../../helpers/poppler.ts';
import { noticesOf } from '../../helpers/policy-notices.ts';
import { specimenEntries, type SpecimenEntry, SPECIMEN_BUILD_DATE, servedSpecimen } from '../../helpers/specimen-site.ts';

const entries = specimenEntries;
const notices = noticesOf(entries, SPECIMEN_BUILD_DATE);
/** The fixture a later one repealed, and its notice. */
const repealed = entries.find((e) => notices.get(e.id)!.validity === '已废止')!;
const notice: StatusNotice = notices.get(repealed.id)!.notice!;
const clauses = (e: SpecimenEntry) => allUnits(comparedPart(e.text, carriedDocument(e.data.title, e.data.attachments))).filter((u) => u.type === 'clause');
/** A 条 in the middle of the repealed version: a link or a result opens the page far from its top. */
const deep = clauses(repealed).at(-3)!;

const specimen = servedSpecimen(test);

test('the fixtures hold a repealed version whose notice names what replaced it', () => {
  expect(notice.by, 'the revision that repealed it').toBeDefined();
  expect(notice.date).toBeDefined();
  expect(notice.by!.docNumber).toBeDefined();
});

/** The bar is on screen, names the 时效性 and links the document that replaced it. */
async function expectBar(page: Page) {
  const bar = page.getByRole('note', { name: '文件时效性' });
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText(notice.validity);
  await expect(bar.locator(`a[href="/policies/${notice.by!.id}/"]`)).toHaveText(notice.by!.docNumber!);
  return bar;
}

/** The 条 at `anchor` is on screen, below the bar (not under it), and says the document's 时效性 before itself. */
async function expectClause(page: Page, anchor: string) {
  const target = page.locator(`[id="${anchor}"]`);
  await expect(target).toBeInViewport();
  const bar = await expectBar(page);
  const barBox = (await bar.boundingBox())!;
  const number = (await target.locator('.doc-clause__number').boundingBox())!;
  expect(number.y, 'the 条 begins below the bar').toBeGreaterThanOrEqual(barBox.y + barBox.height - 1);
  const before = await target.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(before).toBe(`"${markLine(notice)}"`);
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('a link into a repealed 条 opens it below a bar that says so, and the bar stays in view', async ({ page }) => {
      await page.goto(`${specimen.url}/policies/${repealed.id}/#${encodeURIComponent(deep.anchor)}`);
      await expectClause(page, deep.anchor);
      // Reading on, the bar stays.
      await page.mouse.wheel(0, 1500);
      await page.waitForFunction(() => scrollY > 0);
      await expectBar(page);
    });

    test('a search result for words of a repealed 条 says 已废止, and opens the 条 with its status in view', async ({ page }) => {
      // A phrase of that 条 no other text of the fixtures holds.
      const others = entries.flatMap((e) => [e.data.title, ...allUnits(e.text.main).map((u) => u.lead), ...e.text.attachments.flatMap((a) => allUnits(a).map((u) => u.lead))]);
      const candidates = clauses(repealed).flatMap((unit) => {
        const lead = unit.lead.replace(/[，。；、：]/g, '');
        return Array.from({ length: Math.max(0, lead.length - 5) }, (_, i) => ({ unit, phrase: lead.slice(i, i + 5) }));
      });
      const { unit, phrase } = candidates.find(({ phrase }) => /^\p{Script=Han}{5}$/u.test(phrase) && others.filter((t) => t.includes(phrase)).length === 1)!;
      await page.goto(`${specimen.url}/search/?${new URLSearchParams({ q: phrase })}`);
      const result = page.locator('#search-results > li', { has: page.locator(`a.result__title[href^="/policies/${repealed.id}/"]`) });
      await expect(result.locator('.result__validity')).toHaveText(notice.validity);
      await result.locator('.result__part-link').first().click();
      await page.waitForURL((url) => decodeURIComponent(url.hash) === `#${unit.anchor}`);
      await expectClause(page, unit.anchor);
    });
  });
}

test('every page of the repealed version’s PDF carries its mark: 时效性, date and the 文号 that replaced it', () => {
  const file = join(specimen.site.outDir, 'pdf/policies', `${repealed.id}.pdf`);
  const pages = Number(pdfInfo(file)['Pages']);
  expect(pages).toBeGreaterThan(1);
  const mark = squeeze(markLine(notice));
  expect(mark).toContain(notice.validity);
  expect(mark).toContain(squeeze(notice.by!.docNumber!));
  expect(mark).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  for (let n = 1; n <= pages; n++) expect(squeeze(pdfText(file, n)), `page ${n}`).toContain(mark);
  // The version in force prints clean.
  const current = join(specimen.site.outDir, 'pdf/policies', `${notice.by!.id}.pdf`);
  expect(squeeze(pdfText(current))).not.toContain(notice.validity);
});

test('every feed entry about the repealed version says so', async ({ request }) => {
  const xml = await (await request.get(`${specimen.url}/policies/feed.xml`)).text();
  const items = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => m[0]).filter((item) => item.includes(`<title>`) && item.includes(repealed.data.docNumber!));
  const about = items.filter((item) => /<title>([^<]*)<\/title>/.exec(item)![1]!.includes(repealed.data.title));
  expect(about.length).toBeGreaterThan(1);
  for (const item of about) expect(item).toContain(notice.validity);
  // Its issue: the title says what it is now.
  expect(about.some((item) => item.includes(`<title>印发：${repealed.data.title}（${notice.validity}）</title>`))).toBe(true);
});

test('the comparison says it is not the text in force and links the version that is', async ({ page }) => {
  await page.goto(`${specimen.url}/policies/${notice.by!.id}/对照/`);
  const bar = page.getByRole('note', { name: '文件时效性' });
  await expect(bar).toContainText('不是文件的正式文本');
  await expect(bar.locator(`a[href="/policies/${notice.by!.id}/"]`)).toHaveCount(1);
  await expect(page.locator('.compare-page__versions dd').first()).toContainText(notice.validity);
  await page.mouse.wheel(0, 1500);
  await expect(bar).toBeInViewport();
});
