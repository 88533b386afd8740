import { test, expect } from '@playwright/test';

const OPINION = '山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见';

test('the policy list shows what the public edition may see, with filters that need no script', async ({ page }) => {
  await page.goto('/policies/');
  const list = page.locator('.policy-list');
  await expect(list.getByRole('link')).toHaveText([OPINION]);
  // The four documents in drafting are internal: not in the public edition's list.
  await expect(page.locator('main')).not.toContainText('绩效考评办法');
  await page.getByRole('link', { name: '现行有效（1）' }).click();
  await expect(page).toHaveURL(/\/policies\/status\/in-force\/$/);
  await expect(page.locator('.policy-list').getByRole('link')).toHaveText([OPINION]);
  await page.getByRole('link', { name: '起草中（0）' }).click();
  await expect(page.locator('main')).toContainText('暂无符合条件的文件');
  await page.goto('/policies/');
  await page.getByRole('link', { name: '意见（1）' }).click();
  await expect(page.locator('h1')).toHaveText('政策文件：意见');
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
  await expect(row('时效性')).toHaveText(/^现行有效（截至 \d{4}年\d{1,2}月\d{1,2}日）$/);
  // A catalogue entry: no text, no document to print.
  await expect(page.locator('main')).toContainText('本站尚未收录该文件正文');
  await expect(page.locator('.pdf-link')).toHaveCount(0);
  await expect(page.locator('.status-banner')).toHaveCount(0);
  const mention = page.locator('.mentions li');
  await expect(mention.getByRole('link')).toHaveText('省教育厅组织召开“1331工程”推进座谈会');
  await expect(mention.locator('blockquote')).toContainText(`为贯彻落实《${OPINION}》`);
});

test('an article names the policies it mentions; internal ones without a link', async ({ page }) => {
  await page.goto('/bulletins/2017-02/05/');
  await expect(page.locator('.related-policies').getByRole('link', { name: `《${OPINION}》` })).toHaveAttribute('href', '/policies/1331-gongcheng-yijian/');
  await page.goto('/bulletins/2017-02/07/');
  const related = page.locator('.related-policies');
  await expect(related.locator('li')).toHaveCount(4);
  await expect(related.getByRole('link')).toHaveCount(0);
  await expect(related).toContainText('《山西省实施“1331工程”统筹推进“双一流”建设绩效考评办法》');
});
