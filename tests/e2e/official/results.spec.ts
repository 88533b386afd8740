/**
 * Search results that say what matched and which document it is, on the synthetic documents of
 * tests/fixtures/official/ (合成测试数据) in the shared specimen build, at a phone's width and a
 * desktop's: each policy result names its 文号 and 发文机关; a query found only in pieces is
 * marked in pieces (never the index's marked pairs), in the result and on the page it opens; the
 * status counts documents and their 条 apart; a malformed address is opened quietly.
 */
import { test, expect } from '@playwright/test';
import { allUnits, blockText, unitText } from '../../../src/lib/policy/structure.ts';
import { signatories } from '../../../src/lib/policy/facts.ts';
import { STREAM_MARK } from '../../../src/lib/search/index-content.ts';
import { noticesOf } from '../../helpers/policy-notices.ts';
import { specimenEntries, type SpecimenEntry, SPECIMEN_BUILD_DATE, servedSpecimen } from '../../helpers/specimen-site.ts';

const entries = specimenEntries;
const notices = noticesOf(entries, SPECIMEN_BUILD_DATE);
/** Everything a fixture's page holds, as one string (its title, its text). */
const textOf = (e: SpecimenEntry) => [e.data.title, ...[e.text.main, ...e.text.attachments].flatMap((part) => [...part.content.flatMap(blockText), ...allUnits(part).flatMap(unitText)])].join('\n');
const allText = entries.map(textOf).join('\n');
/** Two fixtures that share a title: two versions, told apart only by their 文号, 发文机关 and 时效性. */
const sameTitle = entries.filter((e) => entries.filter((o) => o.data.title === e.data.title).length > 1);

const specimen = servedSpecimen(test);

const search = (query: string) => `${specimen.url}/search/?${new URLSearchParams({ q: query })}`;

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('each policy result names its 文号 and 发文机关, and two versions of one title are told apart', async ({ page }) => {
      expect(sameTitle.length).toBeGreaterThan(1);
      await page.goto(search(sameTitle[0]!.data.title));
      for (const entry of sameTitle) {
        const result = page.locator('#search-results > li', { has: page.locator(`a.result__title[href^="/policies/${entry.id}/"]`) });
        await expect(result).toHaveCount(1);
        await expect(result.locator('.result__number')).toHaveText(entry.data.docNumber!);
        await expect(result.locator('.result__issuer')).toHaveText(signatories(entry.data).join('、'));
        await expect(result.locator('.result__validity')).toHaveText(notices.get(entry.id)!.validity);
      }
    });

    test('a query found only in pieces is marked in pieces, in the result and on the page it opens', async ({ page }) => {
      // Two pairs of a fixture's words that never stand together: a run of four, searched by its
      // marked pairs (the ones that carried the index's pair marker into the marks before).
      const words = [...new Set([...allText.matchAll(/\p{Script=Han}{2}/gu)].map((m) => m[0]))];
      const common = words.filter((w) => allText.split(w).length > 3);
      const query = common.flatMap((a) => common.map((b) => a + b)).find((q) => !allText.includes(q) && new Set(q).size === 4)!;
      expect(query, 'a query whose pieces occur apart').toBeDefined();
      await page.goto(search(query));
      const partial = page.locator('#search-results > li.result--partial');
      await expect(partial.first()).toBeVisible();
      const marks = await partial.first().locator('mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) {
        expect(mark).not.toContain(STREAM_MARK);
        expect([query.slice(0, 2), query.slice(2)].some((piece) => mark.includes(piece))).toBe(true);
      }
      await partial.first().locator('a.result__title').click();
      await expect(page.locator('mark.search-hit').first()).toBeVisible();
      const arrived = await page.locator('mark.search-hit').allTextContents();
      expect(arrived.every((m) => [query.slice(0, 2), query.slice(2)].some((piece) => m.includes(piece)))).toBe(true);
    });

    test('every count the status says while results load is the count of what is listed then', async ({ page }) => {
      // Each change of the status or the list, as it happens: what the status says and what is shown.
      await page.addInitScript(() => {
        const seen: Array<{ status: string; results: number; policies: number; parts: number }> = [];
        (window as unknown as { seen: typeof seen }).seen = seen;
        new MutationObserver(() => {
          const status = document.querySelector('#search-status')?.textContent ?? '';
          const results = [...document.querySelectorAll('#search-results > li.result')];
          const policies = results.filter((li) => li.querySelector('a.result__title')?.getAttribute('href')?.startsWith('/policies/')).length;
          // A 条 under its document, or a result that leads to one.
          const parts = document.querySelectorAll('#search-results .result__part').length + results.filter((li) => li.querySelector('a.result__title')?.getAttribute('href')?.includes('#')).length;
          seen.push({ status, results: results.length, policies, parts });
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      const revision = entries.find((e) => e.data.supersedes.length > 0)!;
      for (const params of [{ kind: '政策文件' }, { q: '公示期' }, { q: '1331工程' }, { q: '重点学科', validity: notices.get(revision.data.supersedes[0]!.id)!.validity }]) {
        await page.goto(`${specimen.url}/search/?${new URLSearchParams(params)}`);
        await expect(page.locator('#search-status')).toHaveText(/^找到/);
        const seen = await page.evaluate(() => (window as unknown as { seen: Array<{ status: string; results: number; policies: number; parts: number }> }).seen);
        const counted = seen.filter((s) => /^(找到|已列出) /.test(s.status));
        expect(counted.length, JSON.stringify(params)).toBeGreaterThan(0);
        for (const { status, results, policies, parts } of counted) {
          const count = (pattern: RegExp) => Number(pattern.exec(status)?.[1] ?? 0);
          expect({ status, articles: count(/(\d+) 篇文章/), documents: count(/(\d+) 份政策文件/), parts: count(/其中 (\d+) 处条款/) }).toEqual({ status, articles: results - policies, documents: policies, parts });
        }
      }
    });

    test('the status counts documents and their 条 apart', async ({ page }) => {
      // A word several 条 hold.
      const word = '公示期';
      await page.goto(search(word));
      await expect(page.locator('#search-status')).toContainText('份政策文件');
      const documents = await page.locator('#search-results > li.result').count();
      const parts = await page.locator('#search-results .result__part').count();
      expect(parts).toBeGreaterThan(documents);
      await expect(page.locator('#search-status')).toHaveText(new RegExp(`^找到 ${documents} 份政策文件（其中 ${parts} 处条款）`));
    });
  });
}

test('a malformed address opens the page quietly, with the query marked', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const entry = entries.find((e) => e.text.attachments.length > 0)!;
  await page.goto(`${specimen.url}/policies/${entry.id}/?highlight=${encodeURIComponent('重点学科')}#%E0%A4%A`);
  await expect(page.locator('mark.search-hit').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a 文号 searched marks the 文号 on arrival, not the dates of its year', async ({ page }) => {
  const entry = entries.find((e) => e.data.docNumber && textOf(e).includes(e.data.docNumber.match(/〔(\d{4})〕/)![1]!))!;
  await page.goto(search(entry.data.docNumber!));
  await page.locator(`a.result__title[href^="/policies/${entry.id}/"]`).first().click();
  await expect(page.locator('mark.search-hit').first()).toHaveText(entry.data.docNumber!);
  const marks = await page.locator('mark.search-hit').allTextContents();
  expect(marks.filter((m) => /^\d{4}$/.test(m))).toEqual([]);
});

test('a 条 found shows its text as written, the full-width space after its number kept', async ({ page }) => {
  // A phrase near the start of a 条 that nothing else holds: its excerpt then opens the 条 (第十条　…).
  const clauses = entries.flatMap((e) => [e.text.main, ...e.text.attachments].flatMap((part) => allUnits(part).filter((u) => u.type === 'clause')));
  const found = clauses.flatMap((unit) => {
    const lead = unit.lead.slice(0, 24);
    return Array.from({ length: Math.max(0, lead.length - 5) }, (_, i) => ({ unit, phrase: lead.slice(i, i + 6) }));
  }).find(({ phrase }) => /^\p{Script=Han}{6}$/u.test(phrase) && allText.split(phrase).length === 2);
  expect(found, 'a phrase only one 条 holds').toBeDefined();
  const { unit, phrase } = found!;
  const written = unitText(unit).join('\n');
  expect(written).toContain(`${unit.number}\u3000`);
  await page.goto(search(phrase));
  const excerpt = page.locator('#search-results .result__part .result__excerpt');
  await expect(excerpt).toHaveCount(1);
  await expect(excerpt.locator('mark')).toHaveText([phrase]);
  // Read as text, not through Playwright's whitespace normalising, which would take 　 for a space.
  const shown = (await excerpt.evaluate((node) => node.textContent ?? '')).replace(/^…|…$/g, '');
  expect(shown.startsWith(`${unit.number}\u3000`), shown).toBe(true);
  expect(written).toContain(shown);
});
