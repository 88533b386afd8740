/**
 * The body's live preview (scripts/desk/preview.ts): each component drawn as its page draws it,
 * from the files beside the article (here uploads held for it, in a scratch folder: a picture
 * drawn by sharp, a PDF, a CSV table; 合成测试数据), in its place among the paragraphs; a component
 * the content check refuses shown as its tag with the check's message at its line.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentTagsAsText, previewEntryBody } from '../../../scripts/desk/preview.ts';
import { formatFileSize } from '../../../src/lib/mdx/components.ts';
import { syntheticPdf } from '../../../scripts/samples/component-body.ts';

const ROOT = join(import.meta.dirname, '../../..');
const ARTICLE = 'content/articles/2017-02/01.mdx';
const CSV = '项目（合成）,数量\n"甲，乙",1\n丙,2\n';
let scratch: string;
let staged: Map<string, string>;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'desk-preview-'));
  staged = new Map([
    ['01-1.png', join(scratch, '01-1.png')],
    ['01-附件1.pdf', join(scratch, '01-附件1.pdf')],
    ['01-表1.csv', join(scratch, '01-表1.csv')],
  ]);
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).png().toFile(staged.get('01-1.png')!);
  writeFileSync(staged.get('01-附件1.pdf')!, await syntheticPdf('desk preview'));
  writeFileSync(staged.get('01-表1.csv')!, CSV);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const preview = async (body: string) => parse(await previewEntryBody(ROOT, ARTICLE, 'articles', body, staged, 'token-for-the-unit-test'));

describe('the preview of a body with components', () => {
  it('draws each component as the page does, in its place among the paragraphs', async () => {
    const body = [
      '合成测试数据：第一段。',
      '<图片 文件="./01-1.png" 图注="合成测试图注" 替代文字="红色的方块" 摄影="合成摄影者" />',
      '<附件 文件="./01-附件1.pdf" 标题="合成测试附件" />',
      '<表格 标题="合成表格一" 文件="./01-表1.csv" />',
      '<表格 标题="合成表格二">\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n</表格>',
      '<注>\n\n合成测试：**编者注**的文字。\n\n</注>',
      '末段。',
    ].join('\n\n');
    const html = await preview(body);
    expect(html.childNodes.filter((n) => n.nodeType === 1).map((n) => (n as ReturnType<typeof parse>).getAttribute('class') ?? (n as ReturnType<typeof parse>).tagName)).toEqual(['P', 'photo', 'attachment', 'data-table', 'data-table', 'editor-note', 'P']);
    const photo = html.querySelector('figure.photo')!;
    expect(photo.querySelector('img')!.getAttribute('alt')).toBe('红色的方块');
    expect(photo.querySelector('img')!.getAttribute('src')).toBe(`/desk/file?path=${encodeURIComponent(ARTICLE)}&name=01-1.png&uploads=token-for-the-unit-test`);
    expect(photo.querySelector('figcaption')!.text).toBe('合成测试图注（摄影：合成摄影者）');
    expect(html.querySelector('.attachment')!.text).toBe(`附件：合成测试附件（PDF，${formatFileSize(statSync(staged.get('01-附件1.pdf')!).size)}）`);
    expect(html.querySelector('.attachment a')!.getAttribute('download')).toBe('01-附件1.pdf');
    const [fromCsv, fromMarkdown] = html.querySelectorAll('figure.data-table');
    const cells = (figure: typeof fromCsv) => figure!.querySelectorAll('tr').map((row) => row.querySelectorAll('th, td').map((cell) => cell.text));
    expect(fromCsv!.querySelector('figcaption')!.text).toBe('合成表格一');
    expect(cells(fromCsv)).toEqual([['项目（合成）', '数量'], ['甲，乙', '1'], ['丙', '2']]);
    expect(cells(fromMarkdown)).toEqual([['甲', '乙'], ['1', '2']]);
    expect(fromMarkdown!.querySelector('[role=region]')!.getAttribute('aria-label')).toBe('合成表格二');
    const note = html.querySelector('aside.editor-note')!;
    expect(note.querySelector('.editor-note__label')!.text).toBe('编者注');
    expect(note.querySelector('strong')!.text).toBe('编者注');
  });

  it('shows a component the content check refuses as its tag, with the check’s message at its line; the rest is drawn', async () => {
    const html = await preview('第一段。\n\n<图片 文件="./01-1.png" 图注="合成" 替代文字="方块" 摄影="某" 尺寸="大" />\n\n<附件 文件="./01-附件9.pdf" 标题="不存在的附件" />\n\n<注>\n\n合成。\n\n</注>');
    const invalid = html.querySelectorAll('.preview-invalid');
    expect(invalid.map((d) => d.querySelector('.preview-problem')!.text)).toEqual([
      expect.stringMatching(/^第 3 行：<图片> 没有属性“尺寸”/),
      expect.stringMatching(/^第 5 行：<附件> 的属性“文件”（\.\/01-附件9\.pdf）不存在/),
    ]);
    expect(invalid[0]!.querySelector('.preview-tag')!.text).toContain('尺寸="大"');
    expect(html.querySelector('figure.photo')).toBeNull();
    expect(html.querySelector('aside.editor-note')).not.toBeNull();
  });

  it('renders a body without components as the site’s Markdown, and one that is no valid MDX with its tags as text', async () => {
    expect((await preview('合成：**加粗**。')).querySelector('strong')!.text).toBe('加粗');
    expect((await preview('甲。\n\n<注>\n\n没有闭合。')).text).toContain('<注>');
  });

  it('shows each component’s tags as text where it cannot be drawn, and leaves other text and escaped tags alone', () => {
    const body = '合成测试数据。\n\n<注>\n\n编者注。\n\n</注>\n\n<图片 文件="./01-1.jpg" />\n\n\\<注>是文字；<图片说明>不是组件。';
    expect(componentTagsAsText(body)).toBe('合成测试数据。\n\n\\<注>\n\n编者注。\n\n\\</注>\n\n\\<图片 文件="./01-1.jpg" />\n\n\\<注>是文字；<图片说明>不是组件。');
  });
});
