/**
 * The body components end to end, in the MDX site (tests/helpers/mdx-site.ts: the real content
 * and a synthetic issue whose articles use them, built as `npm run build` builds): what the
 * article's page shows for each, the file 附件 offers and its size, a 表格 from a CSV file and
 * one written in Markdown, and the text the feed and the search records take from such a body.
 * Expectations come from the synthetic files written beside the article.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { COMPONENT_ARTICLE, MARKDOWN_TABLE, MARKDOWN_TABLE_ARTICLE, MDX_ISSUE, mdxSite, type MdxSite } from '../helpers/mdx-site.ts';
import { formatFileSize } from '../../src/lib/mdx/components.ts';
import { searchRecordsFor } from '../../scripts/build/build-data-stage.ts';
import type { SearchRecord } from '../../src/lib/build-data.ts';
import { previewEntryBody } from '../../scripts/desk/preview.ts';
import { entryOfText } from '../../scripts/desk/entries.ts';

let site: MdxSite;
const page = (url: string) => parse(readFileSync(join(site.outDir, url, 'index.html'), 'utf8'));
const distFile = (url: string) => join(site.outDir, decodeURIComponent(url.split('?')[0]!));
const cells = (table: HTMLElement) => table.querySelectorAll('tr').map((row) => row.querySelectorAll('th, td').map((cell) => cell.text));
const articleFolder = () => join(site.root, 'content/articles', MDX_ISSUE.id);

beforeAll(async () => {
  site = await mdxSite();
}, 600_000);

describe('an article whose body uses every component', () => {
  it('shows the photo through the image pipeline, with its 图注 and 来源 under it, between the paragraphs', async () => {
    const { photo } = site.files;
    const prose = page(COMPONENT_ARTICLE.url).querySelector('article .prose')!;
    const figure = prose.querySelector('figure.photo')!;
    expect(figure.querySelector('figcaption')!.text).toBe(`${photo!.caption}（来源：${photo!.credit}）`);
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe(photo!.alt);
    const original = await sharp(join(articleFolder(), photo!.name)).metadata();
    expect([Number(img.getAttribute('width')), Number(img.getAttribute('height'))]).toEqual([original.width, original.height]);
    expect(figure.querySelectorAll('source').map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    expect((await sharp(distFile(img.getAttribute('src')!)).metadata()).format).toBe('jpeg');
    // Between the first paragraph and the second, where the body puts it.
    const order = prose.childNodes.filter((node) => node.nodeType === 1).map((node) => (node as HTMLElement).tagName);
    expect(order.slice(0, 2)).toEqual(['P', 'FIGURE']);
  });

  it('offers the attachment for download under its title, with its type and its size worked out from the file', () => {
    const { attachment } = site.files;
    const link = page(COMPONENT_ARTICLE.url).querySelector('.attachment a')!;
    expect(link.text).toBe(attachment!.title);
    expect(link.getAttribute('download')).toBe(attachment!.name);
    const source = readFileSync(join(articleFolder(), attachment!.name));
    expect(readFileSync(distFile(link.getAttribute('href')!)).equals(source)).toBe(true);
    expect(page(COMPONENT_ARTICLE.url).querySelector('.attachment__facts')!.text).toBe(`（PDF，${formatFileSize(statSync(join(articleFolder(), attachment!.name)).size)}）`);
  });

  it('shows the CSV file as a table under its title, cell for cell', () => {
    const { table } = site.files;
    const figure = page(COMPONENT_ARTICLE.url).querySelector('figure.data-table')!;
    expect(figure.querySelector('figcaption')!.text).toBe(table!.title);
    expect(cells(figure.querySelector('table')!)).toEqual([table!.header, ...table!.rows]);
    // A wide table scrolls in a region a keyboard reaches, named by the title.
    const region = figure.querySelector('[role="region"]')!;
    expect([region.getAttribute('tabindex'), region.getAttribute('aria-label')]).toEqual(['0', table!.title]);
  });

  it('sets the editor\'s note apart, labelled 编者注', () => {
    const note = page(COMPONENT_ARTICLE.url).querySelector('aside.editor-note')!;
    expect(note.getAttribute('aria-label')).toBe('编者注');
    expect(note.querySelectorAll('p').map((p) => p.text)).toEqual(['编者注', site.files.note]);
  });

  it('shows the same components on the issue page', () => {
    const issue = page(MDX_ISSUE.url);
    expect(issue.querySelector('figure.photo figcaption')!.text).toContain(site.files.photo!.caption);
    expect(issue.querySelector('.attachment a')!.text).toBe(site.files.attachment!.title);
    expect(issue.querySelectorAll('figure.data-table').length).toBe(2);
  });

  it('gives the feed and the search its text: the paragraphs, the caption, the titles, the note and the tables\' cells, never a tag', () => {
    const records = readFileSync(searchRecordsFor(site.outDir), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as SearchRecord);
    const record = records.find((r) => r.url === COMPONENT_ARTICLE.url)!;
    const text = record.blocks.join('\n');
    for (const shown of [site.files.photo!.caption, site.files.table!.title, site.files.attachment!.title, site.files.note!]) expect(text).toContain(shown);
    // The CSV file's cells, a row a block, as a table written in Markdown gives its own.
    const { header, rows } = site.files.table!;
    for (const row of [header, ...rows]) expect(record.blocks).toContain(row.join(' '));
    const markdown = records.find((r) => r.url === MARKDOWN_TABLE_ARTICLE.url)!;
    for (const row of [MARKDOWN_TABLE.header, ...MARKDOWN_TABLE.rows]) expect(markdown.blocks).toContain(row.join(' '));
    expect(text).toContain('本段为合成文字的第二段');
    expect(text).not.toMatch(/<|文件=/);
    const feed = readFileSync(join(site.outDir, 'feed.xml'), 'utf8');
    const item = feed.slice(feed.indexOf(`<link>${new URL(COMPONENT_ARTICLE.url, 'http://localhost:4321').href}`));
    expect(item.slice(0, item.indexOf('</item>'))).toContain('本段为自动测试生成的合成文字');
  });
});

describe('the components\' stylesheet', () => {
  const stylesheets = (url: string) => page(url).querySelectorAll('link[rel="stylesheet"]').map((link) => readFileSync(distFile(link.getAttribute('href')!), 'utf8'));
  it('goes to the pages whose bodies use components, and to no other', () => {
    expect(stylesheets(COMPONENT_ARTICLE.url).some((css) => css.includes('.editor-note'))).toBe(true);
    expect(stylesheets(MDX_ISSUE.url).some((css) => css.includes('.editor-note'))).toBe(true);
    // A real article, whose body uses none.
    expect(stylesheets('/bulletins/2017-02/01/').some((css) => css.includes('.editor-note'))).toBe(false);
  });
});

describe('a table written in Markdown between the tags', () => {
  it('is the same kind of table, under its title', () => {
    const figure = page(MARKDOWN_TABLE_ARTICLE.url).querySelector('figure.data-table')!;
    expect(figure.querySelector('figcaption')!.text).toBe(MARKDOWN_TABLE.title);
    expect(cells(figure.querySelector('table')!)).toEqual([MARKDOWN_TABLE.header, ...MARKDOWN_TABLE.rows]);
  });
});

describe('the 编辑台\'s live preview of such a body', () => {
  /** An element as a reader meets it: its tag, the attributes that say what it is, its text and its children; a <picture> as its <img> (the sizes are the build's). */
  const KEPT = ['class', 'role', 'aria-label', 'tabindex', 'alt', 'download'];
  const shape = (element: HTMLElement): unknown => {
    if (element.tagName === 'PICTURE') return shape(element.querySelector('img')!);
    return {
      tag: element.tagName,
      ...Object.fromEntries(KEPT.flatMap((name) => (element.hasAttribute(name) ? [[name, element.getAttribute(name)]] : []))),
      children: element.childNodes.flatMap((node) => (node.nodeType === 1 ? ((node as HTMLElement).tagName === 'SOURCE' ? [] : [shape(node as HTMLElement)]) : node.text.trim() ? [node.text.trim()] : [])),
    };
  };

  it('draws each component as the article\'s page does: the same elements, classes and text (scripts/desk/preview.ts)', async () => {
    const path = `content/articles/${COMPONENT_ARTICLE.id}.mdx`;
    const { body } = entryOfText('articles', readFileSync(join(site.root, path), 'utf8'));
    const preview = parse(await previewEntryBody(site.root, path, 'articles', body));
    const built = page(COMPONENT_ARTICLE.url).querySelector('article .prose')!;
    for (const selector of ['figure.photo', 'p.attachment', 'figure.data-table', 'aside.editor-note']) {
      expect(shape(preview.querySelector(selector)!), selector).toEqual(shape(built.querySelector(selector)!));
    }
  });
});
