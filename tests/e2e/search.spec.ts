/**
 * The search page on the built public edition. How many results a query finds is worked out from
 * the content (tests/helpers/content-search.ts), never typed here.
 */
import { test, expect, type Page } from '@playwright/test';
import { entriesHolding, searchableEntries } from '../helpers/content-search.ts';
import { KIND_LABELS } from '../../src/lib/kinds.ts';

const results = (page: Page) => page.locator('#search-results > li.result');
/** The results that hold the whole query (those holding only its pieces come after them, marked partial). */
const exact = (page: Page) => page.locator('#search-results > li.result:not(.result--partial)');
/** How many pages of the public edition hold the query. */
const found = (query: string, filter: { kind?: string; topic?: string } = {}) => entriesHolding(query, filter).length;
const status = (page: Page) => page.locator('#search-status');

async function searchFor(page: Page, query: string, extra = '') {
  await page.goto(`/search/?q=${encodeURIComponent(query)}${extra}`);
  await expect(status(page)).not.toHaveText(/正在搜索|^$/);
}

test('the header search box leads to the search page, which shows results on load', async ({ page }) => {
  await page.goto('/bulletins/2017-02/');
  await page.getByRole('search', { name: '全站搜索' }).getByRole('searchbox').fill('吕梁学院');
  await page.getByRole('search', { name: '全站搜索' }).getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=%E5%90%95%E6%A2%81%E5%AD%A6%E9%99%A2$/);
  await expect(exact(page)).toHaveCount(found('吕梁学院'));
  await expect(page.getByRole('searchbox', { name: '搜索字词' })).toHaveValue('吕梁学院');
});

test('a phrase that cuts across words is found, and highlighted as one span', async ({ page }) => {
  await searchFor(page, '医科大学汾阳');
  expect(found('医科大学汾阳')).toBe(1);
  await expect(exact(page)).toHaveCount(1);
  const first = results(page).first();
  await expect(first.getByRole('link')).toHaveText('省教育厅与吕梁市签署“1331工程”战略合作协议');
  await expect(first.locator('.result__excerpt mark')).toHaveText(['医科大学汾阳']);
  await expect(first.locator('.result__meta')).toContainText('工作要讯');
  await expect(first.locator('.result__meta')).toContainText('2017年第2期');
  await expect(first.locator('.result__meta')).toContainText('2017年5月18日');
});

test('pages that hold the phrase rank above pages that hold its pieces', async ({ page }) => {
  // 第1篇 says 副书记张培良; 第6篇 holds every piece of it (副书记、……书记张培良) but not the phrase.
  await searchFor(page, '副书记张培良');
  const items = page.locator('#search-results > li');
  await expect(items.nth(0).getByRole('link')).toHaveText(/^吴俊清在省高校工委/);
  await expect(items.nth(0).locator('mark')).toHaveText(['副书记张培良']);
  await expect(items.nth(1)).toHaveText('以下结果只包含查询词的部分字词');
  await expect(items.nth(2)).toHaveClass(/result--partial/);
  await expect(items.nth(2).getByRole('link')).toHaveText(/^省教育厅“两提一创”专项活动工作推进会/);
  const partial = page.locator('#search-results > li.result--partial');
  await expect(exact(page)).toHaveCount(found('副书记张培良'));
  const [whole, pieces] = [await exact(page).count(), await partial.count()];
  expect(pieces).toBeGreaterThan(0);
  await expect(status(page)).toHaveText(`找到 ${whole + pieces} 篇文章：${whole} 项包含“副书记张培良”，${pieces} 项只包含其部分字词。`);
});

test('space-separated terms must all be found', async ({ page }) => {
  await searchFor(page, '吕梁 职业教育');
  const holding = entriesHolding('吕梁 职业教育').map((entry) => entry.title);
  expect(holding.length).toBeGreaterThan(0);
  await expect(results(page).getByRole('link')).toHaveText(holding);
  await searchFor(page, '吕梁 不存在的词');
  await expect(results(page)).toHaveCount(0);
  await expect(status(page)).toContainText('没有找到');
});

test('digits mixed with Chinese and one-character queries work', async ({ page }) => {
  await searchFor(page, '34所');
  await expect(exact(page)).toHaveCount(found('34所'));
  await expect(results(page).locator('mark')).toHaveText(['34所']);
  await searchFor(page, '吕');
  await expect(results(page)).toHaveCount(found('吕'));
});

test('filters and sort live in the URL', async ({ page }) => {
  await searchFor(page, '1331工程');
  await expect(exact(page)).toHaveCount(found('1331工程'));
  await page.getByLabel('类别').selectOption(KIND_LABELS.policy);
  await expect(page).toHaveURL(/kind=%E6%94%BF%E7%AD%96%E6%96%87%E4%BB%B6/);
  await expect(exact(page)).toHaveCount(found('1331工程', { kind: KIND_LABELS.policy }));
  // The public edition's one document is known only from a bulletin: its 时效性 is 不详, and it names its 发文机关.
  await expect(results(page).locator('.result__validity')).toHaveText('不详');
  await expect(results(page).locator('.result__issuer')).toHaveText('山西省人民政府');
  await page.getByLabel('类别').selectOption(KIND_LABELS.article);
  await page.getByLabel('排序').selectOption('oldest');
  await expect(page).toHaveURL(/sort=oldest/);
  const articles = found('1331工程', { kind: KIND_LABELS.article });
  await expect(exact(page)).toHaveCount(articles);
  // A shared link restores the same search.
  const url = page.url();
  await page.goto('/');
  await page.goto(url);
  await expect(page.getByLabel('类别')).toHaveValue(KIND_LABELS.article);
  await expect(page.getByLabel('排序')).toHaveValue('oldest');
  await expect(exact(page)).toHaveCount(articles);
  await page.goto('/search/?q=%E5%8F%8C%E4%B8%80%E6%B5%81&topic=%E4%B8%A4%E6%8F%90%E4%B8%80%E5%88%9B');
  await expect(exact(page)).toHaveCount(found('双一流', { topic: '两提一创' }));
});

test('the URL follows the reader as they type', async ({ page }) => {
  await page.goto('/search/');
  await page.getByRole('searchbox', { name: '搜索字词' }).pressSequentially('两提一创', { delay: 30 });
  await expect(page).toHaveURL(/\?q=%E4%B8%A4%E6%8F%90%E4%B8%80%E5%88%9B$/);
  await expect(exact(page)).toHaveCount(found('两提一创'));
});

test('a query is text, never markup', async ({ page }) => {
  let dialog = false;
  page.on('dialog', () => (dialog = true));
  const attack = '<img src=x onerror="window.__pwned=1;alert(1)">';
  await searchFor(page, attack);
  await expect(page.getByRole('searchbox', { name: '搜索字词' })).toHaveValue(attack);
  await expect(status(page)).toContainText('没有找到');
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialog).toBe(false);
  await searchFor(page, '"><script>window.__pwned=2</script>吕梁');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('nothing found says so', async ({ page }) => {
  await searchFor(page, '量子计算');
  await expect(results(page)).toHaveCount(0);
  await expect(status(page)).toHaveText(/没有找到包含“量子计算”的内容/);
});

test('opening a result highlights the query on the page', async ({ page }) => {
  await searchFor(page, '医科大学汾阳');
  await results(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/bulletins\/2017-02\/04\/\?highlight=/);
  const mark = page.locator('mark.search-hit');
  await expect(mark).toHaveText(['医科大学汾阳']);
  await expect(mark).toBeInViewport();
  await expect(page.locator('h1')).toHaveText('省教育厅与吕梁市签署“1331工程”战略合作协议');
});

test('a result shows the text with its own spacing', async ({ page }) => {
  // A space the content has between two runs of text (一流大学 一流学科; 1331 工程 where typeset
  // so), and the run after it as the query, found first there: the result's excerpt shows both
  // runs with the space between them, as the page does.
  const spaced = searchableEntries()
    .filter((entry) => entry.visibility === 'public')
    // The text a result shows: the entry's text after its title.
    .map((entry) => ({ entry, text: entry.text.slice(entry.title.length + 1) }))
    .flatMap(({ entry, text }) => [...text.matchAll(/([\p{L}\p{N}]{2})(\s+)(\p{Script=Han}{4})/gu)].map((match) => ({ entry, text, match })))
    .find(({ text, match }) => text.indexOf(match[3]!) === match.index + match[1]!.length + match[2]!.length);
  expect(spaced, 'a space in the content between two runs of text').toBeDefined();
  const { entry, match } = spaced!;
  const [, before, space, query] = match as unknown as [string, string, string, string];
  await searchFor(page, query);
  const result = results(page).filter({ has: page.getByRole('link', { name: entry.title, exact: true }) });
  await expect(result).toHaveCount(1);
  await expect(result.locator('.result__excerpt mark').first()).toHaveText(query);
  // Read as text, not through Playwright's whitespace normalising.
  const shown = await result.locator('.result__excerpt').evaluate((node) => node.textContent ?? '');
  expect(shown).toContain(`${before}${space}${query}`);
});
