/**
 * The policy library finds and tracks, on the synthetic documents of tests/fixtures/official/
 * (合成测试数据: a 管理办法, its revision, a 通知), in the shared specimen build
 * (tests/helpers/specimen-site.ts): a phrase from one 条 leads to that 条 and marks it there;
 * every spelling of a 文号 finds its document first; the 时效性 filter; the comparison of the
 * revision with the version before it, every part that changed; the earlier version's notice; the feed of changes.
 * Expectations are worked out from the fixtures with the site's own libraries, never written in.
 */
import { test, expect } from '@playwright/test';
import { allUnits, comparedPart } from '../../../src/lib/policy/structure.ts';
import { carriedDocument, policyDate, validityOn, VALIDITIES } from '../../../src/lib/policy/facts.ts';
import { successorActs } from '../../../src/lib/policy/versions.ts';
import { compareDocuments, comparedDocument, formatSummary } from '../../../src/lib/policy/compare.ts';
import { parseDocNumber } from '../../../src/lib/policy/doc-number.ts';
import { specimenEntries, type SpecimenEntry, SPECIMEN_BUILD_DATE, servedSpecimen } from '../../helpers/specimen-site.ts';

const entries = specimenEntries;
const byId = new Map(entries.map((e) => [e.id, e]));
const validity = (e: SpecimenEntry) => validityOn(e.data, SPECIMEN_BUILD_DATE, successorActs(e.id, entries));
/** The revision among the fixtures, and the version it supersedes. */
const revision = entries.find((e) => e.data.supersedes.length > 0)!;
const earlier = byId.get(revision.data.supersedes[0]!.id)!;
const clauseText = (e: SpecimenEntry) => allUnits(comparedPart(e.text, carriedDocument(e.data.title, e.data.attachments))).filter((u) => u.type === 'clause');

const specimen = servedSpecimen(test);

const search = (query: string, params: Record<string, string> = {}) => `${specimen.url}/search/?${new URLSearchParams({ ...(query ? { q: query } : {}), ...params })}`;
const status = (page: import('@playwright/test').Page) => page.locator('#search-status');

test('a phrase from one 条 leads to that 条, and the page opens there with the phrase marked', async ({ page }) => {
  // A phrase only one 条 of all the documents holds: the middle of the revision's longest clause
  // that is its own (not shared with the earlier version).
  const others = entries.flatMap((e) => [e.data.title, ...allUnits(e.text.main).map((u) => u.lead), ...e.text.attachments.flatMap((a) => allUnits(a).map((u) => u.lead))]);
  const candidates = clauseText(revision).flatMap((unit) => {
    const lead = unit.lead.replace(/[，。；、：]/g, '');
    return Array.from({ length: Math.max(0, lead.length - 6) }, (_, i) => ({ unit, phrase: lead.slice(i, i + 6) }));
  });
  const { unit, phrase } = candidates.find(({ phrase }) => /^\p{Script=Han}{6}$/u.test(phrase) && others.filter((t) => t.includes(phrase)).length === 1)!;
  await page.goto(search(phrase));
  // One document, through one of its 条: counted apart.
  await expect(status(page)).toContainText('找到 1 份政策文件（其中 1 处条款）');
  const part = page.locator('#search-results .result__part-link');
  await expect(part).toHaveCount(1);
  await expect(part).toContainText(unit.label);
  await part.click();
  await page.waitForURL((url) => decodeURIComponent(url.hash) === `#${unit.anchor}`);
  const mark = page.locator(`[id="${unit.anchor}"] mark.search-hit`);
  await expect(mark.first()).toHaveText(phrase);
  await expect(mark.first()).toBeInViewport();
});

test('a document matched in several 条 is one result, its 条 listed under it', async ({ page }) => {
  // A word that several 条 of the earlier version hold, and no other text of its page.
  const word = '公示期';
  const holding = clauseText(earlier).filter((u) => [u.lead, ...u.content.map((b) => ('text' in b ? b.text : ''))].join('').includes(word));
  expect(holding.length).toBeGreaterThan(1);
  await page.goto(search(word));
  const group = page.locator('#search-results > li', { has: page.locator(`a.result__title[href^="/policies/${earlier.id}/"]`) });
  await expect(group).toHaveCount(1);
  await expect(group.locator('.result__part-link')).toHaveText(holding.map((u) => new RegExp(`^${u.label} ·`)));
});

test('each spelling of a 文号 finds its document first', async ({ page }) => {
  const number = parseDocNumber(earlier.data.docNumber!)!;
  const spellings = [
    earlier.data.docNumber!,
    `${number.agency}[${number.year}]${number.serial}号`,
    `${number.agency}［${number.year}］第${String(number.serial).padStart(2, '0')}号`,
    `${number.agency}${number.year}年${number.serial}号`,
    `${number.agency} ${number.year} ${number.serial}`,
  ];
  for (const spelling of spellings) {
    await page.goto(search(spelling));
    const first = page.locator('#search-results a.result__title').first();
    await expect(first, spelling).toHaveAttribute('href', new RegExp(`^/policies/${earlier.id}/\\?`));
    // The document that cites it (the revision's 同时废止) comes after it.
    await expect(page.locator('#search-results a.result__title').nth(1), spelling).toHaveAttribute('href', new RegExp(`^/policies/${revision.id}/\\?`));
  }
});

test('the 时效性 filter lists exactly the documents of each 时效性, and says it in each result', async ({ page }) => {
  // Each 时效性 the fixtures have, in the order the filter offers them: each finds documents to check.
  const values = VALIDITIES.filter((value) => entries.some((e) => validity(e) === value));
  expect(values.length, 'fixtures of different 时效性').toBeGreaterThan(1);
  for (const value of values) {
    const expected = entries.filter((e) => validity(e) === value).map((e) => e.id);
    await page.goto(search('', { validity: value }));
    await expect(status(page)).toContainText('找到');
    // The status comes first, the results a moment later.
    await expect(page.locator('#search-results a.result__title').first()).toBeVisible();
    const pages = await page.locator('#search-results a.result__title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // The five real catalogue entries are in the specimen too: only the fixtures are checked here.
    expect(pages.filter((p) => byId.has(p.split('/')[2]!)).map((p) => p.split('/')[2]).sort(), value).toEqual(expected.sort());
    await expect(page.locator('#search-results .result__validity').first()).toHaveText(value);
  }
});

test('sorted by 成文日期 or 发布日期, newest or oldest first, the documents come in that order', async ({ page }) => {
  const dated = (key: 'written' | 'date') => entries.map((e) => ({ id: e.id, value: key === 'written' ? e.data.writtenDate : policyDate(e.data) })).filter((e) => e.value);
  for (const [sort, key, newest] of [['written-newest', 'written', true], ['written-oldest', 'written', false], ['newest', 'date', true], ['oldest', 'date', false]] as const) {
    const values = dated(key);
    // The order the dates give; documents of one date may come in any order among themselves.
    const expected = [...new Set(values.map((v) => v.value!))].sort().map((value) => values.filter((v) => v.value === value).map((v) => v.id).sort());
    if (newest) expected.reverse();
    expect(expected.length, 'fixtures of different dates').toBeGreaterThan(1);
    await page.goto(search('', { kind: '政策文件', sort }));
    const shown = async () =>
      (await page.locator('#search-results a.result__title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]!))).filter((id) => values.some((v) => v.id === id));
    // Results come twenty records at a time (a document's 条 are records of their own): ask for more until every dated fixture is shown.
    await expect(page.locator('#search-results a.result__title').first()).toBeVisible();
    const more = page.locator('#search-more');
    while ((await shown()).length < values.length && (await more.isVisible())) {
      await more.click();
      // The button is disabled while the next twenty load, and hidden when none is left.
      await expect.poll(async () => (await more.isHidden()) || (await more.isEnabled())).toBe(true);
    }
    const ids = await shown();
    const groups: string[][] = [];
    for (const id of ids) {
      const value = values.find((v) => v.id === id)!.value;
      if (groups.length && values.find((v) => v.id === groups.at(-1)![0])!.value === value) groups.at(-1)!.push(id);
      else groups.push([id]);
    }
    expect(groups.map((g) => g.sort()), sort).toEqual(expected);
  }
});

test('the comparison pairs each 条 with the one it became, compares every other part that changed, and marks exactly the changed characters', async ({ page }) => {
  const comparison = compareDocuments(comparedDocument(earlier.data, earlier.text), comparedDocument(revision.data, revision.text));
  await page.goto(`${specimen.url}/policies/${revision.id}/对照/`);
  await expect(page.locator('#compare-summary')).toHaveText(`${formatSummary(comparison)}。`);
  // One table per part, under its heading: the notice as well as the 办法.
  await expect(page.locator('.compare-section h2')).toHaveText(comparison.sections.map((s) => s.heading));
  expect(comparison.sections.some((s) => !s.principal && s.rows.some((r) => r.kind === 'modified'))).toBe(true);
  for (const [n, section] of comparison.sections.entries()) {
    const rows = page.locator('.compare-section').nth(n).locator('table.compare tbody tr');
    // A part besides the text that did not change only says so.
    const unchanged = !section.principal && section.rows.every((r) => r.kind === 'same');
    await expect(page.locator('.compare-section').nth(n).locator('.compare-section__same')).toHaveCount(unchanged ? 1 : 0);
    await expect(rows).toHaveCount(unchanged ? 0 : section.rows.length);
    for (const [i, row] of section.rows.entries()) {
      const cells = rows.nth(i).locator('td');
      await expect(cells.nth(0).locator('del')).toHaveText(row.oldSegments.filter((s) => s.change === 'del').flatMap((s) => s.text.split('\n').filter(Boolean)));
      await expect(cells.nth(1).locator('ins')).toHaveText(row.newSegments.filter((s) => s.change === 'ins').flatMap((s) => s.text.split('\n').filter(Boolean)));
      if (row.kind === 'renumbered') await expect(cells.nth(1).locator('.compare__renumbered')).toHaveText(`（原${row.oldName}）`);
    }
  }
  // Renumbered 条 show no marks at all.
  expect(comparison.summary.renumbered).toBeGreaterThan(0);
  await expect(page.locator('tr[data-kind="renumbered"] :is(ins, del)')).toHaveCount(0);
});

test('the earlier version says it is no longer in force and links the version that replaced it', async ({ page }) => {
  await page.goto(`${specimen.url}/policies/${earlier.id}/`);
  const notice = page.getByRole('note', { name: '文件时效性' });
  await expect(notice).toContainText(validity(earlier));
  await expect(notice.locator(`a[href="/policies/${revision.id}/"]`)).toHaveCount(1);
  // Both pages list both versions, oldest first, and the newer links its comparison.
  for (const id of [earlier.id, revision.id]) {
    await page.goto(`${specimen.url}/policies/${id}/`);
    const items = page.locator('.version-history li');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText(earlier.data.docNumber!);
    await expect(items.nth(1)).toContainText(revision.data.docNumber!);
  }
  await expect(page.locator('.version-history a', { hasText: '与上一版本对照' })).toHaveAttribute('href', `/policies/${revision.id}/对照/`);
});

test('the feed of changes tells of the repeal, newest first, linking the revision', async ({ request }) => {
  const xml = await (await request.get(`${specimen.url}/policies/feed.xml`)).text();
  const items = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => m[0]);
  const dates = items.map((item) => Date.parse(/<pubDate>(.*?)<\/pubDate>/.exec(item)![1]!));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  const repeal = items.find((item) => item.includes('<title>已废止：'))!;
  expect(repeal).toContain(`/policies/${revision.id}/`);
  expect(repeal).toContain(earlier.data.docNumber!);
});
