/**
 * The 编辑台 in a real browser, on a throwaway copy of the project (desk-project.ts), in the order
 * an editor works: an OCR draft released with 已核对; a Word file of an official document dropped
 * in, a field corrected, saved; 第2期's seed text reviewed with each page-break join marked on its
 * paragraph, and abandoned; published, and the pages show both; a failed publish keeps the
 * site; two editors' conflicting saves; undo. The Word file is the synthetic 通知
 * tests/fixtures/official/shijiaoke-2019-7.mdx (合成测试数据) rendered as the office would print it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadOfficial, officialDocx } from '../../../scripts/samples/render-official.ts';
import { DRAFT, startDesk, type DeskProject } from './desk-project.ts';

test.describe.configure({ mode: 'serial' });

const FIXTURE = join(import.meta.dirname, '../../fixtures/official/shijiaoke-2019-7.mdx');
const official = loadOfficial(FIXTURE);
const POLICY = { path: 'content/policies/shijiaoke-2019-7.mdx', page: '/policies/shijiaoke-2019-7/' };
/** The corrected 主送机关: the fixture's, with its last words changed, so that only the correction can put it on the page. */
const CORRECTED = `${official.recipients}（核对后改）`;
const TOPIC = 'content/topics/zhiye-jiaoyu.yaml';

let desk: DeskProject;

test.beforeAll(async () => {
  desk = await startDesk();
});
test.afterAll(async () => {
  await desk?.stop();
});

async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(`${desk.url}/desk/`);
  await page.getByLabel('编辑人').fill(name);
}

const axe = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

test('an OCR draft leaves 待核对 only by 已核对', async ({ page }) => {
  await signIn(page, '编辑甲');
  // The desk's home lists it, marked.
  await expect(page.locator('.issues > li', { hasText: '2017年第3期' }).locator('.badge')).toHaveText('待核对');
  await axe(page);
  await page.goto(`${desk.url}/desk/edit?path=${encodeURIComponent(DRAFT.path)}`);
  await expect(page.getByText('文字识别草稿（待核对）')).toBeVisible();
  // Saving the form keeps the draft a draft: the review flag is not a field of the form.
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.save-bar .status')).toContainText('没有改动');
  expect(readFileSync(join(desk.root, DRAFT.path), 'utf8')).toContain('review: 待核对');
  await page.getByRole('button', { name: '已核对' }).click();
  await expect(page.locator('.save-bar .status')).toContainText('已核对，已记入修改记录');
  const released = readFileSync(join(desk.root, DRAFT.path), 'utf8');
  expect(released).not.toContain('review:');
  expect(released).not.toContain('文字识别草稿');
  expect(desk.git('log', '-1', '--format=%an|%s')).toMatch(/^编辑甲\|编辑台：编辑甲核对并发布了/);
});

test('a Word file dropped in, reviewed beside its pages, a field corrected and saved', async ({ page }) => {
  await signIn(page, '编辑甲');
  await page.goto(`${desk.url}/desk/import`);
  await axe(page);
  const docx = await officialDocx(official);
  const drop = await page.evaluateHandle(({ bytes, name }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name));
    return transfer;
  }, { bytes: [...docx], name: '示教科〔2019〕7号.docx' });
  await page.dispatchEvent('[data-import]', 'drop', { dataTransfer: drop });
  await page.waitForURL(/\/desk\/review\//, { timeout: 120_000 });

  // What was read, field by field, beside the source: its pages when LibreOffice can draw them, else the text read.
  await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue(official.title);
  await expect(page.getByLabel('发文字号')).toHaveValue(official.docNumber!);
  const drawn = !spawnSync('soffice', ['--version']).error;
  if (drawn) await expect(page.getByRole('img', { name: '原件第 1 页' })).toBeVisible();
  else await expect(page.locator('.source-text')).toContainText(official.title);
  // Every paragraph is there to correct in place.
  await expect(page.locator('[data-paragraph]').first()).toHaveValue(/\S/);
  await axe(page);

  // Validation as the editor types: the schema's message under the field.
  const title = page.getByRole('textbox', { name: '标题', exact: true });
  await title.fill('');
  await expect(page.locator('[data-msg-for="title"]')).toContainText('缺少必填字段');
  await title.fill(official.title);
  await expect(page.locator('[data-msg-for="title"]')).toBeEmpty();
  await page.getByLabel('成文日期').fill('2019-02-30');
  await page.getByLabel('成文日期').fill(official.writtenDate!);
  await page.getByLabel('主送机关').fill(CORRECTED);
  expect(() => readFileSync(join(desk.root, POLICY.path))).toThrow();

  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.save-bar .status')).toContainText('已保存');
  const saved = readFileSync(join(desk.root, POLICY.path), 'utf8');
  expect(saved).toContain(`recipients: ${CORRECTED}`);
  expect(saved).toContain(`docNumber: ${official.docNumber}`);
  expect(desk.git('log', '-1', '--format=%an|%s')).toMatch(/^编辑甲\|编辑台：编辑甲导入了公文 shijiaoke-2019-7/);
});

test('each line the importer could not decide is marked where it belongs; nothing is written until 保存', async ({ page }) => {
  // 第2期's seed text: its paragraphs cut by page breaks are the import's joins (“|” at the seam).
  const seed = readFileSync(join(import.meta.dirname, '../../fixtures/seed-2017-02.txt'));
  await signIn(page, '编辑甲');
  await page.goto(`${desk.url}/desk/import`);
  await page.getByLabel('选择文件').setInputFiles({ name: 'seed-2017-02.txt', mimeType: 'text/plain', buffer: seed });
  await page.waitForURL(/\/desk\/review\//);
  const listed = await page.locator('.undecided li').allTextContents();
  expect(listed.length).toBeGreaterThan(0);
  for (const line of listed) {
    const seam = /第(\d+)篇：…(.*)\|(.*)…/.exec(line)!;
    // In the article's section, on the paragraph that holds the joined text.
    const article = page.locator('[data-entry]', { has: page.locator(`h2:has-text("content/articles/2017-02/${seam[1]!.padStart(2, '0')}.mdx")`) });
    const flagged = article.locator('.paragraphs li', { has: page.locator('.mark.join') });
    await expect(flagged.filter({ hasText: `${seam[2]}|${seam[3]}` }).locator('textarea')).toHaveValue(new RegExp((seam[2]! + seam[3]!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  const before = desk.git('status', '--porcelain');
  await page.getByRole('button', { name: '放弃这次导入' }).click();
  await page.waitForURL(/\/desk\/import$/);
  expect(desk.git('status', '--porcelain')).toBe(before);
});

test('published: the build runs with progress, says what changed, and the pages show both', async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, '编辑甲');
  await page.goto(`${desk.url}/desk/publish`);
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.locator('[data-result]')).toContainText('发布完成', { timeout: 540_000 });
  await expect(page.locator('progress')).toHaveAttribute('value', await page.locator('progress').getAttribute('max') ?? '');
  // The first publish of this copy: every page is new, the two entries' among them.
  const added = page.locator('[data-result] section', { hasText: '新增的页面' });
  await expect(added.getByRole('link', { name: POLICY.page, exact: true })).toBeVisible();
  await expect(added.getByRole('link', { name: DRAFT.page, exact: true })).toBeVisible();

  await page.goto(`${desk.url}${POLICY.page}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(official.title.slice(0, 10));
  await expect(page.getByText(CORRECTED, { exact: false }).first()).toBeVisible();
  await page.goto(`${desk.url}${DRAFT.page}`);
  await expect(page.getByText(DRAFT.headline).first()).toBeVisible();
  // And in search (the site's own search page, on the index this publish wrote), by its title.
  await page.goto(`${desk.url}/search/?q=${encodeURIComponent(official.title.slice(-14))}`);
  await expect(page.locator('#search-results > li.result').getByRole('link', { name: official.title })).toBeVisible();
});

test('a failed publish keeps the site and shows why', async ({ page }) => {
  test.setTimeout(300_000);
  // A file broken outside the desk (the desk itself refuses to save one): a status no schema knows.
  const broken = join(desk.root, 'content/policies/broken-synthetic.mdx');
  writeFileSync(broken, '---\ntitle: 合成测试数据\ncategory: 通知\nstatus: 生效\nvisibility: internal\n---\n');
  const before = readFileSync(join(desk.root, 'dist', POLICY.page, 'index.html'));
  try {
    await signIn(page, '编辑甲');
    await page.goto(`${desk.url}/desk/publish`);
    await page.getByRole('button', { name: '发布' }).click();
    await expect(page.locator('[data-result]')).toContainText('发布失败', { timeout: 240_000 });
    await expect(page.locator('[data-result]')).toContainText('content/policies/broken-synthetic.mdx');
    await expect(page.locator('[data-result]')).toContainText('status');
    expect(readFileSync(join(desk.root, 'dist', POLICY.page, 'index.html')).equals(before)).toBe(true);
    await page.goto(`${desk.url}${POLICY.page}`);
    await expect(page.getByText(CORRECTED, { exact: false }).first()).toBeVisible();
  } finally {
    rmSync(broken);
  }
});

test('two editors save the same entry: the second is shown both versions and loses nothing', async ({ browser }) => {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [a, b] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];
  for (const [page, name] of [[a, '编辑甲'], [b, '编辑乙']] as const) {
    await signIn(page, name);
    await page.goto(`${desk.url}/desk/edit?path=${encodeURIComponent(TOPIC)}`);
  }
  await a.getByLabel('说明').fill('甲写的说明（合成测试数据）。');
  await a.getByRole('button', { name: '保存' }).click();
  await expect(a.locator('.save-bar .status')).toContainText('已保存');

  await b.getByLabel('说明').fill('乙写的说明（合成测试数据）。');
  await b.getByRole('button', { name: '保存' }).click();
  await expect(b.locator('.save-bar .status')).toContainText('没有保存');
  const conflict = b.locator('[data-conflict]');
  await expect(conflict).toContainText('编辑甲');
  await expect(conflict.locator('section', { hasText: '别人保存的版本' })).toContainText('甲写的说明');
  await expect(conflict.locator('section', { hasText: '你的版本' })).toContainText('乙写的说明');
  await expect(b.getByLabel('说明')).toHaveValue('乙写的说明（合成测试数据）。');
  expect(readFileSync(join(desk.root, TOPIC), 'utf8')).toContain('甲写的说明');
  await axe(b);

  await conflict.getByRole('button', { name: '用我的版本替换' }).click();
  await expect(b.locator('.save-bar .status')).toContainText('已保存');
  expect(readFileSync(join(desk.root, TOPIC), 'utf8')).toContain('乙写的说明');
  expect(desk.git('log', '-2', '--format=%an')).toBe('编辑乙\n编辑甲\n');
  for (const context of contexts) await context.close();
});

test('an article’s body: the live preview shows it as the page will, the buttons insert the components, the check reads them as they are typed', async ({ page }) => {
  await signIn(page, '编辑甲');
  await page.goto(`${desk.url}/desk/edit?path=${encodeURIComponent('content/articles/2017-03/01.mdx')}`);
  const body = page.getByRole('textbox', { name: '正文' });
  const preview = page.locator('[data-preview]');
  await expect(preview).toContainText('模拟未经核对的文字识别草稿');
  await body.fill('合成测试数据：**加粗的文字**。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n');
  await expect(preview.locator('strong')).toHaveText('加粗的文字');
  await expect(preview.getByRole('table')).toBeVisible();
  await body.press('End');
  await page.getByRole('button', { name: '注', exact: true }).click();
  await expect(body).toHaveValue(/<注>[\s\S]*<\/注>/);
  // The component in its place in the preview, as its tag (the page draws it once published).
  await expect(preview).toContainText('<注>');
  await expect(page.locator('[data-msg-for="__body"]')).toBeEmpty();
  // A photo whose file is not beside the article: the content check's words, with the body's line, as the editor types…
  await page.getByRole('button', { name: '图片', exact: true }).click();
  const lines = (await body.inputValue()).split('\n');
  const line = lines.findIndex((l) => l.startsWith('<图片')) + 1;
  await expect(page.locator('[data-msg-for="__body"]')).toHaveText(new RegExp(`^第 ${line} 行：<图片> 的属性“文件”（\\./01-1\\.jpg）不存在`));
  // …and refused on saving, by the file's line, nothing written.
  const before = readFileSync(join(desk.root, 'content/articles/2017-03/01.mdx'), 'utf8');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.save-bar .status')).toContainText('没有保存');
  await expect(page.locator('.save-bar .status')).toContainText(/content\/articles\/2017-03\/01\.mdx:\d+：<图片> 的属性“文件”/);
  expect(readFileSync(join(desk.root, 'content/articles/2017-03/01.mdx'), 'utf8')).toBe(before);
  // At 320 px nothing is wider than the screen.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await axe(page);
});

test('undo: a change is reverted by a new commit', async ({ page }) => {
  await signIn(page, '编辑丙');
  await page.goto(`${desk.url}/desk/history`);
  await axe(page);
  const latest = page.locator('.history > li').first();
  await expect(latest).toContainText('编辑乙');
  await latest.getByRole('button', { name: '撤销这次修改' }).click();
  await expect(page.locator('[data-history-status]')).toContainText('已撤销');
  expect(readFileSync(join(desk.root, TOPIC), 'utf8')).toContain('甲写的说明');
  expect(desk.git('log', '-1', '--format=%an|%s')).toMatch(/^编辑丙\|编辑台：编辑丙撤销了“编辑台：编辑乙修改了主题/);
});
