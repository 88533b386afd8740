import { test, expect } from '@playwright/test';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { validateContent } from '../../scripts/content/validate.ts';
import { validityOn } from '../../src/lib/policy/facts.ts';
import { successorActs } from '../../src/lib/policy/versions.ts';
import { buildDate } from '../../src/data/policies.ts';

const OPINION = '山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见';

// The lists' counts come from the content: the public edition's policies, and the articles' mentions.
const { content } = validateContent(PROJECT_ROOT);
const publicPolicies = content.policies.filter((p) => p.data.visibility === 'public');
const count = (which: (p: (typeof publicPolicies)[number]) => boolean) => publicPolicies.filter(which).length;
/** The list files a document under its 时效性 on the day of the build, as the public edition's documents act on each other. */
const entries = publicPolicies.map((p) => ({ id: p.file.id, data: p.data }));
const validity = (p: (typeof publicPolicies)[number]) => validityOn(p.data, buildDate(), successorActs(p.file.id, entries));

test('the policy list shows what the public edition may see, with filters that combine, never lead to nothing and need no script', async ({ page }) => {
  await page.goto('/policies/');
  const list = page.locator('.policy-list');
  await expect(list.getByRole('link')).toHaveText([OPINION]);
  // As gov.cn's list: 标题, 发文字号, 发文机关, 成文日期, 时效性.
  await expect(list.locator('thead th')).toHaveText(['标题', '发文字号', '发文机关', '成文日期', '时效性']);
  // The four documents in drafting are internal: not in the public edition's list.
  await expect(page.locator('main')).not.toContainText('绩效考评办法');
  // No filter offers a value with nothing behind it.
  await expect(page.locator('.filters a', { hasText: '（0）' })).toHaveCount(0);
  // The 意见 is known only from a bulletin: no date says it is in force, so its 时效性 is 不详.
  const opinion = publicPolicies.find((p) => p.data.title === OPINION)!;
  expect(validity(opinion)).toBe('不详');
  await page.getByRole('link', { name: `不详（${count((p) => validity(p) === '不详')}）` }).click();
  await expect(page).toHaveURL(/\/policies\/status\/unknown\/$/);
  await expect(page.locator('.policy-list').getByRole('link')).toHaveText([OPINION]);
  // Choosing a 类别 keeps the 时效性.
  await page.getByRole('link', { name: `意见（${count((p) => validity(p) === '不详' && p.data.category === '意见')}）` }).click();
  await expect(page).toHaveURL(/\/policies\/status\/unknown\/(意见|%E6%84%8F%E8%A7%81)\/$/);
  await expect(page.locator('h1')).toHaveText('政策文件：意见（不详）');
  await expect(page.locator('.filters a[aria-current="page"]')).toHaveText([/^不详/, /^意见/]);
  await expect(page.locator('.policy-list').getByRole('link')).toHaveText([OPINION]);
  await expect(page.locator('.filters a', { hasText: '（0）' })).toHaveCount(0);
});

test('a policy page has the metadata table, says what is unknown, and quotes the bulletin', async ({ page }) => {
  await page.goto('/policies/1331-gongcheng-yijian/');
  await expect(page.locator('h1')).toHaveText(OPINION);
  const row = (label: string) => page.locator('.policy-meta tr', { has: page.locator('th', { hasText: label }) }).locator('td');
  await expect(row('发文机关')).toHaveText('山西省人民政府');
  await expect(row('发文字号')).toHaveText('不详');
  await expect(row('成文日期')).toHaveText('不详');
  await expect(row('发布日期')).toHaveText('不详');
  await expect(row('索引号')).toHaveText('不详');
  await expect(row('主题分类')).toHaveText('不详');
  await expect(row('标题')).toHaveText(OPINION);
  // Nothing claimed without a source: no date says it has taken effect.
  await expect(row('时效性')).toHaveText('不详（本站未掌握其成文、发布或实施日期）');
  // A catalogue entry: no text, no document to print.
  await expect(page.locator('main')).toContainText('本站尚未收录该文件正文');
  await expect(page.locator('.pdf-link')).toHaveCount(0);
  await expect(page.getByRole('note', { name: '文件时效性' })).toContainText('不详');
  const mention = page.locator('.mentions li');
  await expect(mention.getByRole('link')).toHaveText('省教育厅组织召开“1331工程”推进座谈会');
  await expect(mention.locator('blockquote')).toContainText(`为贯彻落实《${OPINION}》`);
});

test('an article names the policies it mentions; internal ones without a link', async ({ page }) => {
  await page.goto('/bulletins/2017-02/05/');
  await expect(page.locator('.related-policies').getByRole('link', { name: `《${OPINION}》` })).toHaveAttribute('href', '/policies/1331-gongcheng-yijian/');
  await page.goto('/bulletins/2017-02/07/');
  const related = page.locator('.related-policies');
  // The public ones linked; the internal ones named, without a link, where the article's text quotes their title.
  const article = content.articles.find((a) => a.file.id === '2017-02/07')!;
  const mentioning = content.policies.filter((p) => p.data.mentionedIn.some((ref: { id: string }) => ref.id === '2017-02/07'));
  const linked = mentioning.filter((p) => p.data.visibility === 'public');
  const named = mentioning.filter((p) => p.data.visibility !== 'public' && article.file.body.includes(p.data.title));
  expect(named.length).toBeGreaterThan(0);
  await expect(related.locator('li')).toHaveCount(linked.length + named.length);
  await expect(related.getByRole('link')).toHaveCount(linked.length);
  await expect(related).toContainText('《山西省实施“1331工程”统筹推进“双一流”建设绩效考评办法》');
});
