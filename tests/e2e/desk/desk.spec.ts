/**
 * The 编辑台 in a real browser, on a throwaway copy of the project (desk-project.ts), in the order
 * an editor works: an OCR draft released with 已核对; a Word file of an official document dropped
 * in, a field corrected, saved; 第2期's seed text reviewed with each page-break join marked on its
 * paragraph, and abandoned; published, and the pages show both; a failed publish keeps the
 * site; two editors' conflicting saves; undo. The Word file is the synthetic 通知
 * tests/fixtures/official/shijiaoke-2019-7.mdx (合成测试数据) rendered as the office would print it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { loadOfficial, officialDocx } from '../../../scripts/samples/render-official.ts';
import { syntheticPdf } from '../../../scripts/samples/component-body.ts';
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

test('an article’s body: the preview draws the components as the page will, files uploaded beside it are checked, and saved in one commit with it', async ({ page }) => {
  const ARTICLE = 'content/articles/2017-03/01.mdx';
  await signIn(page, '编辑甲');
  await page.goto(`${desk.url}/desk/edit?path=${encodeURIComponent(ARTICLE)}`);
  const body = page.getByRole('textbox', { name: '正文' });
  const preview = page.locator('[data-preview]');
  const bodyMessage = page.locator('[data-msg-for="__body"]');
  const uploadStatus = page.locator('[data-upload-status]');
  await expect(preview).toContainText('模拟未经核对的文字识别草稿');
  await body.fill('合成测试数据：**加粗的文字**。\n');
  await expect(preview.locator('strong')).toHaveText('加粗的文字');
  await body.press('End');
  await page.getByRole('button', { name: '注', exact: true }).click();
  await expect(preview.locator('aside.editor-note')).toContainText('编者注的文字。');
  await expect(bodyMessage).toBeEmpty();

  const upload = async (button: string, name: string, buffer: Buffer) => {
    await body.press('ControlOrMeta+End');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: button, exact: true }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  };
  // A web page renamed .pdf: refused, naming the file; nothing inserted.
  const before = await body.inputValue();
  await upload('附件', '合成测试.pdf', Buffer.from('<!doctype html><script>alert(1)</script>'));
  await expect(uploadStatus).toContainText('没有上传：“合成测试.pdf”的内容不是PDF 文件');
  expect(await body.inputValue()).toBe(before);

  // A photo: stored as the next photo of the article, inserted, its empty 图注 named by the check at its line, in the preview too.
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } }).jpeg().toBuffer();
  await upload('图片', '会场（合成）.jpg', photo);
  await expect(uploadStatus).toContainText('存为 ./01-1.jpg');
  await expect(body).toHaveValue(/<图片 文件="\.\/01-1\.jpg" 图注="" 替代文字="" 摄影="" \/>/);
  const photoLine = (await body.inputValue()).split('\n').findIndex((l) => l.startsWith('<图片')) + 1;
  await expect(preview.locator('.preview-problem').first()).toHaveText(new RegExp(`^第 ${photoLine} 行：<图片> 的属性“图注”不能为空`));
  await expect(bodyMessage).toContainText(`第 ${photoLine} 行：<图片> 的属性“图注”不能为空`);
  await body.fill((await body.inputValue()).replace('图注="" 替代文字="" 摄影=""', '图注="合成测试图注" 替代文字="红色的合成测试图" 摄影="合成摄影者"'));
  const figure = preview.locator('figure.photo');
  await expect(figure.locator('figcaption')).toHaveText('合成测试图注（摄影：合成摄影者）');
  await expect.poll(() => figure.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);

  // An attachment and a CSV table: the download line with type and size, the table with its cells.
  await upload('附件', '实施方案（合成）.pdf', Buffer.from(await syntheticPdf('desk upload')));
  await expect(preview.locator('.attachment')).toHaveText(/^附件：实施方案（合成）（PDF，\d+ KB）$/);
  await upload('表格（CSV 文件）', '名单（合成）.csv', Buffer.from('单位（合成）,人数\n合成测试学院,12\n'));
  await expect(preview.locator('figure.data-table figcaption')).toHaveText('名单（合成）');
  await expect(preview.locator('figure.data-table td').first()).toHaveText('合成测试学院');
  // A wrong property: the check's words at its line in the preview, the tag shown as written.
  await body.fill((await body.inputValue()).replace('<注>', '<注 颜色="红">'));
  await expect(preview.locator('.preview-invalid')).toContainText('<注> 没有属性“颜色”');
  await body.fill((await body.inputValue()).replace('<注 颜色="红">', '<注>'));
  await expect(bodyMessage).toBeEmpty();
  // At 320 px nothing is wider than the screen.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await axe(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Nothing beside the article until 保存; then the entry and its three files in one commit.
  expect(desk.git('status', '--porcelain', '--', 'content/articles/2017-03')).toBe('');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.save-bar .status')).toContainText('已保存');
  expect(desk.git('-c', 'core.quotepath=false', 'show', '--name-only', '--format=%an', 'HEAD').trim().split('\n').filter(Boolean).sort()).toEqual(['content/articles/2017-03/01-1.jpg', 'content/articles/2017-03/01-表1.csv', 'content/articles/2017-03/01-附件1.pdf', ARTICLE, '编辑甲'].sort());
  expect(readFileSync(join(desk.root, 'content/articles/2017-03/01-1.jpg')).equals(photo)).toBe(true);

  // A photo whose file is not beside the article: named with its line as it is typed, and refused on saving, nothing written.
  await body.fill(`${await body.inputValue()}\n<图片 文件="./01-9.jpg" 图注="合成" 替代文字="合成" 摄影="合成" />\n`);
  const line = (await body.inputValue()).split('\n').findIndex((l) => l.includes('01-9.jpg')) + 1;
  await expect(bodyMessage).toHaveText(new RegExp(`^第 ${line} 行：<图片> 的属性“文件”（\\./01-9\\.jpg）不存在`));
  const saved = readFileSync(join(desk.root, ARTICLE), 'utf8');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.save-bar .status')).toContainText(/没有保存[\s\S]*content\/articles\/2017-03\/01\.mdx:\d+：<图片> 的属性“文件”/);
  expect(readFileSync(join(desk.root, ARTICLE), 'utf8')).toBe(saved);
});

test('a new article of an issue from a blank form: named as the import names it, checked as it is typed, a table uploaded for it, written with its issue’s 要目 only on 保存', async ({ page }) => {
  await signIn(page, '编辑甲');
  await page.locator('.issues > li', { hasText: '2017年第2期' }).getByRole('link', { name: '新建这一期的文章' }).click();
  await page.waitForURL(/\/desk\/new\?/);
  await expect(page.getByLabel('所属一期')).toHaveValue('2017-02');
  const next = String(readdirSync(join(desk.root, 'content/articles/2017-02')).filter((n) => /^\d+\.mdx$/.test(n)).length + 1).padStart(2, '0');
  const path = `content/articles/2017-02/${next}.mdx`;
  await expect(page.locator('[data-new-path]')).toHaveText(`保存为 ${path}`);
  const title = page.getByRole('textbox', { name: '标题', exact: true });
  await title.fill('合成测试：新建的文章');
  await title.fill('');
  await expect(page.locator('[data-msg-for="title"]')).toContainText('缺少必填字段');
  await title.fill('合成测试：新建的文章');
  await page.getByLabel('正文').fill('合成测试数据：新建文章的正文。\n\n<注 颜色="红">\n\n合成。\n\n</注>');
  await expect(page.locator('[data-msg-for="__body"]')).toContainText('第 3 行：<注> 没有属性“颜色”');
  await page.getByLabel('正文').fill('合成测试数据：新建文章的正文。\n');
  await expect(page.locator('[data-msg-for="title"]')).toBeEmpty();
  // A CSV table uploaded under the new article's name, drawn in its preview.
  await page.getByLabel('正文').press('ControlOrMeta+End');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '表格（CSV 文件）', exact: true }).click();
  await (await chooser).setFiles({ name: '名单（合成）.csv', mimeType: 'text/csv', buffer: Buffer.from('单位（合成）,人数\n合成测试学院,3\n') });
  await expect(page.locator('[data-preview] figure.data-table td').first()).toHaveText('合成测试学院');
  await axe(page);
  expect(desk.git('status', '--porcelain', '--', 'content')).toBe('');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.save-bar .status')).toContainText(`已保存为 ${path}`);
  expect(readFileSync(join(desk.root, path), 'utf8')).toContain('合成测试数据：新建文章的正文。');
  expect(readFileSync(join(desk.root, 'content/issues/2017-02.mdx'), 'utf8')).toContain(`  - 2017-02/${next}\n`);
  // A new issue's form, with its first article's: named by year and number as they are typed.
  await page.goto(`${desk.url}/desk/new?collection=issues`);
  await page.getByLabel('年份').fill('2017');
  await page.getByLabel('期号（第N期）').fill('5');
  await expect(page.locator('[data-new-path]')).toHaveText(['保存为 content/issues/2017-05.mdx', '保存为 content/articles/2017-05/01.mdx']);
  await axe(page);
  // One commit: the article and its issue (git lists the files in path order).
  expect(desk.git('-c', 'core.quotepath=false', 'show', '--name-only', '--format=%an|%s', 'HEAD').trim().split('\n').filter(Boolean)).toEqual(['编辑甲|编辑台：编辑甲新建了文章 合成测试：新建的文章', `content/articles/2017-02/${next}-表1.csv`, path, 'content/issues/2017-02.mdx']);
});

test('undo: a change is reverted by a new commit', async ({ page }) => {
  await signIn(page, '编辑丙');
  await page.goto(`${desk.url}/desk/history`);
  await axe(page);
  // The files of a save by their names as saved, the uploaded ones among them.
  await expect(page.locator('.history')).toContainText('content/articles/2017-03/01-附件1.pdf');
  // 编辑乙's replacing of the topic (the article saved since is another file).
  const latest = page.locator('.history > li', { hasText: '编辑台：编辑乙修改了主题' }).first();
  await expect(latest).toBeVisible();
  await latest.getByRole('button', { name: '撤销这次修改' }).click();
  await expect(page.locator('[data-history-status]')).toContainText('已撤销');
  expect(readFileSync(join(desk.root, TOPIC), 'utf8')).toContain('甲写的说明');
  expect(desk.git('log', '-1', '--format=%an|%s')).toMatch(/^编辑丙\|编辑台：编辑丙撤销了“编辑台：编辑乙修改了主题/);
});
